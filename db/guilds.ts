/** Per-server settings: the story a Discord server follows. */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

const q = prepared((db: Db) => ({
  slug: db.prepare<[string], { story_slug: string | null }>("SELECT story_slug FROM guild_settings WHERE guild_id = ?"),
  set: db.prepare<{ guild: string; slug: string | null; user: string | null; now: number }>(
    `INSERT INTO guild_settings (guild_id, story_slug, updated_at, updated_by) VALUES (:guild, :slug, :now, :user)
     ON CONFLICT (guild_id) DO UPDATE SET story_slug = excluded.story_slug, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ),
}));

/** The slug of the story a server follows, or null when it has not chosen one. */
export function getGuildStorySlug(db: Db, guildId: string): string | null {
  return q(db).slug.get(guildId)?.story_slug ?? null;
}

/**
 * Makes a server follow the story `slug` (null: back to none), recording who chose it and
 * when; creates the server's settings row or updates it.
 */
export function setGuildStory(db: Db, row: { guildId: string; storySlug: string | null; setBy: string | null; now?: number }): void {
  q(db).set.run({ guild: row.guildId, slug: row.storySlug, user: row.setBy, now: row.now ?? Date.now() });
}
