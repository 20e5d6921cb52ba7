/**
 * The follow courier's two bookkeeping steps, each in its own transactions so a crash leaves
 * nothing half done: reading publications into follow_queue (the cursor moves with the rows it
 * queued), and bundling a follower's waiting rows into one outbox entry (the rows get its id
 * in the transaction that writes it).
 */
import type { Db } from "../../db/index.ts";
import { claimOutbox } from "../../db/outbox.ts";
import { bundleFollows, dropWithdrawnFollows, followDmsSince, followersDue, queueFollowers, waitingFollows } from "../../db/follow-queue.ts";
import { courierCursor, moveCourierCursor, publicationsAfter, trimPublications } from "../../db/publications.ts";
import { outboxMarker } from "../outbox/deliver.ts";
import { IMPORTANT_FROM } from "../render/format.ts";
import { FOLLOW_EVENTS_PER_DM, HOUR_MS } from "./follows-limits.ts";

/** Publications read per transaction. */
const BATCH = 200;

/** Reads every publication past the 'follows' cursor into follow_queue; returns the rows queued. */
export function queuePublications(db: Db, now: number): number {
  let queued = 0;
  let read = 0;
  for (;;) {
    const batch = db.transaction(() => {
      const pubs = publicationsAfter(db, courierCursor(db, "follows"), BATCH);
      for (const p of pubs) queued += queueFollowers(db, { eventId: p.eventId, storyId: p.storyId, seq: p.seq, now, major: IMPORTANT_FROM });
      const last = pubs.at(-1);
      if (last) moveCourierCursor(db, "follows", last.seq);
      return pubs.length;
    })();
    read += batch;
    if (batch < BATCH) break;
  }
  // Only after reading some: an idle run must not wait on another process's write lock.
  if (read > 0) trimPublications(db);
  return queued;
}

/**
 * Bundles the waiting rows of every follower whose oldest row has waited `bundleMs` and who
 * got fewer than `perHour` DMs in the last hour: one outbox entry per follower (at most
 * {@link FOLLOW_EVENTS_PER_DM} events; the rest wait for the next DM). Returns the entries written.
 */
export function bundleDue(db: Db, opts: { now: number; bundleMs: number; perHour: number }): number {
  dropWithdrawnFollows(db);
  let written = 0;
  for (const userId of followersDue(db, opts.now - opts.bundleMs)) {
    db.transaction(() => {
      if (followDmsSince(db, userId, opts.now - HOUR_MS) >= opts.perHour) return;
      const rows = waitingFollows(db, userId, FOLLOW_EVENTS_PER_DM);
      const first = rows[0];
      if (!first) return;
      const key = `follow:${userId}:${first.eventId}`;
      const entry = claimOutbox(db, { key, kind: "follow", guildId: null, targetId: userId, marker: outboxMarker(key), now: opts.now });
      bundleFollows(db, { userId, eventIds: rows.map((r) => r.eventId), outboxId: entry.id });
      written++;
    })();
  }
  return written;
}
