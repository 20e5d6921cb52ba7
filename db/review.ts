/**
 * The review queue: events feeds suggested, waiting for an editor. Approving publishes one
 * (added now, so the next recap has it, and indexed for search); rejecting keeps it as
 * 'rejected', so the item it came from never comes back. Both act only on pending events:
 * a stale or forged click on anything else changes nothing.
 */
import { sourcesOfEvents } from "./events.ts";
import type { Db } from "./index.ts";
import { mergeCandidates, type MergeCandidate } from "./developments.ts";
import type { EventRow } from "./events.ts";
import { newsItemsOfEvent, settleDevelopment, type NewsItemRow } from "./news-items.ts";
import { eventKeyById } from "./newsroom.ts";
import { prepared } from "./prepared.ts";
import { indexEvent, unindexEvent } from "./search.ts";
import type { EntityKind, EntityRef, EventDetail } from "./types.ts";

/** A pending event (a development) as the review card shows it. */
export interface ReviewItem {
  event: EventDetail;
  /** The feed items it was made from, earliest first (none for an event made before the newsroom). */
  reports: NewsItemRow[];
  /** Events it might be merged into, likeliest first (the one its reports probably report before the rest). */
  candidates: MergeCandidate[];
  /** Names two or more of its reports give that are not people of the story (filled in by the newsroom). */
  newNames: string[];
  /** 1-based place in the story's queue (oldest suggestion first). */
  position: number;
  total: number;
}

type Row = EventRow;

// `status <> 'published'` next to `status = 'pending'` lets the planner use the partial
// index events_unpublished (migration 005).
const PENDING = "ev.status = 'pending' AND ev.status <> 'published'";

const q = prepared((db: Db) => ({
  count: db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM events ev WHERE ev.story_id = ? AND ${PENDING}`),
  position: db.prepare<[number, number], { n: number }>(`SELECT count(*) AS n FROM events ev WHERE ev.story_id = ? AND ${PENDING} AND ev.id <= ?`),
  firstAfter: db.prepare<[number, number], { id: number }>(
    `SELECT ev.id FROM events ev WHERE ev.story_id = ? AND ${PENDING} AND ev.id > ? ORDER BY ev.id LIMIT 1`,
  ),
  row: db.prepare<[number], Row>(
    `SELECT ev.id, ev.story_id, ev.key, ev.at, ev.precision, ev.title_en, ev.title_zh, ev.summary_en, ev.summary_zh, ev.importance,
       ev.origin, ev.added_at, ev.updated_at FROM events ev WHERE ev.id = ? AND ${PENDING}`,
  ),
  entities: db.prepare<[number], { id: number; key: string; kind: EntityKind; name_en: string | null; name_zh: string | null }>(
    "SELECT en.id, en.key, en.kind, en.name_en, en.name_zh FROM event_entities ee JOIN entities en ON en.id = ee.entity_id WHERE ee.event_id = ? ORDER BY ee.position",
  ),
  storyOf: db.prepare<[number], { story_id: number; status: string }>("SELECT story_id, status FROM events WHERE id = ?"),
  approve: db.prepare<[number, number, number]>("UPDATE events SET status = 'published', added_at = ?, updated_at = ? WHERE id = ? AND status = 'pending'"),
  reject: db.prepare<[number, number]>("UPDATE events SET status = 'rejected', updated_at = ? WHERE id = ? AND status = 'pending'"),
}));

/** How many events of a story wait for review. */
export function pendingCount(db: Db, storyId: number): number {
  return q(db).count.get(storyId)?.n ?? 0;
}

/** A pending event with everything the card shows; null when it is not pending (any more). */
export function getPendingEvent(db: Db, eventId: number): ReviewItem | null {
  const s = q(db);
  const r = s.row.get(eventId);
  if (!r) return null;
  const entities = s.entities.all(eventId).map((e): EntityRef => ({ id: e.id, key: e.key, kind: e.kind, name: { en: e.name_en, zh: e.name_zh } }));
  const event: EventDetail = {
    id: r.id,
    storyId: r.story_id,
    key: r.key,
    at: r.at,
    precision: r.precision,
    title: { en: r.title_en, zh: r.title_zh },
    importance: r.importance,
    origin: r.origin,
    addedAt: r.added_at,
    entities,
    summary: { en: r.summary_en, zh: r.summary_zh },
    quotes: [],
    sources: sourcesOfEvents(db, [r.id]),
    updatedAt: r.updated_at,
  };
  const reports = newsItemsOfEvent(db, r.id);
  const probable = new Set(reports.map((x) => x.eventKey).filter((k): k is string => k !== null));
  const candidates = mergeCandidates(db, r.story_id, r.id, 24);
  candidates.sort((a, b) => Number(probable.has(b.key)) - Number(probable.has(a.key)));
  return { event, reports, candidates, newNames: [], position: s.position.get(r.story_id, r.id)?.n ?? 1, total: pendingCount(db, r.story_id) };
}

/**
 * The pending event to show after `afterId` (the oldest after it, wrapping round to the
 * oldest of all); null when nothing is pending.
 */
export function nextPending(db: Db, storyId: number, afterId = 0): ReviewItem | null {
  const s = q(db);
  const id = s.firstAfter.get(storyId, afterId)?.id ?? s.firstAfter.get(storyId, 0)?.id;
  return id === undefined ? null : getPendingEvent(db, id);
}

/** The story an event belongs to, and its status; null if there is no such event. */
export function eventStatus(db: Db, eventId: number): { storyId: number; status: string } | null {
  const r = q(db).storyOf.get(eventId);
  return r ? { storyId: r.story_id, status: r.status } : null;
}

/** Publishes a pending event (added now, indexed for search); false if it was not pending. */
export function approveEvent(db: Db, eventId: number, now: number): boolean {
  return db.transaction(() => {
    if (q(db).approve.run(now, now, eventId).changes === 0) return false;
    indexEvent(db, eventId);
    settleDevelopment(db, eventId, "published", eventKeyById(db, eventId)?.key ?? null);
    return true;
  })();
}

/** Rejects a pending event (kept, never indexed); false if it was not pending. */
export function rejectEvent(db: Db, eventId: number, now: number): boolean {
  return db.transaction(() => {
    if (q(db).reject.run(now, eventId).changes === 0) return false;
    unindexEvent(db, eventId);
    settleDevelopment(db, eventId, "rejected", null);
    return true;
  })();
}
