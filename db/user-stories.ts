/**
 * The story a user chose for the places no server decides for them (DMs, group DMs, servers
 * without Storyline): one row per user (migration 013).
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

const q = prepared((db: Db) => ({
  slug: db.prepare<[string], { slug: string }>("SELECT s.slug FROM user_stories u JOIN stories s ON s.id = u.story_id WHERE u.user_id = ?"),
  set: db.prepare<{ user: string; story: number; at: number }>(
    `INSERT INTO user_stories (user_id, story_id, set_at) VALUES (:user, :story, :at)
     ON CONFLICT (user_id) DO UPDATE SET story_id = excluded.story_id, set_at = excluded.set_at`,
  ),
}));

/** The slug of the story a user chose for outside servers, or null when they have not chosen one. */
export function getUserStorySlug(db: Db, userId: string): string | null {
  return q(db).slug.get(userId)?.slug ?? null;
}

/** Makes `storyId` the story a user reads outside servers with Storyline; replaces an earlier choice. */
export function setUserStory(db: Db, row: { userId: string; storyId: number; setAt: number }): void {
  q(db).set.run({ user: row.userId, story: row.storyId, at: row.setAt });
}
