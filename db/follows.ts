/**
 * Follows (migration 014): who follows which person or which story's major developments, and
 * each follower's language and pause. The queue of DMs they are owed is db/follow-queue.ts.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { EntityKind, Localized } from "./types.ts";

/** One follow as /following lists it: a person (entity) or, with `entity` null, a story's major developments. */
export interface Follow {
  id: number;
  userId: string;
  story: { id: number; slug: string; title: Localized };
  entity: { id: number; key: string; kind: EntityKind; name: Localized } | null;
  sinceSeq: number;
  createdAt: number;
}

/** Why following is paused for someone: Discord refused a DM (closed DMs) or knows no such user. */
export type FollowPause = "dm_closed" | "unknown_user";

export interface FollowUser {
  userId: string;
  locale: string;
  pausedAt: number | null;
  pausedReason: FollowPause | null;
  noticeDue: boolean;
}

interface FollowRow {
  id: number;
  user_id: string;
  story_id: number;
  slug: string;
  title_en: string | null;
  title_zh: string | null;
  entity_id: number | null;
  entity_key: string | null;
  kind: EntityKind | null;
  name_en: string | null;
  name_zh: string | null;
  since_seq: number;
  created_at: number;
}

interface UserRow {
  user_id: string;
  locale: string;
  paused_at: number | null;
  paused_reason: FollowPause | null;
  notice_due: number;
}

type Target = { user_id: string; story_id: number; entity_id: number | null };

const q = prepared((db: Db) => ({
  add: db.prepare<Target & { since_seq: number; now: number }>(
    `INSERT INTO follows (user_id, story_id, entity_id, since_seq, created_at) VALUES (:user_id, :story_id, :entity_id, :since_seq, :now)
     ON CONFLICT DO NOTHING`,
  ),
  remove: db.prepare<Target>("DELETE FROM follows WHERE user_id = :user_id AND story_id = :story_id AND ifnull(entity_id, 0) = ifnull(:entity_id, 0)"),
  of: db.prepare<[string], FollowRow>(
    `SELECT f.id, f.user_id, f.story_id, s.slug, s.title_en, s.title_zh, f.entity_id, e.key AS entity_key, e.kind, e.name_en, e.name_zh,
            f.since_seq, f.created_at
     FROM follows f JOIN stories s ON s.id = f.story_id LEFT JOIN entities e ON e.id = f.entity_id
     WHERE f.user_id = ? ORDER BY s.slug, f.entity_id IS NOT NULL, e.name_en, f.id`,
  ),
  touch: db.prepare<{ user_id: string; locale: string }>(
    "INSERT INTO follow_users (user_id, locale) VALUES (:user_id, :locale) ON CONFLICT (user_id) DO UPDATE SET locale = excluded.locale",
  ),
  user: db.prepare<[string], UserRow>("SELECT user_id, locale, paused_at, paused_reason, notice_due FROM follow_users WHERE user_id = ?"),
  pause: db.prepare<{ user_id: string; reason: FollowPause; now: number }>(
    `UPDATE follow_users SET paused_at = :now, paused_reason = :reason, notice_due = 1
     WHERE user_id = :user_id AND paused_at IS NULL`,
  ),
  resume: db.prepare<[string]>("UPDATE follow_users SET paused_at = NULL, paused_reason = NULL, notice_due = 0 WHERE user_id = ? AND paused_at IS NOT NULL"),
  noticeDue: db.prepare<[string], { reason: FollowPause }>("SELECT paused_reason AS reason FROM follow_users WHERE user_id = ? AND notice_due = 1"),
  noticeGiven: db.prepare<[string]>("UPDATE follow_users SET notice_due = 0 WHERE user_id = ?"),
}));

function toFollow(r: FollowRow): Follow {
  return {
    id: r.id,
    userId: r.user_id,
    story: { id: r.story_id, slug: r.slug, title: { en: r.title_en, zh: r.title_zh } },
    entity:
      r.entity_id === null || r.entity_key === null
        ? null
        : { id: r.entity_id, key: r.entity_key, kind: r.kind ?? "other", name: { en: r.name_en, zh: r.name_zh } },
    sinceSeq: r.since_seq,
    createdAt: r.created_at,
  };
}

/** Follows a person (`entityId`) or the story's major developments (null); false when already followed. */
export function saveFollow(db: Db, f: { userId: string; storyId: number; entityId: number | null; sinceSeq: number; now: number }): boolean {
  return q(db).add.run({ user_id: f.userId, story_id: f.storyId, entity_id: f.entityId, since_seq: f.sinceSeq, now: f.now }).changes === 1;
}

/** Stops one follow; false when it was not followed. DMs already waiting for it are dropped (db/follow-queue.ts). */
export function removeFollow(db: Db, f: { userId: string; storyId: number; entityId: number | null }): boolean {
  return q(db).remove.run({ user_id: f.userId, story_id: f.storyId, entity_id: f.entityId }).changes === 1;
}

/** Everything `userId` follows, by story (slug), the story's major developments first. */
export function followsOf(db: Db, userId: string): Follow[] {
  return q(db).of.all(userId).map(toFollow);
}

/** Records the follower's language (from the command they just used); creates their row. */
export function saveFollowUser(db: Db, u: { userId: string; locale: string }): void {
  q(db).touch.run({ user_id: u.userId, locale: u.locale });
}

export function getFollowUser(db: Db, userId: string): FollowUser | null {
  const r = q(db).user.get(userId);
  return r ? { userId: r.user_id, locale: r.locale, pausedAt: r.paused_at, pausedReason: r.paused_reason, noticeDue: r.notice_due === 1 } : null;
}

/** Pauses following for a user Discord refused a DM to; they are told at their next command. False if already paused. */
export function pauseFollowUser(db: Db, p: { userId: string; reason: FollowPause; now: number }): boolean {
  return q(db).pause.run({ user_id: p.userId, reason: p.reason, now: p.now }).changes === 1;
}

/** Resumes a paused user (their DMs are open again, they say); false when not paused. */
export function resumeFollowUser(db: Db, u: { userId: string }): boolean {
  return q(db).resume.run(u.userId).changes === 1;
}

/** Why following was paused, if the user has not been told yet. */
export function followNoticeDue(db: Db, userId: string): FollowPause | null {
  return q(db).noticeDue.get(userId)?.reason ?? null;
}

/** Notes that the user was told why following is paused (once). */
export function markFollowNoticeGiven(db: Db, u: { userId: string }): void {
  q(db).noticeGiven.run(u.userId);
}
