/**
 * Recap schedules: one per server and story, with the state that makes each daily slot post
 * exactly once (see migrations/003_recaps.sql). Every write is one statement, so a slot and
 * its watermark can never be recorded apart. Writes that finish a run are conditional on the
 * `next_slot` the run started from: a schedule replaced or removed meanwhile is left alone.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { Source } from "./types.ts";

/** How a run ended. */
export type RecapResult = "posted" | "empty" | "failed" | "paused";

/** A recap schedule as stored. */
export interface RecapSchedule {
  id: number;
  guildId: string;
  storyId: number;
  channelId: string;
  /** "HH:MM" in {@link RecapSchedule.timezone}. */
  time: string;
  timezone: string;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  nextSlot: number;
  lastSlot: number | null;
  watermark: number;
  pausedReason: string | null;
  lastRunAt: number | null;
  lastResult: RecapResult | null;
  lastPostAt: number | null;
  lastPostChannelId: string | null;
  lastMessageId: string | null;
  lastFailure: string | null;
  lastFailureAt: number | null;
  failureCount: number;
}

interface Row {
  id: number;
  guild_id: string;
  story_id: number;
  channel_id: string;
  time: string;
  timezone: string;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  next_slot: number;
  last_slot: number | null;
  watermark: number;
  paused_reason: string | null;
  last_run_at: number | null;
  last_result: RecapResult | null;
  last_post_at: number | null;
  last_post_channel_id: string | null;
  last_message_id: string | null;
  last_failure: string | null;
  last_failure_at: number | null;
  failure_count: number;
}

/** What scheduling writes. */
export interface ScheduleInput {
  guildId: string;
  storyId: number;
  channelId: string;
  time: string;
  timezone: string;
  userId: string | null;
  now: number;
  nextSlot: number;
  /** Used for a new schedule only; a replaced one keeps its own, so nothing is repeated or skipped. */
  watermark: number;
}

type Finish = { id: number; expectNext: number; now: number };

const q = prepared((db: Db) => ({
  upsert: db.prepare<ScheduleInput, Row>(
    `INSERT INTO recap_schedules (guild_id, story_id, channel_id, time, timezone, created_by, created_at, updated_at, next_slot, watermark)
     VALUES (:guildId, :storyId, :channelId, :time, :timezone, :userId, :now, :now, :nextSlot, :watermark)
     ON CONFLICT (guild_id, story_id) DO UPDATE SET channel_id = excluded.channel_id, time = excluded.time,
       timezone = excluded.timezone, created_by = excluded.created_by, updated_at = excluded.updated_at,
       next_slot = excluded.next_slot, paused_reason = NULL, failure_count = 0
     RETURNING *`,
  ),
  ofGuild: db.prepare<[string], Row>("SELECT * FROM recap_schedules WHERE guild_id = ? ORDER BY id"),
  removeGuild: db.prepare<[string], Row>("DELETE FROM recap_schedules WHERE guild_id = ? RETURNING *"),
  due: db.prepare<{ now: number; after_slot: number; after_id: number; limit: number }, Row>(
    `SELECT * FROM recap_schedules WHERE paused_reason IS NULL AND next_slot <= :now AND (next_slot, id) > (:after_slot, :after_id)
     ORDER BY next_slot, id LIMIT :limit`,
  ),
  finish: db.prepare<
    Finish & { slot: number; nextSlot: number; watermark: number; result: "posted" | "empty"; messageId: string | null; channelId: string | null }
  >(
    `UPDATE recap_schedules SET last_slot = :slot, next_slot = :nextSlot, watermark = :watermark, last_run_at = :now,
       last_result = :result, failure_count = 0,
       last_post_at = CASE WHEN :result = 'posted' THEN :now ELSE last_post_at END,
       last_message_id = coalesce(:messageId, last_message_id), last_post_channel_id = coalesce(:channelId, last_post_channel_id)
     WHERE id = :id AND next_slot = :expectNext AND paused_reason IS NULL`,
  ),
  fail: db.prepare<Finish & { failure: string; pauseAfter: number; pauseReason: string }, { failure_count: number; paused_reason: string | null }>(
    `UPDATE recap_schedules SET failure_count = failure_count + 1, last_failure = :failure, last_failure_at = :now, last_run_at = :now,
       paused_reason = CASE WHEN failure_count + 1 >= :pauseAfter THEN :pauseReason ELSE NULL END,
       last_result = CASE WHEN failure_count + 1 >= :pauseAfter THEN 'paused' ELSE 'failed' END
     WHERE id = :id AND next_slot = :expectNext AND paused_reason IS NULL
     RETURNING failure_count, paused_reason`,
  ),
  // The schedule's newest recap part in the outbox ledger (keys recap:<id>:<slot>:<part>; ';' follows ':').
  newestPart: db.prepare<[string, string], { key: string }>("SELECT key FROM outbox WHERE kind = 'recap' AND key > ? AND key < ? ORDER BY id DESC LIMIT 1"),
  sources: db.prepare<[string], Source & { event_id: number }>(
    "SELECT s.event_id, s.name, s.url FROM json_each(?) j JOIN sources s ON s.event_id = j.value ORDER BY j.key, s.position",
  ),
}));

function toSchedule(r: Row): RecapSchedule {
  return {
    id: r.id,
    guildId: r.guild_id,
    storyId: r.story_id,
    channelId: r.channel_id,
    time: r.time,
    timezone: r.timezone,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    nextSlot: r.next_slot,
    lastSlot: r.last_slot,
    watermark: r.watermark,
    pausedReason: r.paused_reason,
    lastRunAt: r.last_run_at,
    lastResult: r.last_result,
    lastPostAt: r.last_post_at,
    lastPostChannelId: r.last_post_channel_id,
    lastMessageId: r.last_message_id,
    lastFailure: r.last_failure,
    lastFailureAt: r.last_failure_at,
    failureCount: r.failure_count,
  };
}

/**
 * Creates a server's schedule for a story, or replaces it: new channel, time and zone, next
 * slot, and un-paused with its failures cleared. A replaced schedule keeps its watermark
 * and its history (last post, last failure).
 */
export function upsertRecapSchedule(db: Db, input: ScheduleInput): RecapSchedule {
  return toSchedule(q(db).upsert.get(input)!);
}

/** A server's schedules, oldest first (one per story it ever scheduled). */
export function recapSchedulesOf(db: Db, guildId: string): RecapSchedule[] {
  return q(db).ofGuild.all(guildId).map(toSchedule);
}

/** Removes every schedule of a server; returns what was removed. */
export function removeRecapSchedules(db: Db, guildId: string): RecapSchedule[] {
  return q(db).removeGuild.all(guildId).map(toSchedule);
}

/** Active schedules whose next slot is at or before `now`, longest waiting first. */
export function dueRecapSchedules(db: Db, now: number, page: { limit?: number; after?: Pick<RecapSchedule, "nextSlot" | "id"> } = {}): RecapSchedule[] {
  const after = page.after ?? { nextSlot: Number.MIN_SAFE_INTEGER, id: 0 };
  return q(db)
    .due.all({ now, after_slot: after.nextSlot, after_id: after.id, limit: page.limit ?? 10_000 })
    .map(toSchedule);
}

/**
 * Records a finished run — posted (with the first message's id and channel) or nothing new —
 * moving the slot and the watermark together. False when the schedule changed meanwhile
 * (replaced, paused or removed), in which case nothing is written.
 */
export function recordRecapRun(
  db: Db,
  run: Finish & { slot: number; nextSlot: number; watermark: number } & ({ result: "posted"; messageId: string; channelId: string } | { result: "empty" }),
): boolean {
  const messageId = run.result === "posted" ? run.messageId : null;
  const channelId = run.result === "posted" ? run.channelId : null;
  return q(db).finish.run({ ...run, messageId, channelId }).changes === 1;
}

/**
 * Records a failed attempt: the next tick tries the slot again, until `pauseAfter`
 * consecutive failures pause the schedule with `pauseReason` (`pauseAfter` 1 pauses at
 * once). Returns whether it is now paused; null when the schedule changed meanwhile.
 */
export function recordRecapFailure(
  db: Db,
  f: Finish & { failure: string; pauseAfter: number; pauseReason: string },
): { paused: boolean; failures: number } | null {
  const r = q(db).fail.get(f);
  return r ? { paused: r.paused_reason !== null, failures: r.failure_count } : null;
}

/** The outbox key of part `part` of a schedule's recap at `slot`. */
export function recapOutboxKey(scheduleId: number, slot: number, part: number): string {
  return `recap:${scheduleId}:${slot}:${part}`;
}

/**
 * The slot whose recap parts went into the outbox ledger but whose run was never recorded
 * (a crash, or failures until a pause), or null: a later run finishes that slot first, so a
 * recap begun before long downtime is completed, not posted again under a newer slot.
 */
export function recapSlotInFlight(db: Db, schedule: Pick<RecapSchedule, "id" | "lastSlot">): number | null {
  const row = q(db).newestPart.get(`recap:${schedule.id}:`, `recap:${schedule.id};`);
  const slot = row ? Number(row.key.split(":")[2]) : Number.NaN;
  if (!Number.isSafeInteger(slot)) return null;
  return schedule.lastSlot === null || slot > schedule.lastSlot ? slot : null;
}

/** The first source of each event (for digest links), by event id. */
export function firstSources(db: Db, eventIds: readonly number[]): Map<number, Source> {
  const out = new Map<number, Source>();
  if (!eventIds.length) return out;
  for (const r of q(db).sources.all(JSON.stringify(eventIds))) if (!out.has(r.event_id)) out.set(r.event_id, { name: r.name, url: r.url });
  return out;
}
