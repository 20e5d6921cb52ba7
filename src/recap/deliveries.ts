/**
 * The scheduler's delivery log (/recap log): each attempt recorded with what happened, and the
 * 429s discord.js waited out and retried inside it — not failures, so without this they would
 * leave no trace.
 */
import type { Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import { recordDelivery, type RecapDelivery } from "../../db/recap-deliveries.ts";
import type { RecapSchedule } from "../../db/recaps.ts";
import type { Logger } from "../log.ts";
import { RateLimitCounter } from "../outbox/rate-limits.ts";

/** What a run adds to the log besides its schedule and time. */
export type DeliveryNote = Pick<RecapDelivery, "result"> & Partial<Pick<RecapDelivery, "messageId" | "channelId" | "ref" | "reason" | "detail" | "attempt">>;

/** The log of one scheduler: `watch` around a tick's runs, `begin`/`record` around each run. */
export interface DeliveryLog {
  /** Counts 429s per running schedule until the returned function is called. */
  watch(client: Client): () => void;
  begin(schedule: RecapSchedule): void;
  /** Records the attempt (a failed write only logs) and ends its count. */
  record(schedule: RecapSchedule, at: number, note: DeliveryNote): void;
  end(schedule: RecapSchedule): void;
}

export function createDeliveryLog(db: Db, log: Logger): DeliveryLog {
  // By the schedule's channel: a forum post's later parts (in its thread) are not counted.
  const rateLimits = new RateLimitCounter();
  const keyOf = (s: RecapSchedule) => s.channelId;
  return {
    watch: (client) => rateLimits.watch(client),
    begin: (schedule) => rateLimits.begin(keyOf(schedule)),
    end: (schedule) => rateLimits.end(keyOf(schedule)),
    record(schedule, at, note) {
      try {
        recordDelivery(db, {
          guildId: schedule.guildId,
          scheduleId: schedule.id,
          storyId: schedule.storyId,
          channelId: schedule.channelId,
          at,
          messageId: null,
          reason: null,
          detail: null,
          attempt: null,
          ref: null,
          ...note,
          rateLimited: rateLimits.count(keyOf(schedule)),
        });
      } catch (err) {
        log.error({ scheduleId: schedule.id, err }, "recap: could not log a delivery");
      }
    },
  };
}
