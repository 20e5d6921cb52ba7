/**
 * Where the newsroom's decisions land in the database: an attached item becomes a further
 * source of its event; the first report of a development makes the development's event
 * (pending, or published at once from a trusted feed); a further report becomes one more
 * source of that event (its other language's title and summary filled in); a report of a
 * rejected development is rejected too. Every item keeps its fate, group, score and reason.
 */
import type { Db } from "../../db/index.ts";
import { addEventSource } from "../../db/event-sources.ts";
import { createFeedEvent, growFeedEvent, linkStoryKeys, setFeedItemEvent } from "../../db/feed-items.ts";
import { getNewsItem, placeNewsItem, type NewsFate, type NewsItemRow } from "../../db/news-items.ts";
import { eventIdByKey, eventKeyById } from "../../db/newsroom.ts";
import type { Localized } from "../../db/types.ts";
import type { Newsroom } from "../newsroom/index.ts";
import type { Decision } from "../newsroom/types.ts";

/** What placing one item did, for the poll's counts. */
export type PlaceOutcome = "attached" | "created" | "published" | "joined" | "rejected" | "duplicate";

export interface PlaceContext {
  db: Db;
  engine: Newsroom;
  storyId: number;
  now: number;
  trusted: (feedId: number) => boolean;
  /** The story-wide keys of items delivered in this poll (older leftovers have none here). */
  keysOf: (itemId: number) => readonly string[];
}

/** A text in the item's language. */
export function inLanguage(text: string, lang: "en" | "zh"): Localized {
  if (!text) return { en: null, zh: null };
  return lang === "zh" ? { en: null, zh: text } : { en: text, zh: null };
}

function record(c: PlaceContext, r: NewsItemRow, d: Decision, fate: NewsFate, at: { group: string | null; key: string | null; eventId: number | null }): void {
  placeNewsItem(c.db, { id: r.id, fate, groupId: at.group, eventKey: at.key, eventId: at.eventId, score: d.score, reason: d.reason });
  if (at.eventId === null) return;
  addEventSource(c.db, { eventId: at.eventId, name: r.outlet, url: r.url, language: r.language, publishedAt: r.publishedAt });
  setFeedItemEvent(c.db, r.feedId, r.itemKey, at.eventId);
  linkStoryKeys(c.db, c.storyId, c.keysOf(r.id), at.eventId);
}

/** The first report of a development: its event, pending (or published from a trusted feed). */
function startDevelopment(c: PlaceContext, r: NewsItemRow, d: Decision): PlaceOutcome {
  const publish = d.fate === "suggested" && c.trusted(r.feedId);
  const input = {
    storyId: c.storyId,
    at: r.publishedAt,
    title: inLanguage(r.title, r.language),
    summary: inLanguage(r.summary, r.language),
    entityIds: r.entityIds,
    status: publish ? ("published" as const) : ("pending" as const),
  };
  const made = createFeedEvent(c.db, input, c.now);
  if (!made) {
    record(c, r, d, "suggested", { group: d.group, key: d.event ?? null, eventId: null });
    return "joined";
  }
  if (publish) {
    c.engine.publishGroup(d.group, { key: made.key, at: input.at, title: input.title, summary: input.summary, entityIds: input.entityIds });
    record(c, r, d, "published", { group: made.key, key: made.key, eventId: made.id });
    return "published";
  }
  record(c, r, d, "suggested", { group: d.group, key: d.event ?? null, eventId: made.id });
  return "created";
}

/** Places one classified item; call inside a transaction. */
export function placeItem(c: PlaceContext, r: NewsItemRow, d: Decision): PlaceOutcome {
  if (d.duplicateOf) {
    const twin = getNewsItem(c.db, Number(d.duplicateOf));
    record(c, r, d, "duplicate", { group: null, key: twin?.eventKey ?? null, eventId: twin?.eventId ?? null });
    return "duplicate";
  }
  if (d.fate === "attached" && d.event) {
    const ev = eventIdByKey(c.db, c.storyId, d.event);
    record(c, r, d, "attached", { group: d.event, key: d.event, eventId: ev?.id ?? null });
    return "attached";
  }
  if (d.newGroup) return startDevelopment(c, r, d);
  // A further report: the development's event is its first report's.
  const head = d.group.startsWith("g:") ? getNewsItem(c.db, Number(d.group.slice(2))) : null;
  const eventId = head?.eventId ?? null;
  const ev = eventId === null ? null : eventKeyById(c.db, eventId);
  if (eventId === null || !ev) return startDevelopment(c, r, { ...d, newGroup: true });
  if (ev.status === "rejected" || d.rejected) {
    record(c, r, d, "rejected", { group: d.group, key: d.event ?? null, eventId });
    return "rejected";
  }
  if (ev.status === "published") {
    record(c, r, d, "attached", { group: ev.key, key: ev.key, eventId });
    return "attached";
  }
  growFeedEvent(c.db, {
    eventId,
    at: r.publishedAt,
    title: inLanguage(r.title, r.language),
    summary: inLanguage(r.summary, r.language),
    entityIds: r.entityIds,
    now: c.now,
  });
  record(c, r, d, "suggested", { group: d.group, key: d.event ?? null, eventId });
  return "joined";
}
