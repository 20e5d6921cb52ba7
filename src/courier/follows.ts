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
import { startCourier, type Courier } from "./runner.ts";

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

export type FollowCourier = Courier<FollowTick>;

/** Starts the courier (ticking at once, then every `tickMs`, unless `schedule` is false). */
export function startFollowCourier(client: Client, ctx: BotContext, opts: FollowCourierOptions = {}): FollowCourier {
  const bundleMs = opts.bundleWindowMs ?? FOLLOW_BUNDLE_MS;
  const perHour = opts.perHour ?? FOLLOW_DMS_PER_HOUR;
  let eventCommandId: Promise<string | null> | null = null;

  // The id of the global /event command, for a clickable mention; null when not registered globally.
  const commandId = (): Promise<string | null> => {
    eventCommandId ??= (async () => {
      const commands = await client.application?.commands.fetch();
      return commands?.find((c) => c.name === "event")?.id ?? null;
    })().catch(() => null);
    return eventCommandId;
  };

  const once = async (halted: () => boolean): Promise<FollowTick> => {
    const now = ctx.now();
    const queued = queuePublications(ctx.db, now);
    const bundled = bundleDue(ctx.db, { now, bundleMs, perHour });
    const outcomes: SendOutcome[] = [];
    const pending = pendingFollowDms(ctx.db).flatMap((id) => getOutboxEntry(ctx.db, id) ?? []);
    const id = pending.length > 0 ? await commandId() : null;
    for (const entry of pending) {
      if (halted()) break;
      outcomes.push(await sendFollowDm(client, ctx, entry, { eventCommandId: id, hooks: opts.hooks }));
    }
    return { queued, bundled, outcomes };
  };

  return startCourier<FollowTick>({
    name: "follows",
    intervalMs: opts.tickMs ?? FOLLOW_TICK_MS,
    log: ctx.log.child({ component: "follows" }),
    schedule: opts.schedule,
    failed: { queued: 0, bundled: 0, outcomes: [] },
    run: once,
  });
}
