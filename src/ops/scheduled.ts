/**
 * The scheduled work of a running bot — daily recaps and feed polling — started only while
 * this process holds the scheduler lease (./leader.ts), so however many processes share the
 * database, each recap slot is posted by one of them and feeds are polled once.
 */
import type { Bot } from "../bot/app.ts";
import { startAlertCourier } from "../courier/alert-courier.ts";
import type { Courier } from "../courier/runner.ts";
import { startFeedPoller, type FeedPoller } from "../feeds/poller.ts";
import { startFollowCourier, type FollowCourier, type FollowCourierOptions } from "../courier/follows.ts";
import { createRecapScheduler, type RecapScheduler } from "../recap/scheduler.ts";
import { startLeader, type Gated, type Leader } from "./leader.ts";
import type { Metrics } from "./metrics.ts";

export interface ScheduledWork {
  leader: Leader;
  recaps: Gated<RecapScheduler>;
  feeds: Gated<FeedPoller>;
  alerts: Gated<Courier>;
  follows: Gated<FollowCourier>;
  /** Stops the work (letting a post in flight finish) and gives the lease up. */
  stop(): Promise<void>;
}

/** Competes for the lease at once; recaps start (with their catch-up tick) and feeds poll while this process leads. */
export function startScheduledWork(bot: Bot, metrics?: Metrics | null, opts: { follows?: FollowCourierOptions } = {}): ScheduledWork {
  const { db, log, config, now } = bot.ctx;
  const leader = startLeader({ db, log, ttlMs: config.SCHEDULER_LEASE_SECONDS * 1000 });
  const recaps = leader.run("recaps", () => {
    const scheduler = createRecapScheduler({ client: bot.client, ctx: bot.ctx, onResult: metrics ? (r) => metrics.recap(r) : undefined });
    scheduler.start();
    return scheduler;
  });
  const feeds = leader.run("feeds", () => startFeedPoller({ db, log, config, now, onPoll: metrics ? (r) => metrics.feedPoll(r) : undefined }));
  const alerts = leader.run("alerts", () => startAlertCourier({ client: bot.client, ctx: bot.ctx }));
  const follows = leader.run("follows", () => startFollowCourier(bot.client, bot.ctx, opts.follows));
  return { leader, recaps, feeds, alerts, follows, stop: () => leader.stop() };
}
