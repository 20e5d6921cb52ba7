/**
 * The delivery log of scheduled recaps (migration 012): one row per attempt, newest kept per
 * server, read by `/recap log`.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export type DeliveryResult = "posted" | "failed" | "paused";
/** What was delivered: a scheduled recap, or an alert (`scheduleId` then names the alert channel). */
export type DeliveryKind = "recap" | "alert";

/** One attempt at delivering a recap or an alert. */
export interface RecapDelivery {
  id: number;
  kind: DeliveryKind;
  guildId: string;
  scheduleId: number;
  storyId: number;
  channelId: string;
  at: number;
  result: DeliveryResult;
  messageId: string | null;
  reason: string | null;
  detail: string | null;
  attempt: number | null;
  /** How often Discord rate-limited the attempt and discord.js waited and retried. */
  rateLimited: number;
  /** The outbox marker printed in the (first) message, to match a log line with the post. */
  ref: string | null;
}

interface DeliveryRow {
  id: number;
  kind: DeliveryKind;
  guild_id: string;
  schedule_id: number;
  story_id: number;
  channel_id: string;
  at: number;
  result: DeliveryResult;
  message_id: string | null;
  reason: string | null;
  detail: string | null;
  attempt: number | null;
  rate_limited: number;
  ref: string | null;
}

const COLS = "id, kind, guild_id, schedule_id, story_id, channel_id, at, result, message_id, reason, detail, attempt, rate_limited, ref";

const q = prepared((db: Db) => ({
  insert: db.prepare<Omit<DeliveryRow, "id">>(
    `INSERT INTO recap_deliveries (kind, guild_id, schedule_id, story_id, channel_id, at, result, message_id, reason, detail, attempt, rate_limited, ref)
     VALUES (:kind, :guild_id, :schedule_id, :story_id, :channel_id, :at, :result, :message_id, :reason, :detail, :attempt, :rate_limited, :ref)`,
  ),
  latest: db.prepare<[string, number], DeliveryRow>(`SELECT ${COLS} FROM recap_deliveries WHERE guild_id = ? ORDER BY id DESC LIMIT ?`),
}));

/** Records one attempt (a recap unless `kind` says otherwise). */
export function recordDelivery(db: Db, d: Omit<RecapDelivery, "id" | "kind" | "ref"> & Partial<Pick<RecapDelivery, "kind" | "ref">>): void {
  q(db).insert.run({
    kind: d.kind ?? "recap",
    ref: d.ref ?? null,
    guild_id: d.guildId,
    schedule_id: d.scheduleId,
    story_id: d.storyId,
    channel_id: d.channelId,
    at: d.at,
    result: d.result,
    message_id: d.messageId,
    reason: d.reason,
    detail: d.detail,
    attempt: d.attempt,
    rate_limited: d.rateLimited,
  });
}

/** A server's newest `limit` attempts, newest first. */
export function latestDeliveries(db: Db, guildId: string, limit = 20): RecapDelivery[] {
  return q(db)
    .latest.all(guildId, Math.max(1, Math.min(100, Math.trunc(limit) || 1)))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      guildId: r.guild_id,
      scheduleId: r.schedule_id,
      storyId: r.story_id,
      channelId: r.channel_id,
      at: r.at,
      result: r.result,
      messageId: r.message_id,
      reason: r.reason,
      detail: r.detail,
      attempt: r.attempt,
      rateLimited: r.rate_limited,
      ref: r.ref,
    }));
}
