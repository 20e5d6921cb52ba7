/**
 * The audit log: every change an editor made to an event, who made it and when. Rows are
 * written by db/event-writes.ts inside the change's own transaction and never updated.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

/** A value as the log keeps it: text, a number, a list of texts, or nothing. */
export type AuditValue = string | number | string[] | null;

/** What changed, field by field (e.g. `title_en`, `when`, `people`). */
export type AuditChanges = Record<string, { before: AuditValue; after: AuditValue }>;

export type AuditAction = "add" | "edit" | "remove";

/** Who made a change. */
export interface AuditActor {
  userId: string;
  userName: string;
}

/** One logged change. */
export interface AuditEntry {
  id: number;
  at: number;
  userId: string;
  userName: string;
  storyId: number;
  storySlug: string;
  eventId: number;
  eventKey: string;
  eventTitle: string;
  action: AuditAction;
  changes: AuditChanges;
}

/** What {@link recordAudit} writes; the rest is known to the writer. */
export type AuditInput = Omit<AuditEntry, "id">;

interface AuditRow {
  id: number;
  at: number;
  user_id: string;
  user_name: string;
  story_id: number;
  story_slug: string;
  event_id: number;
  event_key: string;
  event_title: string;
  action: AuditAction;
  changes: string;
}

const COLS = "id, at, user_id, user_name, story_id, story_slug, event_id, event_key, event_title, action, changes";

const q = prepared((db: Db) => ({
  insert: db.prepare<Omit<AuditRow, "id">>(
    `INSERT INTO audit_log (at, user_id, user_name, story_id, story_slug, event_id, event_key, event_title, action, changes)
     VALUES (:at, :user_id, :user_name, :story_id, :story_slug, :event_id, :event_key, :event_title, :action, :changes)`,
  ),
  forEvent: db.prepare<[number, number, number], AuditRow>(`SELECT ${COLS} FROM audit_log WHERE event_id = ? AND story_id = ? ORDER BY id DESC LIMIT ?`),
  countForEvent: db.prepare<[number, number], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE event_id = ? AND story_id = ?"),
  // By slug, so audit_by_story narrows it to the story's own rows.
  idOfKey: db.prepare<{ story_slug: string; event_key: string }, { event_id: number }>(
    "SELECT event_id FROM audit_log WHERE story_slug = :story_slug AND event_key = :event_key ORDER BY id DESC LIMIT 1",
  ),
  storyLogged: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM (SELECT 1 FROM audit_log WHERE story_slug = ? LIMIT 1)"),
  // Optional filters as bound NULLs: one constant statement for every combination.
  log: db.prepare<{ slug: string | null; since: number | null; limit: number }, AuditRow>(
    `SELECT ${COLS} FROM (SELECT ${COLS} FROM audit_log
       WHERE (:slug IS NULL OR story_slug = :slug) AND (:since IS NULL OR at >= :since)
       ORDER BY at DESC, id DESC LIMIT :limit) ORDER BY at, id`,
  ),
}));

function parseChanges(json: string): AuditChanges {
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as AuditChanges) : {};
  } catch {
    return {};
  }
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    userName: r.user_name,
    storyId: r.story_id,
    storySlug: r.story_slug,
    eventId: r.event_id,
    eventKey: r.event_key,
    eventTitle: r.event_title,
    action: r.action,
    changes: parseChanges(r.changes),
  };
}

/** Writes one log row. Call inside the transaction of the change it describes. */
export function recordAudit(db: Db, e: AuditInput): void {
  q(db).insert.run({
    at: e.at,
    user_id: e.userId,
    user_name: e.userName,
    story_id: e.storyId,
    story_slug: e.storySlug,
    event_id: e.eventId,
    event_key: e.eventKey,
    event_title: e.eventTitle,
    action: e.action,
    changes: JSON.stringify(e.changes),
  });
}

/**
 * The id of the event the log last recorded under `eventKey` in a story, or 0: how a removed
 * event is found by its key (the log keeps keys; the event row is gone).
 */
export function loggedEventId(db: Db, where: { storySlug: string; eventKey: string }): number {
  return q(db).idOfKey.get({ story_slug: where.storySlug, event_key: where.eventKey })?.event_id ?? 0;
}

/** Whether the log has any change to a story (by slug), also of one removed since. */
export function storyInLog(db: Db, storySlug: string): boolean {
  return (q(db).storyLogged.get(storySlug)?.n ?? 0) > 0;
}

/** An event's changes, newest first (at most `limit`), and how many there are in all. */
export function eventHistory(db: Db, storyId: number, eventId: number, limit = 10): { entries: AuditEntry[]; total: number } {
  const s = q(db);
  const n = Math.max(0, Math.min(100, Math.trunc(limit) || 0));
  return { entries: s.forEvent.all(eventId, storyId, n).map(toEntry), total: s.countForEvent.get(eventId, storyId)?.n ?? 0 };
}

/**
 * The log, oldest first: the newest `limit` changes, optionally of one story (by slug) and
 * from `since` (unix ms) on.
 */
export function auditLog(db: Db, opts: { storySlug?: string; since?: number; limit?: number } = {}): AuditEntry[] {
  const limit = Math.max(1, Math.min(1_000_000, Math.trunc(opts.limit ?? 100_000)));
  return q(db)
    .log.all({ slug: opts.storySlug ?? null, since: opts.since ?? null, limit })
    .map(toEntry);
}
