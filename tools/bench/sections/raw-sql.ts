/**
 * The raw SQL behind each handler: the core query as one direct prepared statement (two
 * for /who), no mapping to domain objects, no memo, no rendering — the floor the handlers
 * are compared with. Benchmark-only; the bot's SQL lives in db/.
 */
import type { Db } from "../../../db/index.ts";

const COLS = "ev.id, ev.key, ev.at, ev.precision, ev.title_en, ev.title_zh, ev.importance";

/** Prepared statements over `db`. */
export function rawStatements(db: Db) {
  return {
    nameLookup: db.prepare<[string, number], { id: number }>(
      "SELECT en.entity_id AS id FROM entity_names en JOIN entities e ON e.id = en.entity_id WHERE en.name = ? AND e.story_id = ? LIMIT 1",
    ),
    // An entity's first events off its links in time order (migration 009), as db/events.ts reads them.
    firstByTime: db.prepare<[number, number], unknown>(
      `SELECT ${COLS} FROM event_entities ee CROSS JOIN events ev ON ev.id = ee.event_id
       WHERE ee.entity_id = ? AND ev.status = 'published' ORDER BY ee.at, ee.event_id LIMIT ?`,
    ),
    prefix: db.prepare<[string, string, number], { id: number }>(
      "SELECT DISTINCT en.entity_id AS id FROM entity_names en JOIN entities e ON e.id = en.entity_id WHERE en.name >= ? AND en.name < ? AND e.story_id = ? LIMIT 25",
    ),
    latest: db.prepare<[number, number], unknown>(
      `SELECT ${COLS} FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at DESC, ev.id DESC LIMIT ?`,
    ),
    event: db.prepare<[number, number], unknown>(`SELECT ${COLS}, ev.summary_en, ev.summary_zh FROM events ev WHERE ev.id = ? AND ev.story_id = ?`),
    page: db.prepare<[number, number, number], unknown>(
      `SELECT ${COLS} FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at, ev.id LIMIT ? OFFSET ?`,
    ),
    match: db.prepare<[string, number], { id: number }>("SELECT rowid & 4294967295 AS id FROM event_fts WHERE event_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
    likeAll: db.prepare<{ story: number; pattern: string }, { id: number }>(
      `SELECT ev.id FROM events ev WHERE ev.story_id = :story AND ev.status = 'published'
       AND (ev.title_en LIKE :pattern OR ev.title_zh LIKE :pattern OR ev.summary_en LIKE :pattern OR ev.summary_zh LIKE :pattern)`,
    ),
    like: db.prepare<{ story: number; pattern: string; limit: number }, { id: number }>(
      `SELECT ev.id FROM events ev WHERE ev.story_id = :story AND ev.status = 'published'
       AND (ev.title_en LIKE :pattern OR ev.title_zh LIKE :pattern OR ev.summary_en LIKE :pattern OR ev.summary_zh LIKE :pattern)
       ORDER BY ev.at DESC, ev.id DESC LIMIT :limit`,
    ),
  };
}

export type RawStatements = ReturnType<typeof rawStatements>;
