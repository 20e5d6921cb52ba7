/**
 * Reading `entity_log` (migration 008): the triggers' record of every change to an entity,
 * its names, its links or its events' status, by whoever wrote it. Caches of what depends
 * on an entity (the name index in db/entities.ts, entity counts in db/events.ts) keep the
 * last `seq` they saw and drop only what the rows after it name.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

const q = prepared((db: Db) => ({
  // Two statements: SQLite reads a lone min() or max() off the end of the index, both at once by a scan.
  end: db.prepare<[], { seq: number | null }>("SELECT max(seq) AS seq FROM entity_log"),
  start: db.prepare<[], { seq: number | null }>("SELECT min(seq) AS seq FROM entity_log"),
  since: db.prepare<[number, number], { entityId: number; names: number; links: number }>(
    "SELECT entity_id AS entityId, max(names) AS names, min(names) = 0 AS links FROM entity_log WHERE seq > ? AND seq <= ? GROUP BY entity_id",
  ),
}));

/** The last change logged (0: none yet). */
export function entityLogEnd(db: Db): number {
  return q(db).end.get()?.seq ?? 0;
}

/**
 * The entities changed after `from` up to `to` (`names`: 1 when a name may have changed;
 * `links`: 1 when a link to an event, or a linked event's status, did — an entity deleted
 * logs its links' deletion too, by cascade), or null when the log no longer reaches back to
 * `from` (trimmed, or another database) and a cache that far behind must start over.
 */
export function entitiesLoggedSince(db: Db, from: number, to: number): { entityId: number; names: number; links: number }[] | null {
  if (to < from) return null;
  const first = q(db).start.get()?.seq ?? 0;
  if (first > from + 1) return null;
  return q(db).since.all(from, to);
}
