/** The delivery log of alerts: each attempt, in the table `/recap log` reads (kind 'alert'). */
import type { Db } from "../../db/index.ts";
import type { AlertChannel } from "../../db/alerts.ts";
import type { OutboxEntry } from "../../db/outbox.ts";
import { recordDelivery } from "../../db/recap-deliveries.ts";
import type { Logger } from "../log.ts";
import type { RateLimitCounter } from "../outbox/rate-limits.ts";

/** What an attempt came to. */
export type AlertNote =
  | { result: "posted"; messageId: string }
  | { result: "failed"; attempt: number; detail: string }
  | { result: "paused"; reason: string; detail: string };

/** Logs one attempt at `entry` (the alert channel as the schedule, the marker as the ref); a failed write only logs. */
export function logAlertDelivery(
  deps: { db: Db; log: Logger; now: () => number; rateLimits?: RateLimitCounter },
  alert: AlertChannel,
  entry: OutboxEntry,
  note: AlertNote,
): void {
  try {
    recordDelivery(deps.db, {
      kind: "alert",
      ref: entry.marker,
      guildId: alert.guildId,
      scheduleId: alert.id,
      storyId: alert.storyId,
      channelId: entry.targetId,
      at: deps.now(),
      messageId: note.result === "posted" ? note.messageId : null,
      reason: note.result === "paused" ? note.reason : null,
      detail: note.result === "posted" ? null : note.detail,
      attempt: note.result === "failed" ? note.attempt : null,
      rateLimited: deps.rateLimits?.count(entry.targetId) ?? 0,
      result: note.result,
    });
  } catch (err) {
    deps.log.error({ err, alertId: alert.id }, "alerts: could not log a delivery");
  }
}
