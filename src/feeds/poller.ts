/**
 * The feed poller: every FEED_POLL_MINUTES, every watched feed that is not paused or
 * backing off is polled, a few at a time. A poll never overlaps the previous one (it is
 * skipped and logged), one slow or broken feed delays no other beyond its own deadline,
 * and nothing here can throw into the process.
 */
import cron from "node-cron";
import pLimit from "p-limit";
import type { Db } from "../../db/index.ts";
import { activeFeeds, takeBackoffSkip, type Feed } from "../../db/feeds.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { DEFAULT_LIMITS, type FetchFn, type FetchLimits } from "./fetch.ts";
import { emptyResult, pollFeed, type FeedPollResult } from "./poll-feed.ts";

/** Feeds fetched at the same time at most. */
export const DEFAULT_CONCURRENCY = 4;

export interface FeedPollerOptions {
  db: Db;
  log: Logger;
  config: Pick<Config, "FEED_POLL_MINUTES">;
  now: () => number;
  fetch?: FetchFn;
  /** Overrides of the fetch deadline, size cap and redirect limit (tests use small ones). */
  limits?: Partial<FetchLimits>;
  concurrency?: number;
  /** Poll on the minute tick when due (default true); tests call pollNow themselves. */
  schedule?: boolean;
  /** Told what each poll did (the operator's metrics). */
  onPoll?: (report: PollReport) => void;
}

/** What one poll did. `skipped`: another poll was still running (or the poller stopped). */
export interface PollReport {
  skipped: boolean;
  results: FeedPollResult[];
  created: number;
  published: number;
  failed: number;
}

export interface FeedPoller {
  /** Polls every due feed now; resolves when all are done. */
  pollNow(): Promise<PollReport>;
  /** Stops the schedule, aborts fetches in flight and waits for the running poll. */
  stop(): Promise<void>;
}

/** Whether a poll is due: never polled yet, or `minutes` have passed since the last began. */
export function isDue(lastStart: number | null, now: number, minutes: number): boolean {
  return lastStart === null || now - lastStart >= minutes * 60_000 - 1000;
}

function report(results: FeedPollResult[]): PollReport {
  return {
    skipped: false,
    results,
    created: results.reduce((n, r) => n + r.created, 0),
    published: results.reduce((n, r) => n + r.published, 0),
    failed: results.filter((r) => r.outcome === "failed").length,
  };
}

/** A feed this poll left alone (backing off, or the poller stopping). */
const untouched = (feed: Feed): FeedPollResult => emptyResult(feed, "skipped");

const SKIPPED: PollReport = { skipped: true, results: [], created: 0, published: 0, failed: 0 };

/**
 * Starts polling. Wire it after the database is open; `stop()` it on shutdown before
 * closing the database. The minute tick polls when FEED_POLL_MINUTES have passed since the
 * last poll began (so any number of minutes works, not only divisors of 60).
 */
export function startFeedPoller(opts: FeedPollerOptions): FeedPoller {
  const log = opts.log.child({ component: "feeds" });
  const limits: FetchLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const abort = new AbortController();
  let running: Promise<PollReport> | null = null;
  let lastStart: number | null = null;
  let stopped = false;

  async function poll(): Promise<PollReport> {
    const feeds = activeFeeds(opts.db);
    const deps = { db: opts.db, log, now: opts.now, limits, fetch: opts.fetch, signal: abort.signal };
    const results = await pLimit(Math.max(1, opts.concurrency ?? DEFAULT_CONCURRENCY)).map(feeds, async (feed): Promise<FeedPollResult> => {
      if (abort.signal.aborted) return untouched(feed);
      if (takeBackoffSkip(opts.db, feed.id)) {
        log.debug({ feedId: feed.id, skipsLeft: feed.skipPolls - 1 }, "feed skipped while backing off");
        return untouched(feed);
      }
      return pollFeed(deps, feed);
    });
    const r = report(results);
    opts.onPoll?.(r);
    // A quiet poll is debug: every ten minutes would drown the log.
    log[r.created || r.failed ? "info" : "debug"]({ feeds: feeds.length, created: r.created, published: r.published, failed: r.failed }, "feed poll done");
    return r;
  }

  function pollNow(): Promise<PollReport> {
    if (stopped) return Promise.resolve(SKIPPED);
    if (running) {
      log.info("feed poll skipped: the previous poll is still running");
      return Promise.resolve(SKIPPED);
    }
    lastStart = opts.now();
    const current = poll()
      .catch((err: unknown) => {
        log.error({ err }, "feed poll failed");
        return SKIPPED;
      })
      .finally(() => {
        running = null;
      });
    running = current;
    return current;
  }

  const task =
    opts.schedule === false
      ? null
      : cron.schedule(
          "* * * * *",
          () => {
            if (isDue(lastStart, opts.now(), opts.config.FEED_POLL_MINUTES)) void pollNow();
          },
          { name: "feed-poll" },
        );

  return {
    pollNow,
    stop: async () => {
      stopped = true;
      await task?.destroy();
      abort.abort();
      await running;
    },
  };
}
