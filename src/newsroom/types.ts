/** What goes into the engine and what comes out of it. */
import type { Localized } from "../../db/types.ts";
import type { ItemLang } from "./language.ts";

/** A feed item after matching and deduplication: plain text (callers convert HTML). */
export interface NewsItem {
  /** Stable and unique (the stored item's id or key): group ids are made from it. */
  id: string;
  title: string;
  summary?: string | null;
  /** Published (ms); null or missing when the feed gave none. */
  at?: number | null;
  outlet?: string | null;
}

/** An event of the story, as the engine compares with it. */
export interface StoryEventInput {
  key: string;
  at: number;
  title: Localized;
  summary: Localized;
  entityIds: readonly number[];
}

/**
 * - attached: another report of an existing event, confident: becomes a further source of it.
 * - probable: moderately like an existing event: waits in review as "probably another report of <event>".
 * - suggested: part of a pending development the story does not have yet (a new one or one it joined).
 */
export type Fate = "attached" | "probable" | "suggested";

/** What an item shares with the target it was put with, as shown to editors. */
export interface Shared {
  /** Story entities, by their English (else Chinese) name. */
  entities: string[];
  /** Numbers and new names as written, and dates as "11-17". */
  anchors: string[];
  /** Shared phrases as written, then heavy shared words. */
  phrases: string[];
  terms: string[];
}

export interface Decision {
  item: string;
  fate: Fate;
  /** attached: the event; probable: the event it probably reports. */
  event?: string;
  /** "event:<key>" when attached, else the pending group's id ("g:<first item id>"). */
  group: string;
  /** True when this item started its group. */
  newGroup: boolean;
  score: number;
  reason: string;
  shared: Shared;
  /** The parts of the score, for tuning and for /review's details. */
  parts: { terms: number; entities: number; anchors: number; days: number | null };
  lang: ItemLang;
  /** The same text was already classified as this item: same placement, not a further report. */
  duplicateOf?: string;
  /** It joined a development an editor rejected. */
  rejected?: boolean;
}

/** A pending development as /review would show it. */
export interface GroupView {
  id: string;
  /** The event it probably reports (a group of "probable" reports). */
  event?: string;
  rejected: boolean;
  items: string[];
  /** Names not of the story given by two or more of its reports, most reports first. */
  newNames: string[];
  first: number | null;
  last: number | null;
}

/** How an item was placed before a restart: what the wiring stores and hands back. */
export type Placement = { event: string } | { group: string; event?: string };
