/**
 * One feed, once: fetch (conditionally), read, store its new items and let the newsroom
 * place them (attached, a development, …) — or record why it failed. Never throws: a feed's trouble stays that feed's.
 */
import type { Db } from "../../db/index.ts";
import { claimStoryKeys, seeFeedItem, storyEntityNames } from "../../db/feed-items.ts";
import { getFeed, recordFailure, recordFetchOk, recordNotModified, type Feed } from "../../db/feeds.ts";
import { getNewsItem, insertNewsItem, type NewsItemRow } from "../../db/news-items.ts";
import { classifyAll } from "../newsroom/index.ts";
import { asNewsItem, withNewsroom } from "./newsroom.ts";
import { placeItem } from "./place.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import { hasHan } from "../../db/text.ts";
import type { Story } from "../../db/types.ts";
import type { Logger } from "../log.ts";
import { truncate } from "../render/limits.ts";
import { FeedError, type FeedErrorKind } from "./errors.ts";
import { fetchFeed, type FetchFn, type FetchLimits } from "./fetch.ts";
import { itemKey, storyKeys } from "./keys.ts";
import { buildMatcher } from "./match.ts";
import type { ParsedFeed, ParsedItem } from "./parse.ts";
import { readFeed } from "./read-feed.ts";
import { normalizeLink } from "./url.ts";

/** What polling a feed needs from the process. */
export interface FeedDeps {
  db: Db;
  log: Logger;
  now: () => number;
  limits: FetchLimits;
  fetch?: FetchFn;
  signal?: AbortSignal;
  /** Items per transaction (default STORE_CHUNK); the bench compares with all in one. */
  storeChunk?: number;
  /** Feed bodies read in place up to this size, larger ones in a worker (default: read-feed.ts). */
  inPlaceMaxChars?: number;
}

/** What one poll of one feed did. */
export interface FeedPollResult {
  feedId: number;
  url: string;
  /** "skipped": not fetched (backing off, or the poller stopping). */
  outcome: "ok" | "not-modified" | "failed" | "skipped";
  title: string | null;
  /** Items in the feed this time. */
  items: number;
  /** Items it had not shown before. */
  newItems: number;
  /** New items that matched the story. */
  matched: number;
  /** Developments started (pending events, or published ones from a trusted feed). */
  created: number;
  published: number;
  /** New items that became further sources of existing events. */
  attached: number;
  /** New items that joined a pending development. */
  joined: number;
  /** Matched items already delivered (same link, guid or text). */
  duplicates: number;
  error?: { kind: FeedErrorKind; detail: string | null };
  /** True only on the failure that paused the feed. */
  paused?: boolean;
}

/** Where a fetched body came from and its validators. */
interface Validators {
  finalUrl: string;
  etag: string | null;
  lastModified: string | null;
}

/** Dates further ahead than this are not believed: the fetch time stands in. */
const FUTURE_SLACK_MS = 24 * 3600_000;
/** A title made from the summary, for items without one. */
const TITLE_FROM_SUMMARY = 120;

/** When an item happened: its date, else (missing, absurd or far ahead) the fetch time; whole seconds. */
function itemDate(item: ParsedItem, fetchedAt: number): number {
  const at = item.at === null || item.at < 0 || item.at > fetchedAt + FUTURE_SLACK_MS ? fetchedAt : item.at;
  return Math.floor(at / 1000) * 1000;
}

/** A poll result with nothing counted yet (also a feed a poll left alone: "skipped"). */
export function emptyResult(feed: Feed, outcome: FeedPollResult["outcome"]): FeedPollResult {
  return {
    feedId: feed.id,
    url: feed.url,
    outcome,
    title: feed.title,
    items: 0,
    newItems: 0,
    matched: 0,
    created: 0,
    published: 0,
    attached: 0,
    joined: 0,
    duplicates: 0,
  };
}

/** A new matched item waiting to be classified, with its story-wide keys. */
interface Fresh {
  id: number;
  keys: string[];
}

/** Items stored per transaction: a feed of 10,000 holds the event loop a few ms at a time, not for all of them. */
export const STORE_CHUNK = 200;

/** Lets timers, commands and other feeds run between two chunks. */
const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

/**
 * Stores every item of a fetched feed, {@link STORE_CHUNK} items per transaction with the
 * event loop free in between: seen once per feed, matched against the story, deduplicated
 * story-wide (src/feeds/keys.ts) — each item's row says it was seen, so a poll cut short
 * (a crash, the poller stopping) fetches again and skips what it stored. The feed's
 * validators and success are saved only after the last chunk, so that refetch is not
 * answered "not modified". Matched new items are stored unclassified; the newsroom places
 * them after (place.ts).
 */
async function storeItems(
  deps: FeedDeps,
  feed: Feed,
  story: Story,
  parsed: ParsedFeed,
  fetched: Validators,
  result: FeedPollResult,
  now: number,
): Promise<Fresh[]> {
  const base = fetched.finalUrl;
  const { db } = deps;
  const matcher = buildMatcher(storyEntityNames(db, story.id), feed.keywords);
  const outlet = parsed.title ?? feed.title ?? new URL(feed.url).hostname;
  const fresh: Fresh[] = [];
  const store = db.transaction((items: readonly ParsedItem[]) => {
    for (const item of items) {
      const key = itemKey(item, base);
      if (!seeFeedItem(db, feed.id, key, now)) continue;
      result.newItems++;
      const title = item.title || truncate(item.summary, TITLE_FROM_SUMMARY);
      const link = normalizeLink(item.link, base);
      const match = title ? matcher(title, item.summary) : null;
      const at = itemDate(item, now);
      const keys = match ? [...new Set([...(link ? [link] : []), ...storyKeys({ link, guid: item.guid, title, summary: item.summary, at })])] : [];
      const duplicate = match !== null && claimStoryKeys(db, story.id, keys);
      const row = {
        storyId: story.id,
        feedId: feed.id,
        itemKey: key,
        url: link,
        title: title || "",
        summary: item.summary,
        publishedAt: at,
        language: hasHan(`${title} ${item.summary}`) ? ("zh" as const) : ("en" as const),
        outlet,
        entityIds: match?.entityIds ?? [],
        fate: !match ? ("unmatched" as const) : duplicate ? ("duplicate" as const) : null,
        reason: !match ? "names none of the story's people or keywords" : duplicate ? "the same article (link, guid or text) was already delivered" : "",
        seenAt: now,
      };
      const id = insertNewsItem(db, row);
      if (!match) continue;
      result.matched++;
      if (duplicate) result.duplicates++;
      else if (id !== null) fresh.push({ id, keys });
    }
  });
  const chunk = deps.storeChunk ?? STORE_CHUNK;
  for (let i = 0; i < parsed.items.length; i += chunk) {
    if (i > 0) await yieldToLoop();
    if (deps.signal?.aborted) throw new Error("the poller stopped");
    store(parsed.items.slice(i, i + chunk));
  }
  recordFetchOk(db, feed.id, { title: parsed.title, etag: fetched.etag, lastModified: fetched.lastModified }, now);
  return fresh;
}

/** Classifies the new items (and any left unclassified before), then stores where each went. */
async function placeFresh(deps: FeedDeps, story: Story, fresh: Fresh[], result: FeedPollResult, now: number): Promise<void> {
  const { db } = deps;
  const keys = new Map(fresh.map((f) => [f.id, f.keys]));
  await withNewsroom(db, story.id, now, async (engine, leftover) => {
    // An item of this poll may have been placed already, as a leftover of a call for another feed.
    const given = new Set(leftover.map((r) => r.id));
    const mine = fresh.map((f) => getNewsItem(db, f.id)).filter((r) => r !== null && r.fate === null && !given.has(r.id));
    const rows = [...leftover, ...(mine as NewsItemRow[])];
    if (!rows.length) return;
    const decisions = await classifyAll(engine, rows.map(asNewsItem), { now });
    const trust = new Map<number, boolean>();
    const trusted = (feedId: number): boolean => {
      if (!trust.has(feedId)) trust.set(feedId, getFeed(db, feedId)?.trusted ?? false);
      return trust.get(feedId)!;
    };
    const ctx = { db, engine, storyId: story.id, now, trusted, keysOf: (id: number) => keys.get(id) ?? [] };
    db.transaction(() => {
      decisions.forEach((d, i) => {
        const outcome = placeItem(ctx, rows[i]!, d);
        if (outcome === "created" || outcome === "published") result.created++;
        if (outcome === "published") result.published++;
        if (outcome === "attached") result.attached++;
        if (outcome === "joined") result.joined++;
      });
    })();
  });
}

/**
 * Polls one feed: a conditional request (unless `conditional` is false, as for the fetch
 * right after `/feed add`), then every new item recorded and matched items made events.
 * A failure is recorded on the feed (error, streak, backoff, pause) and returned.
 */
export async function pollFeed(deps: FeedDeps, feed: Feed, opts: { conditional?: boolean } = {}): Promise<FeedPollResult> {
  const log = deps.log.child({ feedId: feed.id, url: feed.url });
  const result = emptyResult(feed, "ok");
  try {
    const story = getStoryBySlug(deps.db, feed.storySlug);
    if (!story) throw new FeedError("no-story", feed.storySlug);
    const conditional = opts.conditional !== false;
    const fetched = await fetchFeed({
      url: feed.url,
      etag: conditional ? feed.etag : null,
      lastModified: conditional ? feed.lastModified : null,
      limits: deps.limits,
      fetch: deps.fetch,
      signal: deps.signal,
    });
    const now = deps.now();
    if (fetched.status === "not-modified") {
      recordNotModified(deps.db, feed.id, now);
      log.debug("feed not modified");
      return { ...result, outcome: "not-modified" };
    }
    const parsed = await readFeed(fetched.body, deps.inPlaceMaxChars);
    result.title = parsed.title ?? feed.title;
    result.items = parsed.items.length;
    const fresh = await storeItems(deps, feed, story, parsed, fetched, result, now);
    await placeFresh(deps, story, fresh, result, now);
    log[result.created ? "info" : "debug"]({ items: result.items, newItems: result.newItems, created: result.created }, "feed polled");
    return result;
  } catch (err) {
    // Our own stop is no fault of the feed's.
    if (deps.signal?.aborted) return { ...result, outcome: "skipped" };
    if (!(err instanceof FeedError)) {
      log.error({ err }, "feed poll failed unexpectedly");
      return { ...result, outcome: "failed", error: { kind: "network", detail: null } };
    }
    const { paused, failures } = recordFailure(deps.db, { feedId: feed.id, kind: err.kind, detail: err.detail, now: deps.now() });
    if (paused) log.warn({ reason: err.kind, detail: err.detail, failures }, "feed paused after repeated failures");
    else log.info({ reason: err.kind, detail: err.detail, failures }, "feed fetch failed");
    return { ...result, outcome: "failed", error: { kind: err.kind, detail: err.detail }, paused };
  }
}
