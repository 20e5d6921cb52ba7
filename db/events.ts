/**
 * Reading events: the latest, one in full, the timeline page by page, search, and what was
 * added in a window (for recaps).
 *
 * Published only: every statement below has `AND <alias>.status = 'published'`, so events a
 * feed suggested (pending review) or that were rejected never show (migration 005).
 * Lists load their events with one statement and the events' entities (quotes, sources)
 * with one more, passing the ids as a JSON array to `json_each` — no N+1, no built SQL.
 */
import { entitiesLoggedSince, entityLogEnd } from "./entity-log.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import { searchEventIds, searchPrefixIds } from "./search.ts";
import { prefixQuery } from "./search-text.ts";
import type {
  EntityKind,
  EntityRef,
  EventDetail,
  EventOrigin,
  EventRef,
  EventSummary,
  Localized,
  Precision,
  Quote,
  SearchHit,
  Source,
  TimelinePage,
} from "./types.ts";

/** An event row as db/ reads it (snake_case, as stored). */
export interface EventRow {
  id: number;
  story_id: number;
  key: string;
  at: number;
  precision: Precision;
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  importance: number;
  origin: EventOrigin;
  added_at: number;
  updated_at: number;
}
interface RefRow {
  id: number;
  key: string;
  kind: EntityKind;
  name_en: string | null;
  name_zh: string | null;
}
interface QuoteRow {
  event_id: number;
  text_en: string | null;
  text_zh: string | null;
  by_id: number | null;
  by_key: string | null;
  by_kind: EntityKind | null;
  by_name_en: string | null;
  by_name_zh: string | null;
}
type RefCols = Pick<EventRow, "id" | "key" | "at" | "precision" | "title_en" | "title_zh">;
type Range = { story: number; from: number; to: number };
type Paged = Range & { limit: number; offset: number };

/** The columns every event statement selects (a fixed fragment, never user text). */
const COLS = `ev.id, ev.story_id, ev.key, ev.at, ev.precision, ev.title_en, ev.title_zh, ev.summary_en, ev.summary_zh,
  ev.importance, ev.origin, ev.added_at, ev.updated_at`;

const q = prepared((db: Db) => ({
  latest: db.prepare<[number, number], EventRow>(
    `SELECT ${COLS} FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at DESC, ev.id DESC LIMIT ?`,
  ),
  // Along events_by_added (story_id, added_at, then the rowid), newest first.
  latestAdded: db.prepare<[number, number], EventRow>(
    `SELECT ${COLS} FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.added_at DESC, ev.id DESC LIMIT ?`,
  ),
  // How many published events come before or at this one in the timeline's order (at, id).
  place: db.prepare<{ story: number; at: number; id: number }, { n: number }>(
    "SELECT count(*) AS n FROM events ev WHERE ev.story_id = :story AND ev.status = 'published' AND (ev.at, ev.id) <= (:at, :id)",
  ),
  byId: db.prepare<[number, number], EventRow>(`SELECT ${COLS} FROM events ev WHERE ev.id = ? AND ev.story_id = ? AND ev.status = 'published'`),
  // Only what an EventRef holds, for suggestion lists (no summaries to read).
  refsByIds: db.prepare<[string, number], RefCols>(
    `SELECT ev.id, ev.key, ev.at, ev.precision, ev.title_en, ev.title_zh FROM json_each(?) j CROSS JOIN events ev ON ev.id = j.value
     WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY j.key`,
  ),
  byKey: db.prepare<[string, number], EventRow>(`SELECT ${COLS} FROM events ev WHERE ev.key = ? AND ev.story_id = ? AND ev.status = 'published'`),
  // CROSS JOIN keeps json_each outside: otherwise the planner walks the whole story through
  // events_published_by_time and probes the list (1M events: ~0.9 s instead of ~0.1 ms).
  byIds: db.prepare<[string, number], EventRow>(
    `SELECT ${COLS} FROM json_each(?) j CROSS JOIN events ev ON ev.id = j.value WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY j.key`,
  ),
  addedBetween: db.prepare<[number, number, number], EventRow>(
    `SELECT ${COLS} FROM events ev WHERE ev.story_id = ? AND ev.added_at > ? AND ev.added_at <= ? AND ev.status = 'published' ORDER BY ev.at, ev.id`,
  ),
  count: db.prepare<Range, { n: number }>(
    "SELECT count(*) AS n FROM events ev WHERE ev.story_id = :story AND ev.at >= :from AND ev.at <= :to AND ev.status = 'published'",
  ),
  page: db.prepare<Paged, EventRow>(
    `SELECT ${COLS} FROM (SELECT pe.id FROM events pe WHERE pe.story_id = :story AND pe.at >= :from AND pe.at <= :to AND pe.status = 'published'
       ORDER BY pe.at, pe.id LIMIT :limit OFFSET :offset) p JOIN events ev ON ev.id = p.id ORDER BY ev.at, ev.id`,
  ),
  pageBack: db.prepare<Paged, EventRow>(
    `SELECT ${COLS} FROM (SELECT pe.id FROM events pe WHERE pe.story_id = :story AND pe.at >= :from AND pe.at <= :to AND pe.status = 'published'
       ORDER BY pe.at DESC, pe.id DESC LIMIT :limit OFFSET :offset) p JOIN events ev ON ev.id = p.id ORDER BY ev.at, ev.id`,
  ),
  // Entity filter: off the entity's links in time order (event_entities_by_entity_time,
  // migration 009), skipping the story's few unpublished events; a link joins an entity and
  // an event of one story, so the entity's own story is checked once, not per event.
  countOf: db.prepare<Range & { entity: number }, { n: number }>(
    `SELECT count(*) AS n FROM event_entities ee WHERE ee.entity_id = :entity AND ee.at >= :from AND ee.at <= :to
     AND EXISTS (SELECT 1 FROM entities en WHERE en.id = :entity AND en.story_id = :story)
     AND ee.event_id NOT IN (SELECT ev.id FROM events ev WHERE ev.story_id = :story AND ev.status <> 'published')`,
  ),
  // Without a date range: from the links alone, as the mention counts in db/entities.ts, so
  // the most mentioned person's 250k events are not each visited (1M events: ~15 ms, not ~0.5 s).
  countAllOf: db.prepare<{ story: number; entity: number }, { n: number }>(
    `SELECT count(*) AS n FROM event_entities ee WHERE ee.entity_id = :entity
     AND EXISTS (SELECT 1 FROM entities en WHERE en.id = :entity AND en.story_id = :story)
     AND ee.event_id NOT IN (SELECT ev.id FROM events ev WHERE ev.story_id = :story AND ev.status <> 'published')`,
  ),
  pageOf: db.prepare<Paged & { entity: number }, EventRow>(
    `SELECT ${COLS} FROM (SELECT ee.event_id AS id FROM event_entities ee
       WHERE ee.entity_id = :entity AND ee.at >= :from AND ee.at <= :to
       AND EXISTS (SELECT 1 FROM entities en WHERE en.id = :entity AND en.story_id = :story)
       AND ee.event_id NOT IN (SELECT ev.id FROM events ev WHERE ev.story_id = :story AND ev.status <> 'published')
       ORDER BY ee.at, ee.event_id LIMIT :limit OFFSET :offset) p JOIN events ev ON ev.id = p.id ORDER BY ev.at, ev.id`,
  ),
  stamp: db.prepare<[], { version: number; changes: number }>("SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes"),
  entities: db.prepare<[string], RefRow & { event_id: number }>(
    `SELECT ee.event_id, en.id, en.key, en.kind, en.name_en, en.name_zh FROM json_each(?) j
     JOIN event_entities ee ON ee.event_id = j.value JOIN entities en ON en.id = ee.entity_id ORDER BY j.key, ee.position`,
  ),
  quotes: db.prepare<[string], QuoteRow>(
    `SELECT qt.event_id, qt.text_en, qt.text_zh, en.id AS by_id, en.key AS by_key, en.kind AS by_kind, en.name_en AS by_name_en, en.name_zh AS by_name_zh
     FROM json_each(?) j JOIN quotes qt ON qt.event_id = j.value LEFT JOIN entities en ON en.id = qt.entity_id ORDER BY j.key, qt.position`,
  ),
  sources: db.prepare<[string], Source & { event_id: number }>(
    "SELECT s.event_id, s.name, s.url FROM json_each(?) j JOIN sources s ON s.event_id = j.value ORDER BY j.key, s.position",
  ),
}));

/** At most this many search matches are counted; `capped` says there were more. */
export const SEARCH_TOTAL_CAP = 1000;
const MAX_LIST = 100;

function clampInt(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.trunc(n))) : lo;
}

function groupBy<R extends { event_id: number }, T>(rows: R[], map: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.event_id);
    if (list) list.push(map(r));
    else out.set(r.event_id, [map(r)]);
  }
  return out;
}

function toRef(r: RefCols): EventRef {
  return { id: r.id, key: r.key, at: r.at, precision: r.precision, title: { en: r.title_en, zh: r.title_zh } };
}

/** Row → EventSummary, given its entities. */
function toSummary(r: EventRow, entities: EntityRef[]): EventSummary {
  return { ...toRef(r), storyId: r.story_id, importance: r.importance, origin: r.origin, addedAt: r.added_at, entities };
}

function summaryText(r: EventRow): Localized {
  return { en: r.summary_en, zh: r.summary_zh };
}

/** Turns event rows into summaries, loading all their entities with one statement. */
function summaries(db: Db, rows: EventRow[]): EventSummary[] {
  if (!rows.length) return [];
  const refs = groupBy(
    q(db).entities.all(JSON.stringify(rows.map((r) => r.id))),
    (r): EntityRef => ({ id: r.id, key: r.key, kind: r.kind, name: { en: r.name_en, zh: r.name_zh } }),
  );
  return rows.map((r) => toSummary(r, refs.get(r.id) ?? []));
}

function quotesOf(db: Db, ids: number[]): Map<number, Quote[]> {
  return groupBy(
    q(db).quotes.all(JSON.stringify(ids)),
    (r): Quote => ({
      by: r.by_id === null ? null : { id: r.by_id, key: r.by_key ?? "", kind: r.by_kind ?? "other", name: { en: r.by_name_en, zh: r.by_name_zh } },
      text: { en: r.text_en, zh: r.text_zh },
    }),
  );
}

/** The sources of the given events, in event order then source order. */
export function sourcesOfEvents(db: Db, eventIds: readonly number[]): Source[] {
  if (!eventIds.length) return [];
  return q(db)
    .sources.all(JSON.stringify(eventIds))
    .map((s) => ({ name: s.name, url: s.url }));
}

function detail(db: Db, row: EventRow | undefined): EventDetail | null {
  if (!row) return null;
  const [summary] = summaries(db, [row]);
  const sources = sourcesOfEvents(db, [row.id]);
  return { ...summary!, summary: summaryText(row), quotes: quotesOf(db, [row.id]).get(row.id) ?? [], sources, updatedAt: row.updated_at };
}

/** The `count` events of a story added last (imported, added by an editor, published from a feed), newest first. */
export function latestAddedEvents(db: Db, storyId: number, count: number): EventSummary[] {
  return summaries(db, q(db).latestAdded.all(storyId, clampInt(count, 0, MAX_LIST)));
}

/**
 * Where a published event is in its story's timeline: 1-based, in the timeline's order
 * (when it happened, then id), of how many; null for an event not (or no longer) published.
 */
export function timelinePlace(db: Db, storyId: number, eventId: number): { position: number; total: number } | null {
  const s = q(db);
  const ev = s.byId.get(eventId, storyId);
  if (!ev) return null;
  return { position: s.place.get({ story: storyId, at: ev.at, id: ev.id })?.n ?? 0, total: countStoryEvents(db, storyId) };
}

/** The `count` most recent events of a story (by when they happened, then id), newest first. */
export function latestEvents(db: Db, storyId: number, count: number): EventSummary[] {
  return summaries(db, q(db).latest.all(storyId, clampInt(count, 0, MAX_LIST)));
}

/** One event of a story with its summary, quotes (and who said them) and sources; null if not in that story. */
export function getEvent(db: Db, storyId: number, eventId: number): EventDetail | null {
  return detail(db, q(db).byId.get(eventId, storyId));
}

/** One event of a story by its key (the id in the story file); null if there is none. */
export function getEventByKey(db: Db, storyId: number, key: string): EventDetail | null {
  return detail(db, q(db).byKey.get(key, storyId));
}

/** Up to this many events a single CJK character is searched for as a prefix of the index's character pairs (a few ms; it grows with the story). */
const CHAR_PREFIX_MAX_EVENTS = 20_000;

/**
 * Events for an event option (autocomplete, and reading a typed value), newest first: those
 * whose text matches what was typed, the last word as a prefix of a title word in either
 * language ("Brock", "emplo", "董事"; see searchPrefixIds), or the latest when it is blank.
 */
export function searchEventTitles(db: Db, storyId: number, typed: string, limit = 25): EventRef[] {
  const n = clampInt(limit, 0, MAX_LIST);
  if (!typed.trim()) return q(db).latest.all(storyId, n).map(toRef);
  const query = prefixQuery(typed);
  const charPrefix = query.prefix?.kind === "char" && countStoryEvents(db, storyId) <= CHAR_PREFIX_MAX_EVENTS;
  const ids = searchPrefixIds(db, storyId, query, n, charPrefix);
  return ids.length ? q(db).refsByIds.all(JSON.stringify(ids), storyId).map(toRef) : [];
}

/**
 * A value that changes whenever the database may have changed: `PRAGMA data_version` moves
 * when another connection commits, `total_changes()` with every row this connection writes.
 * Empty inside a transaction, which may yet roll back: nothing should be cached then.
 */
export function dataStamp(db: Db): string {
  if (db.inTransaction) return "";
  const r = q(db).stamp.get()!;
  return `${r.version}:${r.changes}`;
}

const counts = new WeakMap<Db, { stamp: string; values: Map<string, number> }>();

/** `compute()`, remembered under `key` until the next write anywhere (see dataStamp). */
export function memoCount(db: Db, key: string, compute: () => number): number {
  const stamp = dataStamp(db);
  if (!stamp) return compute();
  let c = counts.get(db);
  if (!c || c.stamp !== stamp) counts.set(db, (c = { stamp, values: new Map() }));
  let v = c.values.get(key);
  if (v === undefined) {
    if (c.values.size >= 512) c.values.clear();
    c.values.set(key, (v = compute()));
  }
  return v;
}

/** Entities whose logged changes an entity-count memo drops one by one at most; more (an import) and it starts over. */
const MAX_LOGGED = 2000;
const entityCounts = new WeakMap<Db, { seq: number; byEntity: Map<number, Map<number, number>> }>();
let entityCountRuns = 0;

/** How many times an entity's whole-story count was read from the database in this process (for tests and the bench). */
export function entityCountsRead(): number {
  return entityCountRuns;
}

/**
 * How many published events of a story link an entity, over all time, remembered until
 * `entity_log` logs a change to that entity's links (a link added or removed, a linked
 * event's status changed: all that this count depends on; db/entity-log.ts). So a write
 * elsewhere — an edit of another event, a feed item, an alias — leaves it standing, and the
 * first `/who` after it counts nothing again.
 */
function memoEntityCount(db: Db, storyId: number, entityId: number): number {
  const compute = (): number => {
    entityCountRuns++;
    return q(db).countAllOf.get({ story: storyId, entity: entityId })?.n ?? 0;
  };
  if (db.inTransaction) return compute();
  const seq = entityLogEnd(db);
  let memo = entityCounts.get(db);
  if (memo && memo.seq !== seq) {
    const changed = entitiesLoggedSince(db, memo.seq, seq);
    if (changed && changed.length <= MAX_LOGGED) {
      // A name or alias changes no count; links and statuses do (an entity's deletion deletes its links).
      for (const c of changed) if (c.links) memo.byEntity.delete(c.entityId);
      memo.seq = seq;
    } else memo = undefined;
  }
  if (!memo || memo.byEntity.size >= 4096) entityCounts.set(db, (memo = { seq, byEntity: new Map() }));
  let perStory = memo.byEntity.get(entityId);
  if (!perStory) memo.byEntity.set(entityId, (perStory = new Map()));
  let n = perStory.get(storyId);
  if (n === undefined) perStory.set(storyId, (n = compute()));
  return n;
}

/**
 * How many events of a story link an entity (with `from <= at <= to`). Over all time,
 * remembered until the entity changes (memoEntityCount); within dates, until the next write.
 */
export function countEntityEvents(db: Db, storyId: number, entityId: number, from = Number.MIN_SAFE_INTEGER, to = Number.MAX_SAFE_INTEGER): number {
  if (from === Number.MIN_SAFE_INTEGER && to === Number.MAX_SAFE_INTEGER) return memoEntityCount(db, storyId, entityId);
  return memoCount(db, `e ${entityId} ${storyId} ${from} ${to}`, () => q(db).countOf.get({ story: storyId, from, to, entity: entityId })?.n ?? 0);
}

/** How many published events a story has (with `from <= at <= to`); remembered until the next write. */
export function countStoryEvents(db: Db, storyId: number, from = Number.MIN_SAFE_INTEGER, to = Number.MAX_SAFE_INTEGER): number {
  return memoCount(db, `t ${storyId} ${from} ${to}`, () => q(db).count.get({ story: storyId, from, to })?.n ?? 0);
}

/**
 * One page of a story's timeline, oldest first, optionally only events linking `entityId`
 * and/or with `from <= at <= to`. `page` (0-based) is clamped into [0, pageCount - 1];
 * there is always at least one (possibly empty) page. Paging is OFFSET over the covering
 * index `events_published_by_time`, so only index entries are skipped; totals are counted once per
 * filter until the next write (memoCount). An entity filter walks the entity's links in time
 * order (`event_entities_by_entity_time`, migration 009): only the links before the page are skipped.
 */
export function timelinePage(db: Db, storyId: number, opts: { entityId?: number; from?: number; to?: number; page: number; pageSize: number }): TimelinePage {
  const s = q(db);
  const range: Range = { story: storyId, from: opts.from ?? Number.MIN_SAFE_INTEGER, to: opts.to ?? Number.MAX_SAFE_INTEGER };
  const size = clampInt(opts.pageSize, 1, MAX_LIST);
  const entity = opts.entityId;
  const storyTotal = (): number => memoCount(db, `t ${storyId} ${range.from} ${range.to}`, () => s.count.get(range)?.n ?? 0);
  const total = entity === undefined ? storyTotal() : countEntityEvents(db, storyId, entity, range.from, range.to);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = clampInt(opts.page, 0, pageCount - 1);
  const paged: Paged = { ...range, limit: size, offset: page * size };
  let rows: EventRow[] = [];
  if (total > 0 && entity === undefined) {
    // Pages past the middle are counted from the end, so the last page is as quick as the first.
    const fromEnd = total - paged.offset - size;
    rows =
      paged.offset <= fromEnd ? s.page.all(paged) : s.pageBack.all({ ...paged, limit: Math.min(size, total - paged.offset), offset: Math.max(0, fromEnd) });
  } else if (total > 0 && entity !== undefined) {
    rows = s.pageOf.all({ ...paged, entity });
  }
  return { events: summaries(db, rows), page, pageCount, total };
}

/**
 * Full-text search, newest first: up to `limit` hits, each with its summary and quote texts
 * for snippets. `total` counts at most SEARCH_TOTAL_CAP matches (`capped` when there are
 * more), so a very common word stays fast. Hostile input finds nothing rather than throwing.
 */
export function searchEvents(db: Db, storyId: number, query: string, limit = 10): { hits: SearchHit[]; total: number; capped: boolean } {
  const ids = searchEventIds(db, storyId, query, SEARCH_TOTAL_CAP + 1);
  const shown = ids.slice(0, clampInt(limit, 0, MAX_LIST));
  const rows = shown.length ? q(db).byIds.all(JSON.stringify(shown), storyId) : [];
  const quotes = rows.length ? quotesOf(db, shown) : new Map<number, Quote[]>();
  const hits = summaries(db, rows).map(
    (event, i): SearchHit => ({
      event,
      summary: summaryText(rows[i]!),
      quotes: (quotes.get(event.id) ?? []).map((qt) => qt.text),
    }),
  );
  return { hits, total: Math.min(ids.length, SEARCH_TOTAL_CAP), capped: ids.length > SEARCH_TOTAL_CAP };
}

/** Events whose `added_at` is in (since, until], in the order they happened (for recaps). */
export function eventsAddedBetween(db: Db, storyId: number, since: number, until: number): EventSummary[] {
  return summaries(db, q(db).addedBetween.all(storyId, since, until));
}
