/** Domain objects that db/ hands out. camelCase; times are unix milliseconds (UTC). */

import type { Verification } from "./event-sources.ts";

export type Lang = "en" | "zh";
export type EntityKind = "person" | "organization" | "place" | "other";
export type Precision = "date" | "datetime";
export type EventOrigin = "file" | "editor" | "feed";

/** A text in both languages; either may be missing (null), never both for a required text. */
export interface Localized {
  en: string | null;
  zh: string | null;
}

export interface Story {
  id: number;
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
  eventCount: number;
}

/** Enough of an entity to name it and link to it. */
export interface EntityRef {
  id: number;
  key: string;
  kind: EntityKind;
  name: Localized;
}

export interface Entity extends EntityRef {
  storyId: number;
  role: Localized;
  aliases: string[];
  mentions: number;
}

export interface Quote {
  by: EntityRef | null;
  text: Localized;
}

export interface Source {
  name: string;
  url: string | null;
}

/** An event as lists show it. */
export interface EventSummary {
  id: number;
  storyId: number;
  key: string;
  at: number;
  precision: Precision;
  title: Localized;
  importance: number;
  origin: EventOrigin;
  addedAt: number;
  entities: EntityRef[];
}

/** An event with everything /event shows. */
export interface EventDetail extends EventSummary {
  summary: Localized;
  quotes: Quote[];
  sources: Source[];
  updatedAt: number;
}

/** A story as the importer hands it to db/: validated, ids resolved to keys. */
export interface StoryInput {
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
  entities: EntityInput[];
  events: EventInput[];
}

export interface EntityInput {
  key: string;
  kind: EntityKind;
  name: Localized;
  role: Localized;
  aliases: string[];
}

export interface EventInput {
  key: string;
  at: number;
  precision: Precision;
  title: Localized;
  summary: Localized;
  importance: number;
  entityKeys: string[];
  quotes: { byKey: string; text: Localized }[];
  sources: Source[];
  /** The status the file sets, with its note; absent or null: none (its sources decide, or an editor). */
  verification?: Verification | null;
  verificationNote?: string | null;
}

/** An entity the story file no longer has, kept because events not from the file still use it. */
export interface KeptEntity {
  key: string;
  kind: EntityKind;
  /** The events that link or quote it, in the order they were added. */
  eventKeys: string[];
}

/** What one import did to one story. */
export interface ImportCounts {
  slug: string;
  entities: number;
  events: number;
  created: number;
  updated: number;
  removed: number;
  storyChanged: boolean;
  /** Entities gone from the file but kept for events added in Discord or by feeds, by key. */
  kept: KeptEntity[];
}

/** Just enough of an event to name and date it. */
export interface EventRef {
  id: number;
  key: string;
  at: number;
  precision: Precision;
  title: Localized;
}

/** Everything /who shows about one entity. */
export interface EntityProfile {
  entity: Entity;
  /** Events they appear in, oldest first, at most the limit asked for. */
  events: EventSummary[];
  /** How many events mention them in all. */
  totalEvents: number;
  quotes: { text: Localized; event: EventRef }[];
  /** Distinct sources behind the events listed. */
  sources: Source[];
}

/** How well a typed name matched an entity, best first. */
export type MatchRank = "exact" | "prefix" | "substring" | "fuzzy";

export interface EntityMatch {
  entity: EntityRef;
  mentions: number;
  rank: MatchRank;
  /** The name or alias that matched, as stored (normalised). */
  matched: string;
}

/**
 * What a typed name means in a story (src/resolvers/entity.ts): one entity; several equally
 * good matches (`more`: there were more than the resolver's limit); nobody, with names to
 * suggest; or nothing to look up (no letters or digits in it).
 */
export type EntityResolution =
  | { kind: "one"; entity: EntityRef }
  | { kind: "many"; matches: EntityMatch[]; more: boolean }
  | { kind: "none"; suggestions: EntityRef[] }
  | { kind: "blank" };

/** One page of a story's timeline, oldest first. */
export interface TimelinePage {
  events: EventSummary[];
  /** 0-based. */
  page: number;
  pageCount: number;
  total: number;
}

/** A search result: the event and the texts a snippet can be cut from. */
export interface SearchHit {
  event: EventSummary;
  summary: Localized;
  quotes: Localized[];
}

/** An entity and how many published events mention it: what "most mentioned" lists show. */
export interface EntityMention {
  entity: EntityRef;
  mentions: number;
}
