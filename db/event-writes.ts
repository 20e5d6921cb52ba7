/**
 * Editors' writes: add, correct and remove one event, each in one transaction together with
 * its full-text entry (db/search.ts) and its audit row (db/audit.ts).
 *
 * - Added events get the key `ed_<n>`: story files may not use "_" in ids, so a file event
 *   can never collide with one, and n is never reused (editor_sequences), even after removals.
 * - A correction never touches `content_hash`: the importer skips a file event whose file
 *   text is unchanged, so a correction survives re-imports until the file itself changes.
 * - `added_at` is never bumped by a correction, so recaps do not announce an event twice.
 */
import { recordAudit, type AuditAction, type AuditActor, type AuditChanges } from "./audit.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import { indexEvent, unindexEvent } from "./search.ts";
import type { Localized, Precision, Source } from "./types.ts";

/** An event's own columns as an editor sets them. */
export interface EventColumns {
  at: number;
  precision: Precision;
  title: Localized;
  summary: Localized;
  importance: number;
}

/** A new event: its columns, the entities it links (in order) and its sources. */
export interface NewEvent extends EventColumns {
  entityIds: number[];
  sources: Source[];
}

/** A correction: every column as it will be; links and sources only when they change. */
export interface EventUpdate extends EventColumns {
  entityIds?: number[];
  sources?: Source[];
}

/** How a correction or removal went. */
export type WriteOutcome = "saved" | "gone" | "changed";

/** Who made a change and what it changed, as the audit log records it, and when. */
interface Recorded {
  actor: AuditActor;
  changes: AuditChanges;
  now: number;
}

/** {@link addEditorEvent}'s input. */
export interface AddEventWrite extends Recorded {
  storyId: number;
  event: NewEvent;
}

/** {@link updateEvent}'s input: the event as the editor saw it (`expectedUpdatedAt`) and as it will be. */
export interface UpdateEventWrite extends Recorded {
  storyId: number;
  eventId: number;
  expectedUpdatedAt: number;
  update: EventUpdate;
}

/** {@link removeEvent}'s input: the event as the editor saw it. */
export interface RemoveEventWrite extends Recorded {
  storyId: number;
  eventId: number;
  expectedUpdatedAt: number;
}

/** An event's own columns as statement parameters, named by column. */
interface ColumnParams {
  at: number;
  precision: Precision;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  importance: number;
}

function columnParams(ev: EventColumns): ColumnParams {
  return {
    at: ev.at,
    precision: ev.precision,
    title_en: ev.title.en,
    title_zh: ev.title.zh,
    summary_en: ev.summary.en,
    summary_zh: ev.summary.zh,
    importance: ev.importance,
  };
}

interface Target {
  id: number;
  key: string;
  title_en: string | null;
  title_zh: string | null;
  slug: string;
  updated_at: number;
}

const q = prepared((db: Db) => ({
  slug: db.prepare<[number], { slug: string }>("SELECT slug FROM stories WHERE id = ?"),
  nextN: db.prepare<[string], { n: number }>(
    `INSERT INTO editor_sequences (story_slug, last_n) VALUES (?, 1)
     ON CONFLICT (story_slug) DO UPDATE SET last_n = last_n + 1 RETURNING last_n AS n`,
  ),
  insert: db.prepare<ColumnParams & { story_id: number; key: string; now: number }, { id: number }>(
    `INSERT INTO events (story_id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, origin, content_hash, added_at, updated_at)
     VALUES (:story_id, :key, :at, :precision, :title_en, :title_zh, :summary_en, :summary_zh, :importance, 'editor', '', :now, :now)
     ON CONFLICT (story_id, key) DO NOTHING RETURNING id`,
  ),
  target: db.prepare<[number, number], Target>(
    `SELECT ev.id, ev.key, ev.title_en, ev.title_zh, s.slug, ev.updated_at FROM events ev JOIN stories s ON s.id = ev.story_id
     WHERE ev.id = ? AND ev.story_id = ?`,
  ),
  update: db.prepare<ColumnParams & { id: number; story_id: number; expected_updated_at: number; now: number }>(
    `UPDATE events SET at = :at, precision = :precision, title_en = :title_en, title_zh = :title_zh, summary_en = :summary_en,
       summary_zh = :summary_zh, importance = :importance, updated_at = max(:now, updated_at + 1)
     WHERE id = :id AND story_id = :story_id AND updated_at = :expected_updated_at`,
  ),
  remove: db.prepare<[number, number]>("DELETE FROM events WHERE id = ? AND story_id = ?"),
  clearLinks: db.prepare<[number]>("DELETE FROM event_entities WHERE event_id = ?"),
  // A link carries its event's time (migration 009).
  link: db.prepare<[number, number, number, number]>(
    `INSERT INTO event_entities (event_id, entity_id, position, at)
     SELECT ev.id, en.id, ?, ev.at FROM events ev JOIN entities en ON en.id = ? AND en.story_id = ev.story_id
     WHERE ev.id = ? AND ev.story_id = ? ON CONFLICT DO NOTHING`,
  ),
  clearSources: db.prepare<[number]>("DELETE FROM sources WHERE event_id = ?"),
  source: db.prepare<[number, number, string, string | null]>("INSERT INTO sources (event_id, position, name, url) VALUES (?, ?, ?, ?)"),
}));

function writeLinks(db: Db, storyId: number, eventId: number, entityIds: readonly number[]): void {
  const s = q(db);
  s.clearLinks.run(eventId);
  // Only entities of the event's own story are linked, whatever the caller passes.
  for (const [i, id] of entityIds.entries()) s.link.run(i, id, eventId, storyId);
}

function writeSources(db: Db, eventId: number, sources: readonly Source[]): void {
  const s = q(db);
  s.clearSources.run(eventId);
  for (const [i, src] of sources.entries()) s.source.run(eventId, i, src.name, src.url);
}

function titleText(t: Localized, key: string): string {
  return t.en ?? t.zh ?? key;
}

function audit(db: Db, action: AuditAction, story: { id: number; slug: string }, event: { id: number; key: string; title: string }, r: Recorded): void {
  recordAudit(db, {
    at: r.now,
    ...r.actor,
    storyId: story.id,
    storySlug: story.slug,
    eventId: event.id,
    eventKey: event.key,
    eventTitle: event.title,
    action,
    changes: r.changes,
  });
}

/**
 * Adds an editor's event to a story with the next `ed_<n>` key, `added_at` = `now`, its
 * links, sources, search entry and audit row. Null when the story does not exist.
 */
export function addEditorEvent(db: Db, w: AddEventWrite): { id: number; key: string } | null {
  const s = q(db);
  return db.transaction(() => {
    const slug = s.slug.get(w.storyId)?.slug;
    if (slug === undefined) return null;
    let row: { id: number } | undefined;
    let key = "";
    // A key can only be taken if the sequence row was lost; skip past such keys.
    for (let tries = 0; !row && tries < 1000; tries++) {
      key = `ed_${s.nextN.get(slug)!.n}`;
      row = s.insert.get({ ...columnParams(w.event), story_id: w.storyId, key, now: w.now });
    }
    if (!row) throw new Error(`no free editor key in story ${slug}`);
    writeLinks(db, w.storyId, row.id, w.event.entityIds);
    writeSources(db, row.id, w.event.sources);
    indexEvent(db, row.id);
    audit(db, "add", { id: w.storyId, slug }, { id: row.id, key, title: titleText(w.event.title, key) }, w);
    return { id: row.id, key };
  })();
}

/**
 * Corrects an event (of any origin) if it is still as the editor saw it (`expectedUpdatedAt`):
 * "gone" if it no longer exists, "changed" if someone changed it meanwhile (nothing written).
 * Keeps `content_hash`, `added_at` and `origin`; reindexes it; records the changes.
 */
export function updateEvent(db: Db, w: UpdateEventWrite): WriteOutcome {
  const s = q(db);
  return db.transaction((): WriteOutcome => {
    const target = s.target.get(w.eventId, w.storyId);
    if (!target) return "gone";
    const r = s.update.run({ ...columnParams(w.update), id: w.eventId, story_id: w.storyId, expected_updated_at: w.expectedUpdatedAt, now: w.now });
    if (r.changes === 0) return "changed";
    if (w.update.entityIds) writeLinks(db, w.storyId, w.eventId, w.update.entityIds);
    if (w.update.sources) writeSources(db, w.eventId, w.update.sources);
    indexEvent(db, w.eventId);
    audit(db, "edit", { id: w.storyId, slug: target.slug }, { id: w.eventId, key: target.key, title: titleText(w.update.title, target.key) }, w);
    return "saved";
  })();
}

/**
 * Removes an event (its links, quotes and sources cascade; its search entry goes first) if
 * it is still as the editor saw it, and records what it was.
 */
export function removeEvent(db: Db, w: RemoveEventWrite): WriteOutcome {
  const s = q(db);
  return db.transaction((): WriteOutcome => {
    const target = s.target.get(w.eventId, w.storyId);
    if (!target) return "gone";
    if (target.updated_at !== w.expectedUpdatedAt) return "changed";
    unindexEvent(db, w.eventId);
    s.remove.run(w.eventId, w.storyId);
    const title = titleText({ en: target.title_en, zh: target.title_zh }, target.key);
    audit(db, "remove", { id: w.storyId, slug: target.slug }, { id: w.eventId, key: target.key, title }, w);
    return "saved";
  })();
}
