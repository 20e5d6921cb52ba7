/**
 * Every item the feeds delivered and where the newsroom put it (src/newsroom decides, here
 * it is remembered): its fate, its development ("g:<id>") or event, score and reason. What
 * a restart rebuilds the engine from, and what `npm run feeds -- items` lists.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export type NewsFate = "attached" | "suggested" | "published" | "rejected" | "unmatched" | "duplicate";

export interface NewsItemRow {
  id: number;
  storyId: number;
  feedId: number;
  feedUrl: string;
  itemKey: string;
  url: string | null;
  title: string;
  summary: string;
  publishedAt: number;
  language: "en" | "zh";
  outlet: string;
  entityIds: number[];
  /** Null: not classified yet. */
  fate: NewsFate | null;
  groupId: string | null;
  eventKey: string | null;
  eventId: number | null;
  score: number | null;
  reason: string;
}

interface Row {
  id: number;
  story_id: number;
  feed_id: number;
  feed_url: string;
  item_key: string;
  url: string | null;
  title: string;
  summary: string;
  published_at: number;
  language: "en" | "zh";
  outlet: string;
  entity_ids: string;
  fate: NewsFate | null;
  group_id: string | null;
  event_key: string | null;
  event_id: number | null;
  score: number | null;
  reason: string;
}

export interface NewNewsItem {
  storyId: number;
  feedId: number;
  itemKey: string;
  url: string | null;
  title: string;
  summary: string;
  publishedAt: number;
  language: "en" | "zh";
  outlet: string;
  entityIds: number[];
  fate: "unmatched" | "duplicate" | null;
  reason: string;
  seenAt: number;
}

export interface Placement {
  id: number;
  fate: NewsFate;
  groupId: string | null;
  eventKey: string | null;
  eventId: number | null;
  score: number | null;
  reason: string;
}

const COLS = `n.id, n.story_id, n.feed_id, f.url AS feed_url, n.item_key, n.url, n.title, n.summary, n.published_at, n.language, n.outlet,
  n.entity_ids, n.fate, n.group_id, n.event_key, n.event_id, n.score, n.reason`;

type Filter = { story: number | null; feed: number | null; limit: number };

const q = prepared((db: Db) => ({
  insert: db.prepare<Omit<NewNewsItem, "entityIds"> & { entityIdsJson: string }, { id: number }>(
    `INSERT INTO news_items (story_id, feed_id, item_key, url, title, summary, published_at, language, outlet, entity_ids, fate, reason, seen_at)
     VALUES (:storyId, :feedId, :itemKey, :url, :title, :summary, :publishedAt, :language, :outlet, :entityIdsJson, :fate, :reason, :seenAt)
     ON CONFLICT (feed_id, item_key) DO NOTHING RETURNING id`,
  ),
  place: db.prepare<Placement>(
    `UPDATE news_items SET fate = :fate, group_id = :groupId, event_key = :eventKey, event_id = :eventId, score = :score, reason = :reason
     WHERE id = :id`,
  ),
  // Unmatched and duplicate items have no place in the engine: a feed of 10,000 items is mostly those.
  ofStory: db.prepare<[number], Row>(
    `SELECT ${COLS} FROM news_items n JOIN feeds f ON f.id = n.feed_id WHERE n.story_id = ? AND (n.fate IS NULL OR n.fate NOT IN ('unmatched', 'duplicate')) ORDER BY n.id`,
  ),
  byId: db.prepare<[number], Row>(`SELECT ${COLS} FROM news_items n JOIN feeds f ON f.id = n.feed_id WHERE n.id = ?`),
  ofEvent: db.prepare<[number], Row>(`SELECT ${COLS} FROM news_items n JOIN feeds f ON f.id = n.feed_id WHERE n.event_id = ? ORDER BY n.published_at, n.id`),
  list: db.prepare<Filter, Row>(
    `SELECT ${COLS} FROM news_items n JOIN feeds f ON f.id = n.feed_id
     WHERE (:story IS NULL OR n.story_id = :story) AND (:feed IS NULL OR n.feed_id = :feed)
     ORDER BY n.published_at DESC, n.id DESC LIMIT :limit`,
  ),
  settle: db.prepare<{ event: number; fate: NewsFate; key: string | null }>(
    "UPDATE news_items SET fate = :fate, event_key = coalesce(:key, event_key) WHERE event_id = :event AND fate = 'suggested'",
  ),
}));

function toItem(r: Row): NewsItemRow {
  let entityIds: number[] = [];
  try {
    const v: unknown = JSON.parse(r.entity_ids);
    if (Array.isArray(v)) entityIds = v.filter((x): x is number => Number.isInteger(x));
  } catch {
    // a damaged list names nobody
  }
  return {
    id: r.id,
    storyId: r.story_id,
    feedId: r.feed_id,
    feedUrl: r.feed_url,
    itemKey: r.item_key,
    url: r.url,
    title: r.title,
    summary: r.summary,
    publishedAt: r.published_at,
    language: r.language,
    outlet: r.outlet,
    entityIds,
    fate: r.fate,
    groupId: r.group_id,
    eventKey: r.event_key,
    eventId: r.event_id,
    score: r.score,
    reason: r.reason,
  };
}

/** Remembers a delivered item; null when this feed already delivered it. Call inside the poll's transaction. */
export function insertNewsItem(db: Db, item: NewNewsItem): number | null {
  const { entityIds, ...rest } = item;
  return q(db).insert.get({ ...rest, entityIdsJson: JSON.stringify(entityIds) })?.id ?? null;
}

/** Where the newsroom put an item. */
export function placeNewsItem(db: Db, p: Placement): void {
  q(db).place.run(p);
}

/** Every item of a story that has (or awaits) a place, oldest first: what the engine is rebuilt from. */
export function storyNewsItems(db: Db, storyId: number): NewsItemRow[] {
  return q(db).ofStory.all(storyId).map(toItem);
}

export function getNewsItem(db: Db, id: number): NewsItemRow | null {
  const r = q(db).byId.get(id);
  return r ? toItem(r) : null;
}

/** The items that are sources of an event (a development's pending event included), earliest first. */
export function newsItemsOfEvent(db: Db, eventId: number): NewsItemRow[] {
  return q(db).ofEvent.all(eventId).map(toItem);
}

/** Delivered items, newest first, of one story and/or feed when given. */
export function listNewsItems(db: Db, filter: { storyId?: number | null; feedId?: number | null; limit?: number } = {}): NewsItemRow[] {
  return q(db)
    .list.all({ story: filter.storyId ?? null, feed: filter.feedId ?? null, limit: filter.limit ?? -1 })
    .map(toItem);
}

/** A development was approved (published as `key`) or rejected: its items say so. */
export function settleDevelopment(db: Db, eventId: number, fate: "published" | "rejected", key: string | null): void {
  q(db).settle.run({ event: eventId, fate, key });
}
