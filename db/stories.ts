/**
 * Reading stories. `eventCount` counts published events only (`ev.status = 'published'`,
 * migration 005). Counts are remembered until the next write (memoCount).
 */
import { recordAudit, type AuditActor } from "./audit.ts";
import { memoCount } from "./events.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { Localized, Story } from "./types.ts";

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
  // A story made in Discord has no file, so no file hash: a file of the same slug imported
  // later is written over it as any changed file is.
  create: db.prepare<
    { slug: string; title_en: string | null; title_zh: string | null; summary_en: string | null; summary_zh: string | null; language: string; now: number },
    { id: number }
  >(
    `INSERT INTO stories (slug, title_en, title_zh, summary_en, summary_zh, language, content_hash, created_at, updated_at)
     VALUES (:slug, :title_en, :title_zh, :summary_en, :summary_zh, :language, '', :now, :now)
     ON CONFLICT (slug) DO NOTHING RETURNING id`,
  ),
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

/** {@link createStory}'s input. */
export interface CreateStoryWrite {
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
  actor: AuditActor;
  now: number;
}

/** The key a story's own audit rows carry (no event key has parentheses). */
export const STORY_AUDIT_KEY = "(story)";

/**
 * A new, empty story and its audit row, in one transaction; null when the slug is taken
 * (nothing written).
 */
export function createStory(db: Db, w: CreateStoryWrite): Story | null {
  return db.transaction((): Story | null => {
    const row = q(db).create.get({
      slug: w.slug,
      title_en: w.title.en,
      title_zh: w.title.zh,
      summary_en: w.summary.en,
      summary_zh: w.summary.zh,
      language: w.language,
      now: w.now,
    });
    if (!row) return null;
    const changes = Object.fromEntries(
      (
        [
          ["title_en", w.title.en],
          ["title_zh", w.title.zh],
          ["summary_en", w.summary.en],
          ["summary_zh", w.summary.zh],
        ] as const
      )
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, { before: null, after: v }]),
    );
    recordAudit(db, {
      at: w.now,
      userId: w.actor.userId,
      userName: w.actor.userName,
      storyId: row.id,
      storySlug: w.slug,
      eventId: 0,
      eventKey: STORY_AUDIT_KEY,
      eventTitle: w.title.en ?? w.title.zh ?? w.slug,
      action: "add",
      changes,
    });
    return getStoryById(db, row.id);
  })();
}
