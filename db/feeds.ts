/**
 * Watched feeds: adding (or re-adding) one, listing, removing, and what each fetch leaves
 * behind (validators, last error, consecutive failures, backoff, pause). Removing only
 * marks a feed, so the items it has shown stay remembered if it is added again.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

/** A feed as db/ hands it out. Times are unix ms. */
export interface Feed {
  id: number;
  url: string;
  storySlug: string;
  keywords: string[];
  trusted: boolean;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastFetchAt: number | null;
  lastOkAt: number | null;
  /** An error kind (src/feeds/errors.ts) from the last fetch, null after a success. */
  lastError: string | null;
  lastErrorDetail: string | null;
  failures: number;
  skipPolls: number;
  pausedAt: number | null;
  addedBy: string | null;
  addedAt: number;
  /** How many distinct items it has shown so far. */
  itemsSeen: number;
  /** How many events its items became (any status). */
  eventsMade: number;
}

interface FeedRow {
  id: number;
  url: string;
  story_slug: string;
  keywords: string;
  trusted: number;
  title: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: number | null;
  last_ok_at: number | null;
  last_error: string | null;
  last_error_detail: string | null;
  failures: number;
  skip_polls: number;
  paused_at: number | null;
  added_by: string | null;
  added_at: number;
  items_seen: number;
  events_made: number;
}

/** After this many failures in a row a feed is paused. */
export const MAX_FAILURES = 5;
/** The most polls a failing feed skips between attempts. */
export const MAX_SKIP = 16;

const COLS = `f.id, f.url, f.story_slug, f.keywords, f.trusted, f.title, f.etag, f.last_modified, f.last_fetch_at, f.last_ok_at,
  f.last_error, f.last_error_detail, f.failures, f.skip_polls, f.paused_at, f.added_by, f.added_at,
  (SELECT count(*) FROM feed_items fi WHERE fi.feed_id = f.id) AS items_seen,
  (SELECT count(fi.event_id) FROM feed_items fi WHERE fi.feed_id = f.id) AS events_made`;

type SaveParams = { url: string; slug: string; keywords: string | null; trusted: number | null; by: string | null; now: number };

const q = prepared((db: Db) => ({
  // Re-adding revives a removed feed, un-pauses it and forgets its failures; keywords and
  // trusted keep their values unless given.
  existing: db.prepare<[string], { removed_at: number | null }>("SELECT removed_at FROM feeds WHERE url = ?"),
  save: db.prepare<SaveParams, { id: number }>(
    `INSERT INTO feeds (url, story_slug, keywords, trusted, added_by, added_at, updated_at)
     VALUES (:url, :slug, coalesce(:keywords, '[]'), coalesce(:trusted, 0), :by, :now, :now)
     ON CONFLICT (url) DO UPDATE SET story_slug = excluded.story_slug,
       keywords = coalesce(:keywords, CASE WHEN feeds.removed_at IS NULL THEN feeds.keywords ELSE '[]' END),
       trusted = coalesce(:trusted, CASE WHEN feeds.removed_at IS NULL THEN feeds.trusted ELSE 0 END),
       added_by = CASE WHEN feeds.removed_at IS NULL THEN feeds.added_by ELSE excluded.added_by END,
       added_at = CASE WHEN feeds.removed_at IS NULL THEN feeds.added_at ELSE excluded.added_at END,
       failures = 0, skip_polls = 0, paused_at = NULL, last_error = NULL, last_error_detail = NULL,
       removed_at = NULL, updated_at = excluded.updated_at
     RETURNING id`,
  ),
  byId: db.prepare<[number], FeedRow>(`SELECT ${COLS} FROM feeds f WHERE f.id = ? AND f.removed_at IS NULL`),
  byUrl: db.prepare<[string], FeedRow>(`SELECT ${COLS} FROM feeds f WHERE f.url = ? AND f.removed_at IS NULL`),
  list: db.prepare<[], FeedRow>(`SELECT ${COLS} FROM feeds f WHERE f.removed_at IS NULL ORDER BY f.id`),
  active: db.prepare<[], FeedRow>(`SELECT ${COLS} FROM feeds f WHERE f.removed_at IS NULL AND f.paused_at IS NULL ORDER BY f.id`),
  remove: db.prepare<[number, number, number]>("UPDATE feeds SET removed_at = ?, updated_at = ? WHERE id = ? AND removed_at IS NULL"),
  takeSkip: db.prepare<[number]>("UPDATE feeds SET skip_polls = skip_polls - 1 WHERE id = ? AND skip_polls > 0 AND paused_at IS NULL"),
  ok: db.prepare<{ id: number; title: string | null; etag: string | null; lm: string | null; now: number }>(
    `UPDATE feeds SET title = coalesce(:title, title), etag = :etag, last_modified = :lm, last_fetch_at = :now, last_ok_at = :now,
       last_error = NULL, last_error_detail = NULL, failures = 0, skip_polls = 0 WHERE id = :id`,
  ),
  notModified: db.prepare<{ id: number; now: number }>(
    `UPDATE feeds SET last_fetch_at = :now, last_ok_at = :now, last_error = NULL, last_error_detail = NULL, failures = 0, skip_polls = 0
     WHERE id = :id`,
  ),
  // Failure n (1-based) skips the next 2^(n-1) polls, at most MAX_SKIP; failure MAX_FAILURES pauses.
  failed: db.prepare<
    { id: number; kind: string; detail: string | null; now: number; max: number; cap: number },
    { failures: number; paused_at: number | null }
  >(
    `UPDATE feeds SET last_fetch_at = :now, last_error = :kind, last_error_detail = :detail, failures = failures + 1,
       skip_polls = min(:cap, 1 << min(failures, 30)),
       paused_at = CASE WHEN failures + 1 >= :max THEN coalesce(paused_at, :now) ELSE paused_at END
     WHERE id = :id RETURNING failures, paused_at`,
  ),
}));

function parseKeywords(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

function toFeed(r: FeedRow | undefined): Feed | null {
  if (!r) return null;
  return {
    id: r.id,
    url: r.url,
    storySlug: r.story_slug,
    keywords: parseKeywords(r.keywords),
    trusted: r.trusted === 1,
    title: r.title,
    etag: r.etag,
    lastModified: r.last_modified,
    lastFetchAt: r.last_fetch_at,
    lastOkAt: r.last_ok_at,
    lastError: r.last_error,
    lastErrorDetail: r.last_error_detail,
    failures: r.failures,
    skipPolls: r.skip_polls,
    pausedAt: r.paused_at,
    addedBy: r.added_by,
    addedAt: r.added_at,
    itemsSeen: r.items_seen,
    eventsMade: r.events_made,
  };
}

/**
 * Starts watching `url` for the story `storySlug`, or updates the feed already there: its
 * story, and keywords / trusted when given (null keeps them). Either way the feed is
 * active again: un-paused, failures forgotten. `created` is true for a new (or revived) feed.
 */
export function saveFeed(
  db: Db,
  input: { url: string; storySlug: string; keywords: string[] | null; trusted: boolean | null; addedBy: string | null },
  now: number,
): { feed: Feed; created: boolean } {
  const s = q(db);
  return db
    .transaction(() => {
      // Read only to tell "added" from "updated" in the reply; the write is one upsert.
      const before = s.existing.get(input.url);
      const row = s.save.get({
        url: input.url,
        slug: input.storySlug,
        keywords: input.keywords === null ? null : JSON.stringify(input.keywords),
        trusted: input.trusted === null ? null : input.trusted ? 1 : 0,
        by: input.addedBy,
        now,
      })!;
      return { feed: getFeed(db, row.id)!, created: !before || before.removed_at !== null };
    })
    .immediate();
}

/** A watched feed by id; null if there is none (or it was removed). */
export function getFeed(db: Db, id: number): Feed | null {
  return toFeed(q(db).byId.get(id));
}

/** A watched feed by its stored URL; null if there is none (or it was removed). */
export function getFeedByUrl(db: Db, url: string): Feed | null {
  return toFeed(q(db).byUrl.get(url));
}

/** Every watched feed, paused ones included, oldest first. */
export function listFeeds(db: Db): Feed[] {
  return q(db)
    .list.all()
    .map((r) => toFeed(r)!);
}

/** The feeds a poll looks at: watched and not paused. */
export function activeFeeds(db: Db): Feed[] {
  return q(db)
    .active.all()
    .map((r) => toFeed(r)!);
}

/** Stops watching a feed; false when it was not being watched. */
export function removeFeed(db: Db, id: number, now: number): boolean {
  return q(db).remove.run(now, now, id).changes > 0;
}

/** Uses up one poll of a failing feed's backoff; true when this poll should skip it. */
export function takeBackoffSkip(db: Db, id: number): boolean {
  return q(db).takeSkip.run(id).changes > 0;
}

/** A fetch that brought the feed: its title and validators, and a clean record. */
export function recordFetchOk(db: Db, id: number, r: { title: string | null; etag: string | null; lastModified: string | null }, now: number): void {
  q(db).ok.run({ id, title: r.title, etag: r.etag, lm: r.lastModified, now });
}

/** A 304: nothing changed but the time of the fetch (and any failure streak ends). */
export function recordNotModified(db: Db, id: number, now: number): void {
  q(db).notModified.run({ id, now });
}

/**
 * A failed fetch: the error kept, the streak counted, the next polls skipped. `paused` is
 * true only for the failure that paused the feed, so that is logged once.
 */
export function recordFailure(db: Db, f: { feedId: number; kind: string; detail: string | null; now: number }): { failures: number; paused: boolean } {
  const r = q(db).failed.get({ id: f.feedId, kind: f.kind, detail: f.detail, now: f.now, max: MAX_FAILURES, cap: MAX_SKIP });
  return { failures: r?.failures ?? 0, paused: r?.failures === MAX_FAILURES };
}
