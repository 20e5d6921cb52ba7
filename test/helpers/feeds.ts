import { Writable } from "node:stream";
import { openDatabase, type Db } from "../../db/index.ts";
import { saveFeed, type Feed } from "../../db/feeds.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import { BUNDLED_STORY } from "../../src/config.ts";
import { startFeedPoller, type FeedPoller, type FeedPollerOptions } from "../../src/feeds/poller.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import { syncStories } from "../../src/story/import.ts";

/** Small limits so the size and deadline cases stay quick. */
export const TEST_LIMITS = { timeoutMs: 300, maxBytes: 64 * 1024 };

/** A logger that keeps every line, parsed. */
export function memoryLog(): { log: Logger; lines: { level: number; msg: string; [k: string]: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as { level: number; msg: string });
      done();
    },
  });
  return { log: createLogger("debug", sink), lines };
}

/**
 * A database (file or memory) with the bundled stories imported. `withoutEvents`: the bundled
 * story keeps its people but not its events, so every matched item starts a development of
 * its own rather than reporting an event the story has (the fixtures report its events).
 */
export function storyDb(path = ":memory:", opts: { withoutEvents?: boolean } = {}): { db: Db; storyId: number } {
  const db = openDatabase(path);
  syncStories(db, "stories");
  const storyId = getStoryBySlug(db, BUNDLED_STORY)!.id;
  if (opts.withoutEvents) db.prepare("DELETE FROM events WHERE story_id = ? AND origin = 'file'").run(storyId);
  return { db, storyId };
}

/** Follows `url` for the bundled story. */
export function follow(db: Db, url: string, opts: { keywords?: string[]; trusted?: boolean } = {}): Feed {
  return saveFeed(db, { url, storySlug: BUNDLED_STORY, keywords: opts.keywords ?? null, trusted: opts.trusted ?? null, addedBy: null }, Date.now()).feed;
}

/** A poller that only polls when told, with the test limits. */
export function testPoller(db: Db, log: Logger, extra: Partial<FeedPollerOptions> = {}): FeedPoller {
  return startFeedPoller({ db, log, config: { FEED_POLL_MINUTES: 10 }, now: Date.now, schedule: false, limits: TEST_LIMITS, ...extra });
}

export interface EventRowForTest {
  id: number;
  key: string;
  status: string;
  origin: string;
  at: number;
  precision: string;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  added_at: number;
}

/** Every event feeds made, oldest first. */
export function feedEvents(db: Db): EventRowForTest[] {
  return db
    .prepare<[], EventRowForTest>(
      "SELECT id, key, status, origin, at, precision, title_en, title_zh, summary_en, summary_zh, added_at FROM events WHERE origin = 'feed' ORDER BY id",
    )
    .all();
}

/** The entity keys and sources of an event. */
export function eventLinks(db: Db, eventId: number): { entities: string[]; sources: { name: string; url: string | null }[] } {
  const entities = db
    .prepare<[number], { key: string }>(
      "SELECT en.key FROM event_entities ee JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id = ? ORDER BY ee.position",
    )
    .all(eventId)
    .map((r) => r.key);
  const sources = db.prepare<[number], { name: string; url: string | null }>("SELECT name, url FROM sources WHERE event_id = ? ORDER BY position").all(eventId);
  return { entities, sources };
}
