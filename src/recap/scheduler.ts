/**
 * The recap scheduler. node-cron calls {@link RecapScheduler.tick} once a minute; all state
 * is in SQLite, so a restart loses nothing: the first tick finds every schedule whose slot
 * passed while the bot was down and posts one catch-up recap each. Ticks never overlap, due
 * schedules go through one bounded queue, and no failure escapes a tick.
 */
import cron, { type ScheduledTask } from "node-cron";
import type { Client } from "discord.js";
import { dueRecapSchedules, recordRecapFailure, type RecapSchedule } from "../../db/recaps.ts";
import type { BotContext } from "../context.ts";
import { createDeliveryLog } from "./deliveries.ts";
import { classifyFailure, MAX_ATTEMPTS } from "./failures.ts";
import { runRecap, type RecapHooks } from "./post.ts";
import { runPaged } from "./queue.ts";

/** Due schedules read at a time. */
const DUE_PAGE = 200;

/** Posts in flight at once; discord.js paces them further (per channel, and ~50/s overall). */
export const RECAP_CONCURRENCY = 6;

/** The bot's client and context; the rest is for tests. */
export interface RecapSchedulerOptions {
  client: Client;
  ctx: BotContext;
  /** The clock (default `ctx.now`); tests move it and call `tick()`. */
  now?: () => number;
  concurrency?: number;
  hooks?: RecapHooks;
  /** Told how each run ended (the operator's metrics). */
  onResult?: (result: RecapResult) => void;
}

/** How one schedule's run ended: posted, nothing new, changed meanwhile, failed (retried) or paused. */
export type RecapResult = "posted" | "empty" | "stale" | "failed" | "paused";

/** A running (or ready) recap scheduler. */
export interface RecapScheduler {
  /** Starts the minute tick (node-cron) and runs a first tick at once, for catch-up. */
  start(): void;
  /** Runs every due schedule; joins the running tick instead of overlapping it. */
  tick(): Promise<void>;
  /** Stops ticking, lets the posts in flight finish (starting no more), then resolves. */
  stop(): Promise<void>;
}

/** Creates the scheduler; nothing runs until `start()` or `tick()`. */
export function createRecapScheduler(opts: RecapSchedulerOptions): RecapScheduler {
  const { ctx } = opts;
  const log = ctx.log.child({ component: "recap" });
  const now = opts.now ?? ctx.now;
  let task: ScheduledTask | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const deliveries = createDeliveryLog(ctx.db, log);

  async function runOne(schedule: RecapSchedule, at: number): Promise<void> {
    const where = { scheduleId: schedule.id, guildId: schedule.guildId, channelId: schedule.channelId };
    deliveries.begin(schedule);
    try {
      const out = await runRecap({ client: opts.client, db: ctx.db, hooks: opts.hooks, publicUrl: ctx.config.PUBLIC_URL }, schedule, at);
      opts.onResult?.(out.result);
      if (out.result === "posted")
        deliveries.record(schedule, at, { result: "posted", messageId: out.messageIds[0] ?? null, channelId: out.channelId, ref: out.ref });
      if (out.result === "posted") log.info({ ...where, slot: out.slot, events: out.events, messages: out.messageIds.length }, "recap posted");
      else if (out.result === "empty") log.debug({ ...where, slot: out.slot }, "recap: nothing new");
      else log.info({ ...where, slot: out.slot }, "recap schedule changed while it ran; nothing recorded");
    } catch (err) {
      const { pause, detail } = classifyFailure(err);
      const pauseAfter = pause ? 1 : MAX_ATTEMPTS;
      let state: ReturnType<typeof recordRecapFailure> = null;
      try {
        state = recordRecapFailure(ctx.db, {
          id: schedule.id,
          expectNext: schedule.nextSlot,
          now: at,
          failure: detail,
          pauseAfter,
          pauseReason: pause ?? "failing",
        });
      } catch (dbErr) {
        log.error({ ...where, err: dbErr }, "recap: could not record a failure");
      }
      opts.onResult?.(state?.paused ? "paused" : "failed");
      deliveries.record(schedule, at, {
        result: state?.paused ? "paused" : "failed",
        reason: state?.paused ? (pause ?? "failing") : null,
        detail,
        attempt: state?.failures ?? null,
      });
      if (state?.paused) log.warn({ ...where, reason: pause ?? "failing", detail }, "recap schedule paused");
      else log.warn({ ...where, detail, attempt: state?.failures, of: MAX_ATTEMPTS }, "recap post failed; will retry next minute");
    } finally {
      deliveries.end(schedule);
    }
  }

  async function runTick(): Promise<void> {
    const at = now();
    // One listener per tick, not per run (runs go in parallel; ticks never overlap).
    const unwatch = deliveries.watch(opts.client);
    try {
      // Page by page (oldest due first): reading 10,000 due schedules at once held the event
      // loop ~60 ms; a page is read while the posts of the one before are in flight.
      await runPaged<RecapSchedule>(
        (after) => {
          const due = dueRecapSchedules(ctx.db, at, { limit: DUE_PAGE, after });
          if (due.length) log.debug({ due: due.length }, "recap tick");
          return due;
        },
        DUE_PAGE,
        opts.concurrency ?? RECAP_CONCURRENCY,
        (s) => runOne(s, at),
        { halted: () => stopped, onError: (err, s) => log.error({ err, scheduleId: s.id }, "recap job failed") },
      );
    } catch (err) {
      log.error({ err }, "recap: could not read the schedules");
    } finally {
      unwatch();
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    start() {
      if (task || stopped) return;
      task = cron.schedule("* * * * *", () => tick(), {
        name: "recap",
        noOverlap: true,
        logger: {
          info: (m) => log.debug(m),
          warn: (m) => log.warn(m),
          error: (m, err) => log.error({ err: err ?? m }, "node-cron"),
          debug: (m) => log.trace({ m: String(m) }, "node-cron"),
        },
      });
      void tick();
    },
    tick,
    async stop() {
      stopped = true;
      const t = task;
      task = null;
      if (t) await t.destroy();
      await running;
    },
  };
}
