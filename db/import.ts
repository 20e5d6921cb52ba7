import type { Db } from "./index.ts";
import { contentHash } from "./hash.ts";
import { namesOf } from "./names.ts";
import { prepared } from "./prepared.ts";
import { indexEvent, unindexEvent } from "./search.ts";
import type { EntityInput, EntityKind, EventInput, ImportCounts, KeptEntity, StoryInput } from "./types.ts";

/** An import that would overwrite an event someone added by other means (an editor, a feed). */
export class ImportConflictError extends Error {
  override name = "ImportConflictError";
}

/**
 * The content hash of an entity the file no longer has but events added in Discord still
 * use: no file's hash, so the next import that has the entity again writes it as a file
 * entity (same row, same id, so those events keep it).
 */
const NOT_IN_FILE = "";

/** A file event's row as statement parameters, named by column. */
interface EventParams {
  story_id: number;
  key: string;
  at: number;
  precision: string;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  importance: number;
  content_hash: string;
  verification: string | null;
  verification_note: string | null;
  verification_hash: string | null;
  now: number;
}

const q = prepared((db: Db) => ({
  upsertStory: db.prepare<
    {
      slug: string;
      title_en: string | null;
      title_zh: string | null;
      summary_en: string | null;
      summary_zh: string | null;
      language: string;
      content_hash: string;
      now: number;
    },
    { id: number }
  >(
    `INSERT INTO stories (slug, title_en, title_zh, summary_en, summary_zh, language, content_hash, created_at, updated_at)
     VALUES (:slug, :title_en, :title_zh, :summary_en, :summary_zh, :language, :content_hash, :now, :now)
     ON CONFLICT (slug) DO UPDATE SET title_en = excluded.title_en, title_zh = excluded.title_zh,
       summary_en = excluded.summary_en, summary_zh = excluded.summary_zh, language = excluded.language,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at
     WHERE stories.content_hash <> excluded.content_hash
     RETURNING id`,
  ),
  storyId: db.prepare<[string], { id: number }>("SELECT id FROM stories WHERE slug = ?"),
  entityRows: db.prepare<[number], { id: number; key: string; kind: EntityKind; content_hash: string }>(
    "SELECT id, key, kind, content_hash FROM entities WHERE story_id = ?",
  ),
  // The events that still link or quote an entity once the file's events are written: only
  // events not from the file (or file events whose links an editor corrected) can.
  usedBy: db.prepare<{ entity_id: number }, { key: string }>(
    `SELECT ev.key FROM events ev WHERE ev.id IN (SELECT event_id FROM event_entities WHERE entity_id = :entity_id
       UNION SELECT event_id FROM quotes WHERE entity_id = :entity_id) ORDER BY ev.id`,
  ),
  markNotInFile: db.prepare<{ id: number; content_hash: string }>(
    "UPDATE entities SET content_hash = :content_hash WHERE id = :id AND content_hash <> :content_hash",
  ),
  upsertEntity: db.prepare<
    {
      story_id: number;
      key: string;
      kind: string;
      name_en: string | null;
      name_zh: string | null;
      role_en: string | null;
      role_zh: string | null;
      aliases: string;
      content_hash: string;
    },
    { id: number }
  >(
    `INSERT INTO entities (story_id, key, kind, name_en, name_zh, role_en, role_zh, aliases, content_hash)
     VALUES (:story_id, :key, :kind, :name_en, :name_zh, :role_en, :role_zh, :aliases, :content_hash)
     ON CONFLICT (story_id, key) DO UPDATE SET kind = excluded.kind, name_en = excluded.name_en,
       name_zh = excluded.name_zh, role_en = excluded.role_en, role_zh = excluded.role_zh,
       aliases = excluded.aliases, content_hash = excluded.content_hash
     RETURNING id`,
  ),
  deleteNames: db.prepare<[number]>("DELETE FROM entity_names WHERE entity_id = ?"),
  insertName: db.prepare<[number, string]>("INSERT INTO entity_names (entity_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING"),
  deleteEntity: db.prepare<[number]>("DELETE FROM entities WHERE id = ?"),
  eventRows: db.prepare<[number], { id: number; key: string; origin: string; content_hash: string; verification_hash: string | null }>(
    "SELECT id, key, origin, content_hash, verification_hash FROM events WHERE story_id = ?",
  ),
  setFileStatus: db.prepare<{ id: number; verification: string | null; verification_note: string | null; verification_hash: string | null; now: number }>(
    `UPDATE events SET verification = :verification, verification_note = :verification_note,
       verification_hash = :verification_hash, updated_at = :now WHERE id = :id`,
  ),
  upsertEvent: db.prepare<EventParams, { id: number }>(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash,
       verification, verification_note, verification_hash, added_at, updated_at)
     VALUES (:story_id, :key, :at, :precision, :title_en, :title_zh, :summary_en, :summary_zh, :importance, 'file', :content_hash,
       :verification, :verification_note, :verification_hash, :now, :now)
     ON CONFLICT (story_id, key) DO UPDATE SET at = excluded.at, precision = excluded.precision,
       title_en = excluded.title_en, title_zh = excluded.title_zh, summary_en = excluded.summary_en,
       summary_zh = excluded.summary_zh, importance = excluded.importance,
       content_hash = excluded.content_hash, updated_at = excluded.updated_at
     RETURNING id`,
  ),
  // A new event: a plain INSERT, no RETURNING. A statement with RETURNING opens a statement
  // savepoint, and FTS5 flushes its pending terms at every savepoint: an import of new events
  // through the upsert above is ~1.3–1.5× slower (measured in tools/bench/).
  insertEvent: db.prepare<EventParams>(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash,
       verification, verification_note, verification_hash, added_at, updated_at)
     VALUES (:story_id, :key, :at, :precision, :title_en, :title_zh, :summary_en, :summary_zh, :importance, 'file', :content_hash,
       :verification, :verification_note, :verification_hash, :now, :now)`,
  ),
  deleteEvent: db.prepare<[number]>("DELETE FROM events WHERE id = ?"),
  clearLinks: db.prepare<[number]>("DELETE FROM event_entities WHERE event_id = ?"),
  clearQuotes: db.prepare<[number]>("DELETE FROM quotes WHERE event_id = ?"),
  clearSources: db.prepare<[number]>("DELETE FROM sources WHERE event_id = ?"),
  // Links and quotes carry their event's time (migration 009), read from the event row.
  link: db.prepare<[number, number, number]>(
    "INSERT INTO event_entities (event_id, entity_id, position, at) SELECT ev.id, ?, ?, ev.at FROM events ev WHERE ev.id = ? ON CONFLICT DO NOTHING",
  ),
  quote: db.prepare<[number | null, number, string | null, string | null, number]>(
    "INSERT INTO quotes (event_id, entity_id, position, text_en, text_zh, at) SELECT ev.id, ?, ?, ?, ?, ev.at FROM events ev WHERE ev.id = ?",
  ),
  source: db.prepare<[number, number, string, string | null]>("INSERT INTO sources (event_id, position, name, url) VALUES (?, ?, ?, ?)"),
}));

/** What {@link writeEventChildren} writes for one event. */
export interface EventChildren {
  /** The event row, which already exists. */
  eventId: number;
  /** Linked entities, in order. */
  entityIds: readonly number[];
  quotes: readonly EventInput["quotes"][number][];
  /** The entity id behind a quote's `byKey` (null: unattributed). */
  quoteBy: (key: string) => number | null;
  sources: readonly EventInput["sources"][number][];
  /** An event just inserted: nothing to clear first. */
  fresh?: boolean;
}

/** Writes an event's links, quotes and sources afresh. */
export function writeEventChildren(db: Db, c: EventChildren): void {
  const s = q(db);
  if (!c.fresh) {
    s.clearLinks.run(c.eventId);
    s.clearQuotes.run(c.eventId);
    s.clearSources.run(c.eventId);
  }
  for (const [i, id] of c.entityIds.entries()) s.link.run(id, i, c.eventId);
  for (const [i, qt] of c.quotes.entries()) s.quote.run(c.quoteBy(qt.byKey), i, qt.text.en, qt.text.zh, c.eventId);
  for (const [i, src] of c.sources.entries()) s.source.run(c.eventId, i, src.name, src.url);
}

function entityHash(e: EntityInput): string {
  return contentHash([e.kind, e.name, e.role, e.aliases]);
}

function eventHash(e: EventInput): string {
  return contentHash([e.at, e.precision, e.title, e.summary, e.importance, e.entityKeys, e.quotes, e.sources]);
}

type FileStatus = Pick<EventParams, "verification" | "verification_note" | "verification_hash">;

/**
 * The status a file sets, as columns. Its fingerprint is apart from {@link eventHash} so that a
 * change elsewhere in the event leaves an editor's status alone (and the hashes stored before
 * files had statuses stay valid); null when the file sets none.
 */
function fileStatusOf(e: EventInput): FileStatus {
  if (!e.verification) return { verification: null, verification_note: null, verification_hash: null };
  const note = e.verificationNote ?? null;
  return { verification: e.verification, verification_note: note, verification_hash: contentHash([e.verification, note]) };
}

/**
 * Deletes the entities the file no longer has, once its events are written — except those
 * that events not from the file still link or quote: those are marked {@link NOT_IN_FILE}
 * and returned, so the import can say so instead of silently changing those events.
 */
function dropEntities(db: Db, gone: readonly { id: number; key: string; kind: EntityKind }[]): KeptEntity[] {
  const s = q(db);
  const kept: KeptEntity[] = [];
  for (const e of gone) {
    const eventKeys = s.usedBy.all({ entity_id: e.id }).map((r) => r.key);
    if (eventKeys.length === 0) {
      s.deleteEntity.run(e.id);
      continue;
    }
    s.markNotInFile.run({ id: e.id, content_hash: NOT_IN_FILE });
    kept.push({ key: e.key, kind: e.kind, eventKeys });
  }
  return kept.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Writes one validated story in one transaction: entities and file events upserted by id,
 * rows whose content is unchanged left alone (no timestamp bumped), file rows the story no
 * longer has removed. Events that editors or feeds added are never touched: entities they
 * still use stay (see {@link dropEntities}).
 */
export function importStory(db: Db, story: StoryInput, now = Date.now()): ImportCounts {
  const s = q(db);
  return db.transaction((): ImportCounts => {
    const storyHash = contentHash([story.title, story.summary, story.language]);
    const changed = s.upsertStory.get({
      slug: story.slug,
      title_en: story.title.en,
      title_zh: story.title.zh,
      summary_en: story.summary.en,
      summary_zh: story.summary.zh,
      language: story.language,
      content_hash: storyHash,
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
        story_id: storyId,
        key: e.key,
        kind: e.kind,
        name_en: e.name.en,
        name_zh: e.name.zh,
        role_en: e.role.en,
        role_zh: e.role.zh,
        aliases: JSON.stringify(e.aliases),
        content_hash: hash,
      })!;
      entityIds.set(e.key, id);
      s.deleteNames.run(id);
      for (const n of namesOf(e)) s.insertName.run(id, n);
    }

    const counts: ImportCounts = {
      slug: story.slug,
      entities: story.entities.length,
      events: story.events.length,
      created: 0,
      updated: 0,
      removed: 0,
      storyChanged: !!changed,
      kept: [],
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
      const status = fileStatusOf(ev);
      // Only when the file's status changed does it replace the event's (an editor's included).
      const statusChanged = old !== undefined && old.verification_hash !== status.verification_hash;
      if (old && old.content_hash === hash) {
        if (!statusChanged) continue;
        s.setFileStatus.run({ id: old.id, ...status, now });
        counts.updated++;
        continue;
      }
      const row: EventParams = {
        story_id: storyId,
        key: ev.key,
        at: ev.at,
        precision: ev.precision,
        title_en: ev.title.en,
        title_zh: ev.title.zh,
        summary_en: ev.summary.en,
        summary_zh: ev.summary.zh,
        importance: ev.importance,
        content_hash: hash,
        ...status,
        now,
      };
      const id = old ? s.upsertEvent.get(row)!.id : Number(s.insertEvent.run(row).lastInsertRowid);
      writeEventChildren(db, {
        eventId: id,
        entityIds: ev.entityKeys.map((k) => entityIds.get(k)!),
        quotes: ev.quotes,
        quoteBy: (k) => entityIds.get(k) ?? null,
        sources: ev.sources,
        fresh: !old,
      });
      if (statusChanged) s.setFileStatus.run({ id, ...status, now });
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
    // Keys with "_" were added in Discord (db/entity-writes.ts): the file never had them.
    counts.kept = dropEntities(
      db,
      [...oldEntities.values()].filter((e) => !e.key.includes("_")),
    );
    return counts;
  })();
}
