/**
 * The follow courier: every few seconds it reads new publications into the follow queue,
 * bundles each follower's waiting events into one DM once the oldest has waited the bundle
 * window (within the hourly cap), and sends the DMs through the outbox ledger. The cursor
 * and the queue are transactional and every DM is an outbox entry, so a restart or a crash
 * neither sends one twice nor skips one. It runs in the process holding the scheduler lease
 * (src/ops/scheduled.ts).
 */
import type { Client } from "discord.js";
import { pendingFollowDms } from "../../db/follow-queue.ts";
import { getOutboxEntry } from "../../db/outbox.ts";
import type { BotContext } from "../context.ts";
import type { DeliverHooks } from "../outbox/deliver.ts";
import { FOLLOW_BUNDLE_MS, FOLLOW_DMS_PER_HOUR, FOLLOW_TICK_MS } from "./follows-limits.ts";
import { bundleDue, queuePublications } from "./follows-queue.ts";
import { sendFollowDm, type SendOutcome } from "./follows-send.ts";

export interface FollowCourierOptions {
  /** How long the oldest waiting event waits for others (default {@link FOLLOW_BUNDLE_MS}; the sandbox uses less). */
  bundleWindowMs?: number;
  /** Most DMs per person per hour (default {@link FOLLOW_DMS_PER_HOUR}). */
  perHour?: number;
  /** Tick interval (default {@link FOLLOW_TICK_MS}). */
  tickMs?: number;
  /** false: tick only when told (tests). */
  schedule?: boolean;
  /** Test seam passed to the ledger (a crash between sending and recording). */
  hooks?: DeliverHooks;
}

/** What one tick did. */
export interface FollowTick {
  queued: number;
  bundled: number;
  outcomes: SendOutcome[];
}

export interface FollowCourier {
  /** Runs one tick now (waits for a running one first). */
  tick(): Promise<FollowTick>;
  /** Stops ticking and waits for the tick in flight. */
  stop(): Promise<void>;
}

/** Starts the courier (ticking at once, then every `tickMs`, unless `schedule` is false). */
export function startFollowCourier(client: Client, ctx: BotContext, opts: FollowCourierOptions = {}): FollowCourier {
  const bundleMs = opts.bundleWindowMs ?? FOLLOW_BUNDLE_MS;
  const perHour = opts.perHour ?? FOLLOW_DMS_PER_HOUR;
  let stopped = false;
  let eventCommandId: Promise<string | null> | null = null;

  // The id of the global /event command, for a clickable mention; null when not registered globally.
  const commandId = (): Promise<string | null> => {
    eventCommandId ??= (async () => {
      const commands = await client.application?.commands.fetch();
      return commands?.find((c) => c.name === "event")?.id ?? null;
    })().catch(() => null);
    return eventCommandId;
  };

  const once = async (): Promise<FollowTick> => {
    const now = ctx.now();
    const queued = queuePublications(ctx.db, now);
    const bundled = bundleDue(ctx.db, { now, bundleMs, perHour });
    const outcomes: SendOutcome[] = [];
    const pending = pendingFollowDms(ctx.db).flatMap((id) => getOutboxEntry(ctx.db, id) ?? []);
    const id = pending.length > 0 ? await commandId() : null;
    for (const entry of pending) {
      if (stopped) break;
      outcomes.push(await sendFollowDm(client, ctx, entry, { eventCommandId: id, hooks: opts.hooks }));
    }
    return { queued, bundled, outcomes };
  };

  let inFlight: Promise<FollowTick> | null = null;
  const run = (): Promise<FollowTick> => {
    const current = once()
      .catch((err: unknown): FollowTick => {
        ctx.log.error({ err }, "follow courier tick failed");
        return { queued: 0, bundled: 0, outcomes: [] };
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = current;
    return current;
  };
  // Told to tick while one runs: wait for it, then run a whole tick of our own.
  const tick = async (): Promise<FollowTick> => {
    while (inFlight) await inFlight;
    return run();
  };

  const timer = opts.schedule === false ? null : setInterval(() => void (stopped || inFlight || run()), opts.tickMs ?? FOLLOW_TICK_MS);
  timer?.unref();
  if (timer) void run();
  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await inFlight;
    },
  };
}
