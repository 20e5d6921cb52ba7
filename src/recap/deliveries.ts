/**
 * The scheduler's delivery log (/recap log): each attempt recorded with what happened, and the
 * 429s discord.js waited out and retried inside it — not failures, so without this they would
 * leave no trace.
 */
import { RESTEvents, type APIRequest, type Client, type ResponseLike } from "discord.js";
import type { Db } from "../../db/index.ts";
import { recordDelivery, type RecapDelivery } from "../../db/recap-deliveries.ts";
import type { RecapSchedule } from "../../db/recaps.ts";
import type { Logger } from "../log.ts";

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

/** The channel a request posts to: `/channels/<id>/messages` or, for a forum post, `/channels/<id>/threads`. */
const channelOf = (path: string) => /^\/channels\/(\d+)\/(?:messages|threads)$/.exec(path)?.[1];

export function createDeliveryLog(db: Db, log: Logger): DeliveryLog {
  // By the schedule's channel: a forum post's later parts (in its thread) are not counted.
  const rateLimits = new Map<string, number>();
  const keyOf = (s: RecapSchedule) => s.channelId;
  const count = (request: APIRequest, response: ResponseLike) => {
    const id = channelOf(request.path);
    const n = id === undefined ? undefined : rateLimits.get(id);
    if (id !== undefined && response.status === 429 && n !== undefined) rateLimits.set(id, n + 1);
  };
  return {
    watch(client) {
      client.rest.on(RESTEvents.Response, count);
      return () => client.rest.off(RESTEvents.Response, count);
    },
    begin: (schedule) => rateLimits.set(keyOf(schedule), 0),
    end: (schedule) => rateLimits.delete(keyOf(schedule)),
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
          rateLimited: rateLimits.get(keyOf(schedule)) ?? 0,
        });
      } catch (err) {
        log.error({ scheduleId: schedule.id, err }, "recap: could not log a delivery");
      }
    },
  };
}
