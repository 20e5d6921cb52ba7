/**
 * Alerts: every event published in a story with alert channels becomes one outbox entry per
 * channel (`alert:<alert id>:<event id>`, so an event published twice is alerted once), queued
 * in the transaction that moves the 'alerts' cursor past it — a crash queues it again or not
 * at all, never half. The entries then go out through the ledger (src/outbox/deliver.ts).
 */
import type { Db } from "../../db/index.ts";
import { alertChannelsOfStory, type AlertChannel } from "../../db/alerts.ts";
import { getEvent } from "../../db/events.ts";
import { claimOutbox } from "../../db/outbox.ts";
import { courierCursor, moveCourierCursor, publicationsAfter, trimPublications } from "../../db/publications.ts";
import { outboxMarker } from "../outbox/deliver.ts";

/** Publications read per transaction. */
const BATCH = 200;

export function alertKey(alertId: number, eventId: number): string {
  return `alert:${alertId}:${eventId}`;
}

/** The alert channel and event of an alert entry's key, or null if it is not one. */
export function parseAlertKey(key: string): { alertId: number; eventId: number } | null {
  const m = /^alert:(\d+):(\d+)$/.exec(key);
  return m ? { alertId: Number(m[1]), eventId: Number(m[2]) } : null;
}

/** Whether `alert` wants the event of publication `seq`, of `importance`. */
function wants(alert: AlertChannel, seq: number, importance: number): boolean {
  return alert.pausedReason === null && seq > alert.sinceSeq && importance >= alert.minImportance;
}

/**
 * Reads every publication past the 'alerts' cursor and queues its alerts; returns how many
 * entries were claimed. An event no longer published when read (unpublished or removed since)
 * is passed over. With nothing new it only reads.
 */
export function queueAlerts(db: Db, now: number): number {
  let claimed = 0;
  let moved = false;
  for (;;) {
    const n = db.transaction(() => {
      const pubs = publicationsAfter(db, courierCursor(db, "alerts"), BATCH);
      const last = pubs.at(-1);
      if (!last) return -1;
      const byStory = new Map<number, AlertChannel[]>();
      let count = 0;
      for (const p of pubs) {
        let alerts = byStory.get(p.storyId);
        if (!alerts) byStory.set(p.storyId, (alerts = alertChannelsOfStory(db, p.storyId)));
        if (!alerts.some((a) => a.pausedReason === null && p.seq > a.sinceSeq)) continue;
        const event = getEvent(db, p.storyId, p.eventId);
        if (!event) continue;
        for (const a of alerts.filter((x) => wants(x, p.seq, event.importance))) {
          const key = alertKey(a.id, event.id);
          claimOutbox(db, { key, kind: "alert", guildId: a.guildId, targetId: a.channelId, marker: outboxMarker(key), now });
          count++;
        }
      }
      moveCourierCursor(db, "alerts", last.seq);
      return count;
    })();
    if (n < 0) break;
    moved = true;
    claimed += n;
  }
  // Only after a write anyway: an idle run must not wait for another process's write lock
  // (better-sqlite3 waits synchronously, and interactions would wait with it).
  if (moved) trimPublications(db);
  return claimed;
}
