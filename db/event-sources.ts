/**
 * Sources with their language and date, and how well an event is attested: "reported" by
 * one outlet, "corroborated" by two or more (counted by site), or what an editor set
 * (confirmed, disputed, corrected, with a note).
 */
import { recordAudit, type AuditActor } from "./audit.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export interface SourceDetail {
  name: string;
  url: string | null;
  language: string | null;
  publishedAt: number | null;
}

export type Verification = "confirmed" | "disputed" | "corrected";
export type EventStatusKind = "reported" | "corroborated" | Verification;
export const VERIFICATIONS: readonly Verification[] = ["confirmed", "disputed", "corrected"];

export interface EventStanding {
  status: EventStatusKind;
  note: string | null;
  /** Distinct outlets among its sources. */
  outlets: number;
}

const q = prepared((db: Db) => ({
  list: db.prepare<[number], { name: string; url: string | null; language: string | null; published_at: number | null }>(
    "SELECT name, url, language, published_at FROM sources WHERE event_id = ? ORDER BY position",
  ),
  has: db.prepare<[number, string], { n: number }>("SELECT count(*) AS n FROM sources WHERE event_id = ? AND url = ?"),
  add: db.prepare<{ event: number; name: string; url: string | null; lang: string | null; at: number | null }>(
    `INSERT INTO sources (event_id, position, name, url, language, published_at)
     VALUES (:event, (SELECT coalesce(max(position), -1) + 1 FROM sources WHERE event_id = :event), :name, :url, :lang, :at)`,
  ),
  verification: db.prepare<[number], { verification: Verification | null; verification_note: string | null }>(
    "SELECT verification, verification_note FROM events WHERE id = ?",
  ),
  setVerification: db.prepare<{ id: number; v: Verification | null; note: string | null; now: number }>(
    "UPDATE events SET verification = :v, verification_note = :note, updated_at = :now WHERE id = :id",
  ),
}));

/** The site a source is from: its host without "www.", else its outlet name. */
export function siteOf(s: { name: string; url: string | null }): string {
  if (s.url) {
    try {
      return new URL(s.url).hostname.toLowerCase().replace(/^www\./, "");
    } catch {
      // fall through to the name
    }
  }
  return s.name.trim().toLowerCase();
}

/** Distinct outlets among sources. */
export function outletCount(sources: readonly { name: string; url: string | null }[]): number {
  return new Set(sources.map(siteOf)).size;
}

/** Every source of an event with its language and date, in order. */
export function eventSources(db: Db, eventId: number): SourceDetail[] {
  return q(db)
    .list.all(eventId)
    .map((r) => ({ name: r.name, url: r.url, language: r.language, publishedAt: r.published_at }));
}

/** Adds a source to an event; false (nothing written) when it already has that link. */
export function addEventSource(
  db: Db,
  input: { eventId: number; name: string; url: string | null; language: string | null; publishedAt: number | null },
): boolean {
  const s = q(db);
  if (input.url && (s.has.get(input.eventId, input.url)?.n ?? 0) > 0) return false;
  s.add.run({ event: input.eventId, name: input.name, url: input.url, lang: input.language, at: input.publishedAt });
  return true;
}

/** An event's status, its editor's note and its number of outlets. */
export function eventStanding(db: Db, eventId: number): EventStanding {
  const sources = q(db).list.all(eventId);
  const v = q(db).verification.get(eventId);
  const outlets = outletCount(sources);
  const status: EventStatusKind = v?.verification ?? (outlets >= 2 ? "corroborated" : "reported");
  return { status, note: v?.verification_note ?? null, outlets };
}

/** Sets (or with null clears) what an editor says of an event; false if there is no such event. */
export function setVerification(db: Db, input: { eventId: number; verification: Verification | null; note: string | null; now: number }): boolean {
  return q(db).setVerification.run({ id: input.eventId, v: input.verification, note: input.note, now: input.now }).changes > 0;
}

/** The standing of each of the given events. */
export function eventStandings(db: Db, eventIds: readonly number[]): Map<number, EventStanding> {
  return new Map(eventIds.map((id) => [id, eventStanding(db, id)]));
}

/**
 * An editor sets (or, with null, clears) an event's status and note, logged in the audit
 * log like other edits. "unchanged" when it already was that; "gone" when there is no such event.
 */
export function saveEventStatus(
  db: Db,
  input: {
    event: { id: number; key: string; title: string };
    story: { id: number; slug: string };
    verification: Verification | null;
    note: string | null;
    actor: AuditActor;
    now: number;
  },
): "saved" | "unchanged" | "gone" {
  return db.transaction(() => {
    const before = q(db).verification.get(input.event.id);
    if (!before) return "gone";
    const note = input.verification === null ? null : input.note;
    if (before.verification === input.verification && before.verification_note === note) return "unchanged";
    setVerification(db, { eventId: input.event.id, verification: input.verification, note, now: input.now });
    recordAudit(db, {
      at: input.now,
      ...input.actor,
      storyId: input.story.id,
      storySlug: input.story.slug,
      eventId: input.event.id,
      eventKey: input.event.key,
      eventTitle: input.event.title,
      action: "edit",
      changes: {
        status: { before: before.verification, after: input.verification },
        statusNote: { before: before.verification_note, after: note },
      },
    });
    return "saved";
  })();
}
