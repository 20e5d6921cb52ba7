/**
 * Drafts of the editors' event form: what someone typed, kept server-side so a refused form
 * can be reopened as it was (only the id travels in a custom_id). A draft lives a day.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

/** How long a draft can be reopened. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** The form's fields by name (title, when, summary, people, source, importance). */
export type DraftFields = Record<string, string>;

export interface Draft {
  id: number;
  userId: string;
  storyId: number;
  /** The event being corrected; null for a new one. */
  eventId: number | null;
  fields: DraftFields;
  /** For corrections: the fields as the form first showed them. */
  base: DraftFields | null;
  createdAt: number;
}

interface DraftRow {
  id: number;
  user_id: string;
  story_id: number;
  event_id: number | null;
  fields: string;
  base: string | null;
  created_at: number;
}

const q = prepared((db: Db) => ({
  purge: db.prepare<[number]>("DELETE FROM editor_drafts WHERE created_at < ?"),
  insert: db.prepare<Omit<DraftRow, "id">, { id: number }>(
    `INSERT INTO editor_drafts (user_id, story_id, event_id, fields, base, created_at)
     VALUES (:user_id, :story_id, :event_id, :fields, :base, :created_at) RETURNING id`,
  ),
  setFields: db.prepare<Pick<DraftRow, "id" | "fields" | "created_at">>("UPDATE editor_drafts SET fields = :fields, created_at = :created_at WHERE id = :id"),
  byId: db.prepare<[number, number], DraftRow>(
    "SELECT id, user_id, story_id, event_id, fields, base, created_at FROM editor_drafts WHERE id = ? AND created_at >= ?",
  ),
  remove: db.prepare<[number]>("DELETE FROM editor_drafts WHERE id = ?"),
}));

function parseFields(json: string | null): DraftFields | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

/** What {@link saveDraft} writes: a draft as typed, and the time it is saved. */
export type NewDraft = Omit<Draft, "id" | "createdAt"> & { now: number };

/** Saves a new draft (purging expired ones in the same transaction); returns its id. */
export function saveDraft(db: Db, d: NewDraft): number {
  const s = q(db);
  return db.transaction(() => {
    s.purge.run(d.now - DRAFT_TTL_MS);
    return s.insert.get({
      user_id: d.userId,
      story_id: d.storyId,
      event_id: d.eventId,
      fields: JSON.stringify(d.fields),
      base: d.base ? JSON.stringify(d.base) : null,
      created_at: d.now,
    })!.id;
  })();
}

/** Replaces a draft's typed fields and restarts its day. */
export function updateDraftFields(db: Db, d: { id: number; fields: DraftFields; now: number }): void {
  q(db).setFields.run({ id: d.id, fields: JSON.stringify(d.fields), created_at: d.now });
}

/** A draft that has not expired, or null. */
export function getDraft(db: Db, id: number, now: number): Draft | null {
  const r = q(db).byId.get(id, now - DRAFT_TTL_MS);
  if (!r) return null;
  return {
    id: r.id,
    userId: r.user_id,
    storyId: r.story_id,
    eventId: r.event_id,
    fields: parseFields(r.fields) ?? {},
    base: parseFields(r.base),
    createdAt: r.created_at,
  };
}

/** Forgets a draft (once its form was saved). */
export function deleteDraft(db: Db, id: number): void {
  q(db).remove.run(id);
}
