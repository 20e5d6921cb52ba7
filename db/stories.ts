/**
 * Reading stories. `eventCount` counts published events only (`ev.status = 'published'`,
 * migration 005). Counts are remembered until the next write (memoCount).
 */
import { memoCount } from "./events.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { Story } from "./types.ts";

interface StoryRow {
  id: number;
  slug: string;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  language: string;
}

/** The columns every story statement selects (a fixed fragment, never user text). */
const COLS = "s.id, s.slug, s.title_en, s.title_zh, s.summary_en, s.summary_zh, s.language";

const q = prepared((db: Db) => ({
  all: db.prepare<[], StoryRow>(`SELECT ${COLS} FROM stories s ORDER BY s.slug`),
  bySlug: db.prepare<[string], StoryRow>(`SELECT ${COLS} FROM stories s WHERE s.slug = ?`),
  byId: db.prepare<[number], StoryRow>(`SELECT ${COLS} FROM stories s WHERE s.id = ?`),
  eventCount: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM events ev WHERE ev.story_id = ? AND ev.status = 'published'"),
}));

function toStory(db: Db, r: StoryRow | undefined): Story | null {
  if (!r) return null;
  return {
    id: r.id,
    slug: r.slug,
    title: { en: r.title_en, zh: r.title_zh },
    summary: { en: r.summary_en, zh: r.summary_zh },
    language: r.language,
    // Counted when read, not on every lookup: most callers (each command's requireStory, each
    // recap run) never read it, and after any write it is a walk over the story's events
    // (a million: ~40 ms, which capped a recap fan-out at ~25 posts/s).
    get eventCount() {
      return memoCount(db, `s ${r.id}`, () => q(db).eventCount.get(r.id)?.n ?? 0);
    },
  };
}

/** Every story, by slug, each with how many published events it has. */
export function listStories(db: Db): Story[] {
  return q(db)
    .all.all()
    .map((r) => toStory(db, r)!);
}

/** The story with this slug, or null. */
export function getStoryBySlug(db: Db, slug: string): Story | null {
  return toStory(db, q(db).bySlug.get(slug));
}

/** The story with this id, or null. */
export function getStoryById(db: Db, id: number): Story | null {
  return toStory(db, q(db).byId.get(id));
}
