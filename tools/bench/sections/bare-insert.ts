/**
 * The practical limit for writing a story: the same rows the importer writes (story,
 * entities and their names, events, links, quotes, sources and full-text rows) with
 * prepared statements in one transaction, ids chosen up front, no hashing, no lookups, no
 * checks. What the importer is measured against.
 */
import type { Db } from "../../../db/index.ts";
import { namesOf } from "../../../db/names.ts";
import { segmentForIndex } from "../../../db/search-text.ts";
import type { StoryInput } from "../../../db/types.ts";

const MINUTE = 60_000;
const KEY_SHIFT = 4294967296n;

/** events.search_key as db/search.ts computes it in SQL: minutes (clamped to 32 bits) · 2³² + id. */
function searchKey(at: number, id: number): bigint {
  const minutes = Math.max(-2147483648, Math.min(2147483647, Math.trunc(at / MINUTE)));
  return BigInt(minutes) * KEY_SHIFT + BigInt(id);
}

/** Writes `story` into an empty, migrated database; returns the number of events written. */
export function bareInsert(db: Db, story: StoryInput, now: number): number {
  const storyRow = db.prepare(
    "INSERT INTO stories (id, slug, title_en, title_zh, summary_en, summary_zh, language, content_hash, created_at, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, '', ?, ?)",
  );
  const entity = db.prepare(
    "INSERT INTO entities (id, story_id, key, kind, name_en, name_zh, role_en, role_zh, aliases, content_hash) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, '')",
  );
  const name = db.prepare("INSERT INTO entity_names (entity_id, name) VALUES (?, ?)");
  const event = db.prepare(
    `INSERT INTO events (id, story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash, added_at, updated_at, search_key)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 'file', '', ?, ?, ?)`,
  );
  const link = db.prepare("INSERT INTO event_entities (event_id, entity_id, position, at) VALUES (?, ?, ?, ?)");
  const quote = db.prepare("INSERT INTO quotes (event_id, entity_id, position, text_en, text_zh, at) VALUES (?, ?, ?, ?, ?, ?)");
  const source = db.prepare("INSERT INTO sources (event_id, position, name, url) VALUES (?, ?, ?, ?)");
  const fts = db.prepare("INSERT INTO event_fts (rowid, story, body) VALUES (?, 's1', ?)");
  return db.transaction((): number => {
    storyRow.run(story.slug, story.title.en, story.title.zh, story.summary.en, story.summary.zh, story.language, now, now);
    const ids = new Map<string, number>();
    story.entities.forEach((e, i) => {
      ids.set(e.key, i + 1);
      entity.run(i + 1, e.key, e.kind, e.name.en, e.name.zh, e.role.en, e.role.zh, JSON.stringify(e.aliases));
      for (const n of namesOf(e)) name.run(i + 1, n);
    });
    let id = 0;
    for (const ev of story.events) {
      id++;
      const key = searchKey(ev.at, id);
      event.run(id, ev.key, ev.at, ev.precision, ev.title.en, ev.title.zh, ev.summary.en, ev.summary.zh, ev.importance, now, now, key);
      ev.entityKeys.forEach((k, p) => void link.run(id, ids.get(k)!, p, ev.at));
      ev.quotes.forEach((q, p) => void quote.run(id, ids.get(q.byKey) ?? null, p, q.text.en, q.text.zh, ev.at));
      ev.sources.forEach((s, p) => void source.run(id, p, s.name, s.url));
      const parts = [ev.title.en, ev.title.zh, ev.summary.en, ev.summary.zh];
      for (const q of ev.quotes) parts.push(q.text.en, q.text.zh);
      fts.run(key, segmentForIndex(parts.filter(Boolean).join("\n")));
    }
    return id;
  })();
}
