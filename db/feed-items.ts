/**
 * What feeds bring in: each item remembered once per feed, each article once per story
 * (by its link, global guid or content key: src/feeds/keys.ts), and the events matching
 * items become (origin 'feed', key `fd_<n>`, pending unless trusted).
 */
import type { Db } from "./index.ts";
import { writeEventChildren } from "./import.ts";
import { prepared } from "./prepared.ts";
import { indexEvent } from "./search.ts";
import type { Localized } from "./types.ts";

/** An event to make from a matched item. */
export interface FeedEventInput {
  storyId: number;
  at: number;
  title: Localized;
  summary: Localized;
  entityIds: number[];
  source: { name: string; url: string | null };
  /** Trusted feeds publish at once; others wait for review. */
  status: "published" | "pending";
}

/** What became of one item. */
export type ItemOutcome = "seen" | "unmatched" | "duplicate" | "created";

const q = prepared((db: Db) => ({
  names: db.prepare<[number], { entityId: number; name: string }>(
    "SELECT en.entity_id AS entityId, en.name FROM entities e JOIN entity_names en ON en.entity_id = e.id WHERE e.story_id = ?",
  ),
  see: db.prepare<[number, string, number]>("INSERT INTO feed_items (feed_id, item_key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
  // feed_links holds every story-wide key, not only links (a link as it is, "guid:…",
  // "content#…"): a row means the article is taken, whatever became of its event.
  claimed: db.prepare<[number, string], { eventId: number | null }>("SELECT event_id AS eventId FROM feed_links WHERE story_id = ? AND link = ?"),
  claim: db.prepare<[number, string, number | null]>("INSERT INTO feed_links (story_id, link, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
  itemEvent: db.prepare<[number, number, string]>("UPDATE feed_items SET event_id = ? WHERE feed_id = ? AND item_key = ?"),
  // `fd_` + the id the row is about to get: unique, and no story file can use it (file ids
  // have no "_"), nor the editor's `ed_<n>`.
  insertEvent: db.prepare<
    { story: number; at: number; te: string | null; tz: string | null; se: string | null; sz: string | null; status: string; now: number },
    { id: number; key: string }
  >(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash,
       added_at, updated_at, status)
     VALUES (:story, 'fd_' || (SELECT coalesce(max(id), 0) + 1 FROM events), :at, 'datetime', :te, :tz, :se, :sz, 3, 'feed', '',
       :now, :now, :status)
     ON CONFLICT (story_id, key) DO NOTHING RETURNING id, key`,
  ),
  linkKey: db.prepare<[number, number, string]>("UPDATE feed_links SET event_id = ? WHERE story_id = ? AND link = ? AND event_id IS NULL"),
  // A development's event takes the first title and summary each language offers, and every person.
  grow: db.prepare<{ id: number; at: number; te: string | null; tz: string | null; se: string | null; sz: string | null; now: number }>(
    `UPDATE events SET at = min(at, :at), title_en = coalesce(title_en, :te), title_zh = coalesce(title_zh, :tz),
       summary_en = coalesce(summary_en, :se), summary_zh = coalesce(summary_zh, :sz), updated_at = :now WHERE id = :id`,
  ),
  linkEntity: db.prepare<{ event: number; entity: number }>(
    `INSERT INTO event_entities (event_id, entity_id, position)
     VALUES (:event, :entity, (SELECT coalesce(max(position), -1) + 1 FROM event_entities WHERE event_id = :event)) ON CONFLICT DO NOTHING`,
  ),
}));

/** Every normalised name of every entity of a story, for matching items against. */
export function storyEntityNames(db: Db, storyId: number): { entityId: number; name: string }[] {
  return q(db).names.all(storyId);
}

/**
 * Records one item of a feed and, when `event` is given (it matched), makes its event.
 * An item this feed showed before is "seen" and nothing happens. A matched item already
 * taken in the story under any of its `storyKeys` (its link, and see
 * src/feeds/keys.ts; from any feed, even if rejected) is a "duplicate", and its other keys
 * are taken for that same event, so a third spelling of it is a duplicate too. Call
 * inside the poll's transaction.
 */
export function storeFeedItem(
  db: Db,
  item: { feedId: number; key: string; link: string | null; storyKeys?: readonly string[] },
  event: FeedEventInput | null,
  now: number,
): { outcome: ItemOutcome; eventId?: number } {
  const s = q(db);
  if (s.see.run(item.feedId, item.key, now).changes === 0) return { outcome: "seen" };
  if (!event) return { outcome: "unmatched" };
  const keys = [...new Set([...(item.link ? [item.link] : []), ...(item.storyKeys ?? [])])];
  const taken = keys.map((k) => s.claimed.get(event.storyId, k)).find((row) => row !== undefined);
  if (taken) {
    for (const k of keys) s.claim.run(event.storyId, k, taken.eventId);
    return { outcome: "duplicate" };
  }
  const row = s.insertEvent.get({
    story: event.storyId,
    at: event.at,
    te: event.title.en,
    tz: event.title.zh,
    se: event.summary.en,
    sz: event.summary.zh,
    status: event.status,
    now,
  });
  // Only if max(id) + 1 was taken by a key, which the `fd_` prefix rules out; keep the item seen.
  if (!row) return { outcome: "duplicate" };
  writeEventChildren(db, { eventId: row.id, entityIds: event.entityIds, quotes: [], quoteBy: () => null, sources: [event.source] });
  if (event.status === "published") indexEvent(db, row.id);
  s.itemEvent.run(row.id, item.feedId, item.key);
  for (const k of keys) s.claim.run(event.storyId, k, row.id);
  return { outcome: "created", eventId: row.id };
}

/** Remembers that a feed showed an item; false when it had shown it before. Inside the poll's transaction. */
export function seeFeedItem(db: Db, feedId: number, key: string, now: number): boolean {
  return q(db).see.run(feedId, key, now).changes > 0;
}

/**
 * Takes an article's story-wide keys (its link, and see src/feeds/keys.ts). True when one was
 * already taken (from any feed, even if rejected): a duplicate, whose other keys now point at
 * the same event. Otherwise they are taken with no event yet (see linkStoryKeys).
 */
export function claimStoryKeys(db: Db, storyId: number, keys: readonly string[]): boolean {
  const s = q(db);
  const taken = keys.map((k) => s.claimed.get(storyId, k)).find((row) => row !== undefined);
  for (const k of keys) s.claim.run(storyId, k, taken?.eventId ?? null);
  return taken !== undefined;
}

/** The event an article's keys stand for, once the newsroom placed it. */
export function linkStoryKeys(db: Db, storyId: number, keys: readonly string[], eventId: number): void {
  for (const k of keys) q(db).linkKey.run(eventId, storyId, k);
}

/** Makes the event of a feed item (a development's, pending unless trusted); sources are added by the caller. */
export function createFeedEvent(db: Db, event: Omit<FeedEventInput, "source">, now: number): { id: number; key: string } | null {
  const row = q(db).insertEvent.get({
    story: event.storyId,
    at: event.at,
    te: event.title.en,
    tz: event.title.zh,
    se: event.summary.en,
    sz: event.summary.zh,
    status: event.status,
    now,
  });
  if (!row) return null;
  writeEventChildren(db, { eventId: row.id, entityIds: event.entityIds, quotes: [], quoteBy: () => null, sources: [] });
  if (event.status === "published") indexEvent(db, row.id);
  return row;
}

/** A further report of a development: an earlier date, texts in a language it lacked, and its people. */
export function growFeedEvent(
  db: Db,
  input: { eventId: number; at: number; title: Localized; summary: Localized; entityIds: readonly number[]; now: number },
): void {
  const s = q(db);
  s.grow.run({ id: input.eventId, at: input.at, te: input.title.en, tz: input.title.zh, se: input.summary.en, sz: input.summary.zh, now: input.now });
  for (const id of input.entityIds) s.linkEntity.run({ event: input.eventId, entity: id });
}

/** The event a feed's item is a source of (counted in /feed list). */
export function setFeedItemEvent(db: Db, feedId: number, key: string, eventId: number): void {
  q(db).itemEvent.run(eventId, feedId, key);
}
