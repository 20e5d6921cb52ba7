/**
 * What followers are owed (migration 014, `follow_queue`): one row per person and published
 * event (so never two DMs for one event), waiting until it goes out in a bundle — one outbox
 * entry (db/outbox.ts) whose id the rows then carry. The courier is src/courier/follows.ts.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

/** A waiting or bundled row: the event, in which story. */
export interface QueuedEvent {
  eventId: number;
  storyId: number;
  queuedAt: number;
}

const q = prepared((db: Db) => ({
  // The event's followers: a follow of someone it names, or of the story when it is major;
  // follows made after this publication, and paused followers, are left out.
  enqueue: db.prepare<{ event_id: number; story_id: number; seq: number; now: number; major: number }>(
    `INSERT INTO follow_queue (user_id, event_id, queued_at)
     SELECT DISTINCT f.user_id, ev.id, :now FROM follows f
     JOIN events ev ON ev.id = :event_id AND ev.story_id = f.story_id AND ev.status = 'published'
     LEFT JOIN follow_users u ON u.user_id = f.user_id
     WHERE f.story_id = :story_id AND f.since_seq < :seq AND u.paused_at IS NULL
       AND ((f.entity_id IS NULL AND ev.importance >= :major)
            OR f.entity_id IN (SELECT entity_id FROM event_entities WHERE event_id = ev.id))
     ON CONFLICT DO NOTHING`,
  ),
  // Waiting rows of events no longer published (withdrawn, rejected) would never go out.
  // Both walk the waiting rows (few) and look each event up, never the unpublished events
  // (every rejected feed report), since this runs on every tick.
  dropWithdrawn: db.prepare<[]>(
    `DELETE FROM follow_queue WHERE outbox_id IS NULL
       AND EXISTS (SELECT 1 FROM events ev WHERE ev.id = follow_queue.event_id AND ev.status <> 'published')`,
  ),
  anyWithdrawn: db.prepare<[], { n: number }>(
    `SELECT EXISTS (SELECT 1 FROM follow_queue fq JOIN events ev ON ev.id = fq.event_id
       WHERE fq.outbox_id IS NULL AND ev.status <> 'published') AS n`,
  ),
  // After an unfollow: waiting rows none of the user's follows still asks for.
  dropUnwanted: db.prepare<{ user_id: string; major: number }>(
    `DELETE FROM follow_queue WHERE user_id = :user_id AND outbox_id IS NULL AND NOT EXISTS (
       SELECT 1 FROM follows f JOIN events ev ON ev.id = follow_queue.event_id AND ev.story_id = f.story_id
       WHERE f.user_id = :user_id AND ((f.entity_id IS NULL AND ev.importance >= :major)
             OR f.entity_id IN (SELECT entity_id FROM event_entities WHERE event_id = ev.id)))`,
  ),
  // Followers (not paused) whose oldest waiting row is at least as old as `due`.
  due: db.prepare<[number], { user_id: string }>(
    `SELECT q.user_id FROM follow_queue q LEFT JOIN follow_users u ON u.user_id = q.user_id
     WHERE q.outbox_id IS NULL AND u.paused_at IS NULL
     GROUP BY q.user_id HAVING min(q.queued_at) <= ? ORDER BY min(q.queued_at), q.user_id`,
  ),
  waiting: db.prepare<[string, number], { event_id: number; story_id: number; queued_at: number }>(
    `SELECT q.event_id, ev.story_id, q.queued_at FROM follow_queue q JOIN events ev ON ev.id = q.event_id
     WHERE q.user_id = ? AND q.outbox_id IS NULL ORDER BY q.queued_at, ev.at, q.event_id LIMIT ?`,
  ),
  bundle: db.prepare<{ user_id: string; event_id: number; outbox_id: number }>(
    "UPDATE follow_queue SET outbox_id = :outbox_id WHERE user_id = :user_id AND event_id = :event_id AND outbox_id IS NULL",
  ),
  inBundle: db.prepare<[number], { event_id: number; story_id: number; queued_at: number }>(
    `SELECT q.event_id, ev.story_id, q.queued_at FROM follow_queue q JOIN events ev ON ev.id = q.event_id
     WHERE q.outbox_id = ? ORDER BY q.queued_at, ev.at, q.event_id`,
  ),
  // Follow DMs not sent yet, of followers not paused, oldest first.
  pending: db.prepare<[number], { id: number }>(
    `SELECT o.id FROM outbox o LEFT JOIN follow_users u ON u.user_id = o.target_id
     WHERE o.kind = 'follow' AND o.state = 'pending' AND u.paused_at IS NULL ORDER BY o.created_at, o.id LIMIT ?`,
  ),
  // DMs written for a user since a time: the outbox entries their rows went out in (reached
  // through the queue's primary key, as the outbox has no index by target).
  dmsSince: db.prepare<[string, number], { n: number }>(
    `SELECT count(DISTINCT q.outbox_id) AS n FROM follow_queue q JOIN outbox o ON o.id = q.outbox_id
     WHERE q.user_id = ? AND q.outbox_id IS NOT NULL AND o.created_at > ?`,
  ),
}));

const toQueued = (r: { event_id: number; story_id: number; queued_at: number }): QueuedEvent => ({
  eventId: r.event_id,
  storyId: r.story_id,
  queuedAt: r.queued_at,
});

/**
 * Queues publication `seq` of an event for each follower it concerns (a story follow takes
 * events of importance `major` and up); returns how many rows were added.
 */
export function queueFollowers(db: Db, p: { eventId: number; storyId: number; seq: number; now: number; major: number }): number {
  return q(db).enqueue.run({ event_id: p.eventId, story_id: p.storyId, seq: p.seq, now: p.now, major: p.major }).changes;
}

/** Drops waiting rows whose event is no longer published. */
export function dropWithdrawnFollows(db: Db): number {
  // Read first: a DELETE takes the write lock even when it matches nothing, and an idle
  // courier must never wait on another process's write (the event loop would wait with it).
  if (!q(db).anyWithdrawn.get()?.n) return 0;
  return q(db).dropWithdrawn.run().changes;
}

/** Drops a user's waiting rows that none of their follows asks for any more (after /unfollow). */
export function dropUnfollowedQueue(db: Db, d: { userId: string; major: number }): number {
  return q(db).dropUnwanted.run({ user_id: d.userId, major: d.major }).changes;
}

/** Users (not paused) whose oldest waiting row was queued at or before `due`. */
export function followersDue(db: Db, due: number): string[] {
  return q(db)
    .due.all(due)
    .map((r) => r.user_id);
}

/** A user's waiting rows, oldest first, at most `limit`. */
export function waitingFollows(db: Db, userId: string, limit: number): QueuedEvent[] {
  return q(db).waiting.all(userId, limit).map(toQueued);
}

/** Puts waiting rows into the DM `outboxId`; call in the transaction that wrote the entry. */
export function bundleFollows(db: Db, b: { userId: string; eventIds: readonly number[]; outboxId: number }): void {
  for (const eventId of b.eventIds) q(db).bundle.run({ user_id: b.userId, event_id: eventId, outbox_id: b.outboxId });
}

/** The events a follow DM (outbox entry) carries, in the order it lists them. */
export function bundledFollows(db: Db, outboxId: number): QueuedEvent[] {
  return q(db).inBundle.all(outboxId).map(toQueued);
}

/** How many follow DMs were written for `userId` after `since` (the hourly cap counts these). */
export function followDmsSince(db: Db, userId: string, since: number): number {
  return q(db).dmsSince.get(userId, since)?.n ?? 0;
}

/** Ids of the follow DMs (outbox entries) still to send, of followers not paused, oldest first. */
export function pendingFollowDms(db: Db, limit = 100): number[] {
  return q(db)
    .pending.all(limit)
    .map((r) => r.id);
}
