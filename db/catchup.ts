/**
 * /catchup: each user's mark per story (migration 012), and what a story gained in a window
 * besides new events (db/events.ts eventsAddedBetween): statuses an editor changed, and
 * people added from Discord — both read from the audit log, which records when they happened.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { EntityKind, EntityRef, Localized } from "./types.ts";

/** An event whose status an editor changed in the window (its latest change). */
export interface StatusChange {
  eventId: number;
  key: string;
  title: Localized;
  at: number;
}

interface ChangeRow {
  event_id: number;
  key: string;
  title_en: string | null;
  title_zh: string | null;
  at: number;
}
interface PersonRow {
  id: number;
  key: string;
  kind: EntityKind;
  name_en: string | null;
  name_zh: string | null;
}
type Window = { story: number; since: number; until: number };

const q = prepared((db: Db) => ({
  mark: db.prepare<{ user_id: string; story_id: number }, { read_at: number }>(
    "SELECT read_at FROM catchup_marks WHERE user_id = :user_id AND story_id = :story_id",
  ),
  setMark: db.prepare<{ user_id: string; story_id: number; read_at: number }>(
    `INSERT INTO catchup_marks (user_id, story_id, read_at) VALUES (:user_id, :story_id, :read_at)
     ON CONFLICT (user_id, story_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
  ),
  // Published events only; one row per event, at its latest status change in the window.
  statusChanges: db.prepare<Window, ChangeRow>(
    `SELECT ev.id AS event_id, ev.key, ev.title_en, ev.title_zh, max(a.at) AS at
     FROM audit_log a JOIN events ev ON ev.id = a.event_id AND ev.story_id = a.story_id
     WHERE a.story_id = :story AND a.at > :since AND a.at <= :until AND a.event_id > 0
       AND json_extract(a.changes, '$.status') IS NOT NULL AND ev.status = 'published'
     GROUP BY ev.id ORDER BY max(a.at), ev.id`,
  ),
  // People added with /editor person add (logged under "person:<key>") and still in the story.
  newPeople: db.prepare<Window, PersonRow>(
    `SELECT e.id, e.key, e.kind, e.name_en, e.name_zh
     FROM audit_log a JOIN entities e ON e.story_id = a.story_id AND 'person:' || e.key = a.event_key
     WHERE a.story_id = :story AND a.at > :since AND a.at <= :until AND a.event_id = 0 AND a.action = 'add'
     GROUP BY e.id ORDER BY min(a.at), e.id`,
  ),
}));

/** When `userId` last caught up on a story (unix ms), or null if never. */
export function catchupMark(db: Db, where: { userId: string; storyId: number }): number | null {
  return q(db).mark.get({ user_id: where.userId, story_id: where.storyId })?.read_at ?? null;
}

/** Records that `userId` caught up on a story at `readAt`; a mark never moves back. */
export function markCaughtUp(db: Db, w: { userId: string; storyId: number; readAt: number }): void {
  q(db).setMark.run({ user_id: w.userId, story_id: w.storyId, read_at: w.readAt });
}

/** Events whose status an editor changed with since < at <= until, in the order of the changes. */
export function statusChangesBetween(db: Db, storyId: number, since: number, until: number): StatusChange[] {
  return q(db)
    .statusChanges.all({ story: storyId, since, until })
    .map((r) => ({ eventId: r.event_id, key: r.key, title: { en: r.title_en, zh: r.title_zh }, at: r.at }));
}

/** People added to a story from Discord with since < at <= until, in the order they were added. */
export function peopleAddedBetween(db: Db, storyId: number, since: number, until: number): EntityRef[] {
  return q(db)
    .newPeople.all({ story: storyId, since, until })
    .map((r) => ({ id: r.id, key: r.key, kind: r.kind, name: { en: r.name_en, zh: r.name_zh } }));
}
