/**
 * One feed, once: fetch (conditionally), read, and turn its new items into events — or
 * record why it failed. Never throws: a feed's trouble stays that feed's.
 */
import type { Db } from "../../db/index.ts";
import { storeFeedItem, storyEntityNames, type FeedEventInput } from "../../db/feed-items.ts";
import { recordFailure, recordFetchOk, recordNotModified, type Feed } from "../../db/feeds.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import { inItsLanguage } from "../../db/text.ts";
import type { Story } from "../../db/types.ts";
import type { Logger } from "../log.ts";
import { truncate } from "../render/limits.ts";
import { FeedError, type FeedErrorKind } from "./errors.ts";
import { fetchFeed, type FetchFn, type FetchLimits } from "./fetch.ts";
import { itemKey, storyKeys } from "./keys.ts";
import { buildMatcher } from "./match.ts";
import { parseFeedText, type ParsedFeed, type ParsedItem } from "./parse.ts";
import { normalizeLink } from "./url.ts";

/** What polling a feed needs from the process. */
export interface FeedDeps {
  db: Db;
  log: Logger;
  now: () => number;
  limits: FetchLimits;
  fetch?: FetchFn;
  signal?: AbortSignal;
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
  /** Events made (pending or published). */
  created: number;
  published: number;
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

/** A text in the language it is written in: Chinese characters → zh, else en. */

/** When an item happened: its date, else (missing, absurd or far ahead) the fetch time; whole seconds. */
function itemDate(item: ParsedItem, fetchedAt: number): number {
  const at = item.at === null || item.at < 0 || item.at > fetchedAt + FUTURE_SLACK_MS ? fetchedAt : item.at;
  return Math.floor(at / 1000) * 1000;
}

function emptyResult(feed: Feed, outcome: FeedPollResult["outcome"]): FeedPollResult {
  return { feedId: feed.id, url: feed.url, outcome, title: feed.title, items: 0, newItems: 0, matched: 0, created: 0, published: 0 };
}

/** Stores every item of a fetched feed in one transaction; counts what happened. */
function storeItems(deps: FeedDeps, feed: Feed, story: Story, parsed: ParsedFeed, fetched: Validators, result: FeedPollResult, now: number): void {
  const base = fetched.finalUrl;
  const { db } = deps;
  const matcher = buildMatcher(storyEntityNames(db, story.id), feed.keywords);
  const sourceName = parsed.title ?? feed.title ?? new URL(feed.url).hostname;
  db.transaction(() => {
    for (const item of parsed.items) {
      const title = item.title || truncate(item.summary, TITLE_FROM_SUMMARY);
      const link = normalizeLink(item.link, base);
      const match = title ? matcher(title, item.summary) : null;
      const at = itemDate(item, now);
      const event: FeedEventInput | null = match && {
        storyId: story.id,
        at,
        title: inItsLanguage(title),
        summary: inItsLanguage(item.summary),
        entityIds: match.entityIds,
        source: { name: sourceName, url: link },
        status: feed.trusted ? "published" : "pending",
      };
      const keys = event ? storyKeys({ link, guid: item.guid, title, summary: item.summary, at }) : [];
      const stored = storeFeedItem(db, { feedId: feed.id, key: itemKey(item, base), link, storyKeys: keys }, event, now);
      if (stored.outcome === "seen") continue;
      result.newItems++;
      if (match) result.matched++;
      if (stored.outcome === "created") {
        result.created++;
        if (feed.trusted) result.published++;
      }
    }
    recordFetchOk(db, feed.id, { title: parsed.title, etag: fetched.etag, lastModified: fetched.lastModified }, now);
  })();
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
    const parsed = parseFeedText(fetched.body);
    result.title = parsed.title ?? feed.title;
    result.items = parsed.items.length;
    storeItems(deps, feed, story, parsed, fetched, result, now);
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
