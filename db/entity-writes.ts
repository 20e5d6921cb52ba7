/**
 * Editors' writes to a story's people and organisations, each in one transaction with its
 * audit row (db/audit.ts). New ones get the key `p_<n>`: story files may not use "_" in
 * ids, so a file entity can never collide with one, and the importer keeps them (db/import.ts).
 * Every write rewrites the entity's normalised names (entity_names), and the name index of
 * db/entities.ts sees it on the next lookup (it is stamped by total_changes).
 */
import { recordAudit, type AuditActor, type AuditChanges } from "./audit.ts";
import type { Db } from "./index.ts";
import { namesOf } from "./names.ts";
import { prepared } from "./prepared.ts";
import type { EntityKind, Localized } from "./types.ts";

/** An entity's own columns as an editor sets them. */
export interface PersonColumns {
  kind: EntityKind;
  name: Localized;
  role: Localized;
  aliases: string[];
}

interface Recorded {
  actor: AuditActor;
  changes: AuditChanges;
  now: number;
}

/** {@link addPerson}'s input. */
export interface AddPersonWrite extends Recorded {
  storyId: number;
  storySlug: string;
  person: PersonColumns;
}

/** {@link updatePerson}'s input: the entity as it will be. */
export interface UpdatePersonWrite extends Recorded {
  storyId: number;
  storySlug: string;
  entityId: number;
  person: PersonColumns;
}

/** The audit key of an entity's rows: no event key has a colon. */
export const personAuditKey = (key: string): string => `person:${key}`;

interface Params {
  kind: string;
  name_en: string | null;
  name_zh: string | null;
  role_en: string | null;
  role_zh: string | null;
  aliases: string;
}

const q = prepared((db: Db) => ({
  lastN: db.prepare<[number], { n: number | null }>(
    "SELECT max(CAST(substr(key, 3) AS INTEGER)) AS n FROM entities WHERE story_id = ? AND key GLOB 'p_[0-9]*'",
  ),
  insert: db.prepare<Params & { story_id: number; key: string }, { id: number }>(
    `INSERT INTO entities (story_id, key, kind, name_en, name_zh, role_en, role_zh, aliases, content_hash)
     VALUES (:story_id, :key, :kind, :name_en, :name_zh, :role_en, :role_zh, :aliases, '') RETURNING id`,
  ),
  update: db.prepare<Params & { id: number; story_id: number }>(
    `UPDATE entities SET kind = :kind, name_en = :name_en, name_zh = :name_zh, role_en = :role_en, role_zh = :role_zh, aliases = :aliases
     WHERE id = :id AND story_id = :story_id`,
  ),
  key: db.prepare<[number, number], { key: string }>("SELECT key FROM entities WHERE id = ? AND story_id = ?"),
  deleteNames: db.prepare<[number]>("DELETE FROM entity_names WHERE entity_id = ?"),
  insertName: db.prepare<[number, string]>("INSERT INTO entity_names (entity_id, name) VALUES (?, ?) ON CONFLICT DO NOTHING"),
  owner: db.prepare<[number, string, number], { id: number; key: string; name_en: string | null; name_zh: string | null }>(
    `SELECT e.id, e.key, e.name_en, e.name_zh FROM entity_names en JOIN entities e ON e.id = en.entity_id
     WHERE e.story_id = ? AND en.name = ? AND e.id <> ? ORDER BY e.id LIMIT 1`,
  ),
}));

function params(p: PersonColumns): Params {
  return { kind: p.kind, name_en: p.name.en, name_zh: p.name.zh, role_en: p.role.en, role_zh: p.role.zh, aliases: JSON.stringify(p.aliases) };
}

function writeNames(db: Db, id: number, p: { name: Localized; aliases: readonly string[] }): void {
  q(db).deleteNames.run(id);
  for (const n of namesOf(p)) q(db).insertName.run(id, n);
}

function audit(db: Db, w: Recorded & { storyId: number; storySlug: string; key: string; person: PersonColumns; action: "add" | "edit" }): void {
  recordAudit(db, {
    at: w.now,
    userId: w.actor.userId,
    userName: w.actor.userName,
    storyId: w.storyId,
    storySlug: w.storySlug,
    eventId: 0,
    eventKey: personAuditKey(w.key),
    eventTitle: w.person.name.en ?? w.person.name.zh ?? w.key,
    action: w.action,
    changes: w.changes,
  });
}

/** The first of `names` that another entity of the story (not `exceptId`) already answers to, and who. */
export function nameTaken(
  db: Db,
  where: { storyId: number; names: readonly string[]; exceptId?: number },
): { name: string; entity: { id: number; key: string; name: Localized } } | null {
  for (const name of where.names) {
    for (const n of namesOf({ name: { en: name, zh: null }, aliases: [] })) {
      const row = q(db).owner.get(where.storyId, n, where.exceptId ?? 0);
      if (row) return { name, entity: { id: row.id, key: row.key, name: { en: row.name_en, zh: row.name_zh } } };
    }
  }
  return null;
}

/** A new person of the story (key `p_<n>`), its names and its audit row; returns its id and key. */
export function addPerson(db: Db, w: AddPersonWrite): { id: number; key: string } {
  return db.transaction(() => {
    const key = `p_${(q(db).lastN.get(w.storyId)?.n ?? 0) + 1}`;
    const { id } = q(db).insert.get({ story_id: w.storyId, key, ...params(w.person) })!;
    writeNames(db, id, w.person);
    audit(db, { ...w, key, action: "add" });
    return { id, key };
  })();
}

/** A person corrected, with its names and audit row; false when it is no longer in the story. */
export function updatePerson(db: Db, w: UpdatePersonWrite): boolean {
  return db.transaction(() => {
    const row = q(db).key.get(w.entityId, w.storyId);
    if (!row) return false;
    q(db).update.run({ id: w.entityId, story_id: w.storyId, ...params(w.person) });
    writeNames(db, w.entityId, w.person);
    audit(db, { ...w, key: row.key, action: "edit" });
    return true;
  })();
}

function aliasList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

/** {@link mergePeople}'s input: `fromId` goes, its events, quotes and names move to `intoId`. */
export interface MergePeopleWrite {
  storyId: number;
  storySlug: string;
  fromId: number;
  intoId: number;
  /** `into`'s aliases once merged (computed by the caller from both). */
  aliases: string[];
  actor: AuditActor;
  now: number;
}

const m = prepared((db: Db) => ({
  row: db.prepare<[number, number], { id: number; key: string; kind: EntityKind; name_en: string | null; name_zh: string | null; aliases: string }>(
    "SELECT id, key, kind, name_en, name_zh, aliases FROM entities WHERE id = ? AND story_id = ?",
  ),
  touchEvents: db.prepare<{ from: number; now: number }>(
    `UPDATE events SET updated_at = max(:now, updated_at + 1)
     WHERE id IN (SELECT event_id FROM event_entities WHERE entity_id = :from UNION SELECT event_id FROM quotes WHERE entity_id = :from)`,
  ),
  moveLinks: db.prepare<{ from: number; into: number }>("UPDATE OR IGNORE event_entities SET entity_id = :into WHERE entity_id = :from"),
  moveQuotes: db.prepare<{ from: number; into: number }>("UPDATE quotes SET entity_id = :into WHERE entity_id = :from"),
  setAliases: db.prepare<{ id: number; aliases: string }>("UPDATE entities SET aliases = :aliases WHERE id = :id"),
  remove: db.prepare<[number]>("DELETE FROM entities WHERE id = ?"),
}));

/**
 * Merges a duplicate into another person of the same story, in one transaction: links and
 * quotes move (an event naming both keeps one link), `into` takes the aliases given, `from`
 * is removed, both audited. False when either is not in the story (nothing written).
 */
export function mergePeople(db: Db, w: MergePeopleWrite): boolean {
  return db.transaction(() => {
    const s = m(db);
    const from = s.row.get(w.fromId, w.storyId);
    const into = s.row.get(w.intoId, w.storyId);
    if (!from || !into || from.id === into.id) return false;
    s.touchEvents.run({ from: from.id, now: w.now });
    s.moveLinks.run({ from: from.id, into: into.id });
    s.moveQuotes.run({ from: from.id, into: into.id });
    const before = aliasList(into.aliases);
    s.setAliases.run({ id: into.id, aliases: JSON.stringify(w.aliases) });
    s.remove.run(from.id);
    writeNames(db, into.id, { name: { en: into.name_en, zh: into.name_zh }, aliases: w.aliases });
    const base = { at: w.now, userId: w.actor.userId, userName: w.actor.userName, storyId: w.storyId, storySlug: w.storySlug, eventId: 0 };
    recordAudit(db, {
      ...base,
      eventKey: personAuditKey(from.key),
      eventTitle: from.name_en ?? from.name_zh ?? from.key,
      action: "remove",
      changes: { merged_into: { before: null, after: into.key } },
    });
    recordAudit(db, {
      ...base,
      eventKey: personAuditKey(into.key),
      eventTitle: into.name_en ?? into.name_zh ?? into.key,
      action: "edit",
      changes: { aliases: { before, after: w.aliases }, merged_from: { before: null, after: from.key } },
    });
    return true;
  })();
}
