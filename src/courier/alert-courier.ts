/**
 * The alert courier of a running bot (started with the other scheduled work, in the lease
 * holder only): every few seconds, and once at start so a restart finishes what a crash left,
 * it queues the alerts of new publications and posts what is pending.
 */
import type { Client } from "discord.js";
import type { BotContext } from "../context.ts";
import type { DeliverHooks } from "../outbox/deliver.ts";
import { deliverAlerts } from "./alert-delivery.ts";
import { queueAlerts } from "./alerts.ts";
import { startCourier, type Courier } from "./runner.ts";
import { pruneOutbox } from "../../db/outbox.ts";

/** How often publications are looked at: "as soon as published", at a cost of one query. */
export const ALERT_INTERVAL_MS = 5_000;

export interface AlertCourierOptions {
  client: Client;
  ctx: BotContext;
  hooks?: DeliverHooks;
  /** Run on a timer (default true); tests call `tick()`. */
  schedule?: boolean;
  intervalMs?: number;
}

/** How often finished recap and alert entries are pruned from the ledger. */
const PRUNE_EVERY_MS = 3600_000;

export function startAlertCourier(opts: AlertCourierOptions): Courier {
  const { ctx } = opts;
  const log = ctx.log.child({ component: "alerts" });
  let prunedAt = Number.NEGATIVE_INFINITY;
  return startCourier({
    name: "alerts",
    failed: undefined,
    intervalMs: opts.intervalMs ?? ALERT_INTERVAL_MS,
    log,
    schedule: opts.schedule,
    run: async (halted) => {
      const queued = queueAlerts(ctx.db, ctx.now());
      if (queued) log.debug({ queued }, "alerts queued");
      await deliverAlerts({ client: opts.client, db: ctx.db, log, now: ctx.now, publicUrl: ctx.config.PUBLIC_URL, hooks: opts.hooks, halted });
      if (ctx.now() - prunedAt >= PRUNE_EVERY_MS) {
        prunedAt = ctx.now();
        const pruned = pruneOutbox(ctx.db, prunedAt);
        if (pruned) log.info({ pruned }, "outbox: finished recap and alert entries pruned");
      }
    },
  });
}
