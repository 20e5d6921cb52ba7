/**
 * Editors' writes to an event's quotes: add one (and, when given, its source), remove one.
 * Each in one transaction with the event's full-text entry (quotes are searched) and an
 * audit row on the event, so `/editor history` of the event and `npm run audit` show it.
 * The event's `updated_at` moves, so a form opened before the change sees it changed.
 */
import { recordAudit, type AuditActor, type AuditChanges } from "./audit.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import { indexEvent } from "./search.ts";
import type { Localized, Source } from "./types.ts";

interface Recorded {
  actor: AuditActor;
  changes: AuditChanges;
  now: number;
}

/** {@link addQuote}'s input. */
export interface AddQuoteWrite extends Recorded {
  storyId: number;
  eventId: number;
  entityId: number | null;
  text: Localized;
  /** A source to add to the event, unless it already has it. */
  source: Source | null;
}

/** {@link removeQuote}'s input: the quote by its place among the event's (1-based, as /event lists them). */
export interface RemoveQuoteWrite extends Recorded {
  storyId: number;
  eventId: number;
  position: number;
}

const q = prepared((db: Db) => ({
  event: db.prepare<[number, number], { id: number; key: string; title_en: string | null; title_zh: string | null; slug: string }>(
    `SELECT ev.id, ev.key, ev.title_en, ev.title_zh, s.slug FROM events ev JOIN stories s ON s.id = ev.story_id WHERE ev.id = ? AND ev.story_id = ?`,
  ),
  nextQuote: db.prepare<[number], { n: number }>("SELECT coalesce(max(position) + 1, 0) AS n FROM quotes WHERE event_id = ?"),
  insertQuote: db.prepare<{ event_id: number; entity_id: number | null; position: number; text_en: string | null; text_zh: string | null }>(
    "INSERT INTO quotes (event_id, entity_id, position, text_en, text_zh) VALUES (:event_id, :entity_id, :position, :text_en, :text_zh)",
  ),
  nthQuote: db.prepare<[number, number], { id: number }>("SELECT id FROM quotes WHERE event_id = ? ORDER BY position, id LIMIT 1 OFFSET ?"),
  deleteQuote: db.prepare<[number]>("DELETE FROM quotes WHERE id = ?"),
  hasSource: db.prepare<{ event_id: number; name: string; url: string | null }, { n: number }>(
    "SELECT count(*) AS n FROM sources WHERE event_id = :event_id AND (url = :url OR (:url IS NULL AND url IS NULL AND name = :name))",
  ),
  nextSource: db.prepare<[number], { n: number }>("SELECT coalesce(max(position) + 1, 0) AS n FROM sources WHERE event_id = ?"),
  insertSource: db.prepare<{ event_id: number; position: number; name: string; url: string | null }>(
    "INSERT INTO sources (event_id, position, name, url) VALUES (:event_id, :position, :name, :url)",
  ),
  touch: db.prepare<{ id: number; now: number }>("UPDATE events SET updated_at = max(:now, updated_at + 1) WHERE id = :id"),
}));

function audit(db: Db, ev: { id: number; key: string; title_en: string | null; title_zh: string | null; slug: string }, storyId: number, r: Recorded): void {
  recordAudit(db, {
    at: r.now,
    userId: r.actor.userId,
    userName: r.actor.userName,
    storyId,
    storySlug: ev.slug,
    eventId: ev.id,
    eventKey: ev.key,
    eventTitle: ev.title_en ?? ev.title_zh ?? ev.key,
    action: "edit",
    changes: r.changes,
  });
}

/** Adds a quote at the end of the event's; false when the event is gone. */
export function addQuote(db: Db, w: AddQuoteWrite): boolean {
  return db.transaction(() => {
    const s = q(db);
    const ev = s.event.get(w.eventId, w.storyId);
    if (!ev) return false;
    s.insertQuote.run({ event_id: ev.id, entity_id: w.entityId, position: s.nextQuote.get(ev.id)!.n, text_en: w.text.en, text_zh: w.text.zh });
    if (w.source && s.hasSource.get({ event_id: ev.id, name: w.source.name, url: w.source.url })!.n === 0) {
      s.insertSource.run({ event_id: ev.id, position: s.nextSource.get(ev.id)!.n, name: w.source.name, url: w.source.url });
    }
    s.touch.run({ id: ev.id, now: w.now });
    indexEvent(db, ev.id);
    audit(db, ev, w.storyId, w);
    return true;
  })();
}

/** Removes the event's `position`-th quote (1-based); false when the event or the quote is gone. */
export function removeQuote(db: Db, w: RemoveQuoteWrite): boolean {
  return db.transaction(() => {
    const s = q(db);
    const ev = s.event.get(w.eventId, w.storyId);
    const quote = ev && w.position >= 1 ? s.nthQuote.get(ev.id, w.position - 1) : undefined;
    if (!ev || !quote) return false;
    s.deleteQuote.run(quote.id);
    s.touch.run({ id: ev.id, now: w.now });
    indexEvent(db, ev.id);
    audit(db, ev, w.storyId, w);
    return true;
  })();
}
