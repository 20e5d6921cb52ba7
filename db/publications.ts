/**
 * Publications (migration 014): every event that became published in a story someone follows
 * or alerts on, in commit order (a trigger writes them), and how far each reader got.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export interface Publication {
  seq: number;
  eventId: number;
  storyId: number;
  at: number;
}

/** Who reads publications: each moves its own cursor. */
export type CourierName = "alerts" | "follows";

interface PublicationRow {
  seq: number;
  event_id: number;
  story_id: number;
  at: number;
}

const q = prepared((db: Db) => ({
  after: db.prepare<[number, number], PublicationRow>("SELECT seq, event_id, story_id, at FROM publications WHERE seq > ? ORDER BY seq LIMIT ?"),
  // AUTOINCREMENT keeps the highest seq ever given in sqlite_sequence, even after a trim.
  latest: db.prepare<[], { seq: number | null }>(
    "SELECT max(coalesce((SELECT max(seq) FROM publications), 0), coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'publications'), 0)) AS seq",
  ),
  cursor: db.prepare<[CourierName], { seq: number }>("SELECT seq FROM courier_cursors WHERE name = ?"),
  setCursor: db.prepare<[CourierName, number]>(
    "INSERT INTO courier_cursors (name, seq) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET seq = max(seq, excluded.seq)",
  ),
  // Every reader is past these: nothing will read them again.
  trim: db.prepare<[]>("DELETE FROM publications WHERE seq <= (SELECT coalesce(min(seq), 0) FROM courier_cursors)"),
}));

/** Publications after `seq`, oldest first. */
export function publicationsAfter(db: Db, seq: number, limit = 200): Publication[] {
  return q(db)
    .after.all(seq, limit)
    .map((r) => ({ seq: r.seq, eventId: r.event_id, storyId: r.story_id, at: r.at }));
}

/** The newest sequence number given so far (0 when none): a new follow or alert counts what comes after it. */
export function latestPublicationSeq(db: Db): number {
  return q(db).latest.get()?.seq ?? 0;
}

/** Where `name` got to (0 before its first move: publications exist only once someone follows or alerts). */
export function courierCursor(db: Db, name: CourierName): number {
  return q(db).cursor.get(name)?.seq ?? 0;
}

/** Moves `name` forward to `seq` (never back); call inside the transaction that queued what it read. */
export function moveCourierCursor(db: Db, name: CourierName, seq: number): void {
  q(db).setCursor.run(name, seq);
}

/** Deletes publications every reader has passed. */
export function trimPublications(db: Db): number {
  return q(db).trim.run().changes;
}
