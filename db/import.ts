import type { Db } from "./index.ts";
import { contentHash } from "./hash.ts";
import { namesOf } from "./names.ts";
import { prepared } from "./prepared.ts";
import { indexEvent, unindexEvent } from "./search.ts";
import type { EntityInput, EventInput, ImportCounts, StoryInput } from "./types.ts";

/** An import that would overwrite an event someone added by other means (an editor, a feed). */
export class ImportConflictError extends Error {
  override name = "ImportConflictError";
}

const q = prepared((db: Db) => ({
  upsertStory: db.prepare<
    { slug: string; te: string | null; tz: string | null; se: string | null; sz: string | null; lang: string; hash: string; now: number },
    { id: number }
  >(
    `INSERT INTO stories (slug, title_en, title_zh, summary_en, summary_zh, language, content_hash, created_at, updated_at)
     VALUES (:slug, :te, :tz, :se, :sz, :lang, :hash, :now, :now)
     ON CONFLICT (slug) DO UPDATE SET title_en = excluded.title_en, title_zh = excluded.title_zh,
       summary_en = excluded.summary_en, summary_zh = excluded.summary_zh, language = excluded.language,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at
     WHERE stories.content_hash <> excluded.content_hash
     RETURNING id`,
  ),
  storyId: db.prepare<[string], { id: number }>("SELECT id FROM stories WHERE slug = ?"),
  entityRows: db.prepare<[number], { id: number; key: string; content_hash: string }>("SELECT id, key, content_hash FROM entities WHERE story_id = ?"),
  upsertEntity: db.prepare<
    { story: number; key: string; kind: string; ne: string | null; nz: string | null; re: string | null; rz: string | null; aliases: string; hash: string },
    { id: number }
  >(
    `INSERT INTO entities (story_id, key, kind, name_en, name_zh, role_en, role_zh, aliases, content_hash)
     VALUES (:story, :key, :kind, :ne, :nz, :re, :rz, :aliases, :hash)
     ON CONFLICT (story_id, key) DO UPDATE SET kind = excluded.kind, name_en = excluded.name_en,
       name_zh = excluded.name_zh, role_en = excluded.role_en, role_zh = excluded.role_zh,
       aliases = excluded.aliases, content_hash = excluded.content_hash
     RETURNING id`,
  ),
  deleteNames: db.prepare<[number]>("DELETE FROM entity_names WHERE entity_id = ?"),
  insertName: db.prepare<[number, string]>("INSERT INTO entity_names (entity_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING"),
  deleteEntity: db.prepare<[number]>("DELETE FROM entities WHERE id = ?"),
  eventRows: db.prepare<[number], { id: number; key: string; origin: string; content_hash: string }>(
    "SELECT id, key, origin, content_hash FROM events WHERE story_id = ?",
  ),
  upsertEvent: db.prepare<
    {
      story: number;
      key: string;
      at: number;
      prec: string;
      te: string | null;
      tz: string | null;
      se: string | null;
      sz: string | null;
      imp: number;
      hash: string;
      now: number;
    },
    { id: number }
  >(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash, added_at, updated_at)
     VALUES (:story, :key, :at, :prec, :te, :tz, :se, :sz, :imp, 'file', :hash, :now, :now)
     ON CONFLICT (story_id, key) DO UPDATE SET at = excluded.at, precision = excluded.precision,
       title_en = excluded.title_en, title_zh = excluded.title_zh, summary_en = excluded.summary_en,
       summary_zh = excluded.summary_zh, importance = excluded.importance,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at
     RETURNING id`,
  ),
  // A new event: a plain INSERT, no RETURNING. A statement with RETURNING opens a statement
  // savepoint, and FTS5 flushes its pending terms at every savepoint: an import of new events
  // through the upsert above is ~1.3–1.5× slower (measured in tools/bench/).
  insertEvent: db.prepare<{
    story: number;
    key: string;
    at: number;
    prec: string;
    te: string | null;
    tz: string | null;
    se: string | null;
    sz: string | null;
    imp: number;
    hash: string;
    now: number;
  }>(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash, added_at, updated_at)
     VALUES (:story, :key, :at, :prec, :te, :tz, :se, :sz, :imp, 'file', :hash, :now, :now)`,
  ),
  deleteEvent: db.prepare<[number]>("DELETE FROM events WHERE id = ?"),
  clearLinks: db.prepare<[number]>("DELETE FROM event_entities WHERE event_id = ?"),
  clearQuotes: db.prepare<[number]>("DELETE FROM quotes WHERE event_id = ?"),
  clearSources: db.prepare<[number]>("DELETE FROM sources WHERE event_id = ?"),
  link: db.prepare<[number, number, number]>("INSERT INTO event_entities (event_id, entity_id, position) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
  quote: db.prepare<[number, number | null, number, string | null, string | null]>(
    "INSERT INTO quotes (event_id, entity_id, position, text_en, text_zh) VALUES (?, ?, ?, ?, ?)",
  ),
  source: db.prepare<[number, number, string, string | null]>("INSERT INTO sources (event_id, position, name, url) VALUES (?, ?, ?, ?)"),
}));

/**
 * Writes an event's links, quotes and sources afresh (the event row already exists); `fresh`
 * (an event just inserted) skips clearing what it cannot have yet.
 */
export function writeEventChildren(
  db: Db,
  eventId: number,
  ev: Pick<EventInput, "quotes" | "sources">,
  entityIds: number[],
  quoteBy: (key: string) => number | null,
  fresh = false,
): void {
  const s = q(db);
  if (!fresh) {
    s.clearLinks.run(eventId);
    s.clearQuotes.run(eventId);
    s.clearSources.run(eventId);
  }
  entityIds.forEach((id, i) => s.link.run(eventId, id, i));
  ev.quotes.forEach((qt, i) => s.quote.run(eventId, quoteBy(qt.byKey), i, qt.text.en, qt.text.zh));
  ev.sources.forEach((src, i) => s.source.run(eventId, i, src.name, src.url));
}

function entityHash(e: EntityInput): string {
  return contentHash([e.kind, e.name, e.role, e.aliases]);
}

function eventHash(e: EventInput): string {
  return contentHash([e.at, e.precision, e.title, e.summary, e.importance, e.entityKeys, e.quotes, e.sources]);
}

/**
 * Writes one validated story in one transaction: entities and file events upserted by id,
 * rows whose content is unchanged left alone (no timestamp bumped), file rows the story no
 * longer has removed. Events that editors or feeds added are never touched.
 */
export function importStory(db: Db, story: StoryInput, now = Date.now()): ImportCounts {
  const s = q(db);
  return db.transaction((): ImportCounts => {
    const storyHash = contentHash([story.title, story.summary, story.language]);
    const changed = s.upsertStory.get({
      slug: story.slug,
      te: story.title.en,
      tz: story.title.zh,
      se: story.summary.en,
      sz: story.summary.zh,
      lang: story.language,
      hash: storyHash,
      now,
    });
    const storyId = changed?.id ?? s.storyId.get(story.slug)!.id;

    const entityIds = new Map<string, number>();
    const oldEntities = new Map(s.entityRows.all(storyId).map((r) => [r.key, r]));
    for (const e of story.entities) {
      const hash = entityHash(e);
      const old = oldEntities.get(e.key);
      oldEntities.delete(e.key);
      if (old && old.content_hash === hash) {
        entityIds.set(e.key, old.id);
        continue;
      }
      const { id } = s.upsertEntity.get({
        story: storyId,
        key: e.key,
        kind: e.kind,
        ne: e.name.en,
        nz: e.name.zh,
        re: e.role.en,
        rz: e.role.zh,
        aliases: JSON.stringify(e.aliases),
        hash,
      })!;
      entityIds.set(e.key, id);
      s.deleteNames.run(id);
      for (const n of namesOf(e)) s.insertName.run(id, n);
    }
    for (const gone of oldEntities.values()) s.deleteEntity.run(gone.id);

    const counts: ImportCounts = {
      slug: story.slug,
      entities: story.entities.length,
      events: story.events.length,
      created: 0,
      updated: 0,
      removed: 0,
      storyChanged: !!changed,
    };
    const oldEvents = new Map(s.eventRows.all(storyId).map((r) => [r.key, r]));
    for (const ev of story.events) {
      const hash = eventHash(ev);
      const old = oldEvents.get(ev.key);
      oldEvents.delete(ev.key);
      if (old && old.origin !== "file") {
        throw new ImportConflictError(
          `event "${ev.key}" in ${story.slug} was added by ${old.origin === "editor" ? "an editor" : "a feed"}; give the file's event another id`,
        );
      }
      if (old && old.content_hash === hash) continue;
      const row = {
        story: storyId,
        key: ev.key,
        at: ev.at,
        prec: ev.precision,
        te: ev.title.en,
        tz: ev.title.zh,
        se: ev.summary.en,
        sz: ev.summary.zh,
        imp: ev.importance,
        hash,
        now,
      };
      const id = old ? s.upsertEvent.get(row)!.id : Number(s.insertEvent.run(row).lastInsertRowid);
      writeEventChildren(
        db,
        id,
        ev,
        ev.entityKeys.map((k) => entityIds.get(k)!),
        (k) => entityIds.get(k) ?? null,
        !old,
      );
      indexEvent(db, id);
      if (old) counts.updated++;
      else counts.created++;
    }
    for (const gone of oldEvents.values()) {
      if (gone.origin !== "file") continue;
      unindexEvent(db, gone.id);
      s.deleteEvent.run(gone.id);
      counts.removed++;
    }
    return counts;
  })();
}
