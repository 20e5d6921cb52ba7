/**
 * Reading people and organisations: lookup by any name as someone types it, one entity,
 * its profile, the most mentioned.
 *
 * Lookup runs over a per-story in-memory NameIndex (db/fuzzy.ts) holding every normalised
 * name plus each entity's ref and mention count. It is cached per database handle and story
 * and kept up to date in place: triggers (migration 008) log every change to an entity, its
 * names or its links in `entity_log`, whoever writes — an import, an editor, a feed, another
 * process — and each lookup applies the rows logged since the last one: names re-read for
 * the entities whose names changed, mentions re-counted for those whose links did. A write
 * that touches no entity costs one `max(seq)`. Only a reader further behind than the log
 * keeps (or than MAX_APPLIED rows) rebuilds. No writer has to remember to invalidate;
 * `invalidateEntityCache` drops an index early. Mentions count published events only, as in
 * db/events.ts.
 */
import { entitiesLoggedSince, entityLogEnd } from "./entity-log.ts";
import { countEntityEvents, sourcesOfEvents, timelinePage } from "./events.ts";
import { NameIndex, type IndexedEntity } from "./fuzzy.ts";
import type { Db } from "./index.ts";
import { normalizeName, searchable } from "./names.ts";
import { prepared } from "./prepared.ts";
import type { Entity, EntityKind, EntityMatch, EntityMention, EntityProfile, Precision, Source } from "./types.ts";

interface EntityRow {
  id: number;
  story_id: number;
  key: string;
  kind: EntityKind;
  name_en: string | null;
  name_zh: string | null;
  role_en: string | null;
  role_zh: string | null;
  aliases: string;
}
interface QuoteRow {
  text_en: string | null;
  text_zh: string | null;
  id: number;
  key: string;
  at: number;
  precision: Precision;
  title_en: string | null;
  title_zh: string | null;
}

const COLS = "e.id, e.story_id, e.key, e.kind, e.name_en, e.name_zh, e.role_en, e.role_zh, e.aliases";
/**
 * How many published events link entity `e` (a fixed fragment, never user text). Counted
 * from the links alone, without visiting each event (1M links: ~30 ms, not ~2 s); the
 * published filter is an anti-join against the unpublished events, which are few and have
 * their own partial index (migration 005).
 */
const MENTIONS = `(SELECT count(*) FROM event_entities ee WHERE ee.entity_id = e.id
    AND ee.event_id NOT IN (SELECT ev.id FROM events ev WHERE ev.status <> 'published'))`;

const q = prepared((db: Db) => ({
  refs: db.prepare<[number], RefRow>(`SELECT e.id, e.key, e.kind, e.name_en, e.name_zh, ${MENTIONS} AS mentions FROM entities e WHERE e.story_id = ?`),
  names: db.prepare<[number], { entityId: number; name: string }>(
    "SELECT en.entity_id AS entityId, en.name FROM entities e JOIN entity_names en ON en.entity_id = e.id WHERE e.story_id = ?",
  ),
  one: db.prepare<[number, number], RefRow>(
    `SELECT e.id, e.key, e.kind, e.name_en, e.name_zh, ${MENTIONS} AS mentions FROM entities e WHERE e.id = ? AND e.story_id = ?`,
  ),
  // One entity without its mention count, for a name change that leaves the count as it was.
  oneRef: db.prepare<[number, number], RefRow>(
    "SELECT e.id, e.key, e.kind, e.name_en, e.name_zh, 0 AS mentions FROM entities e WHERE e.id = ? AND e.story_id = ?",
  ),
  namesOf: db.prepare<[number], { name: string }>("SELECT name FROM entity_names WHERE entity_id = ?"),
  mentions: db.prepare<[number], { n: number }>(`SELECT ${MENTIONS} AS n FROM entities e WHERE e.id = ?`),
  byId: db.prepare<[number, number], EntityRow>(`SELECT ${COLS} FROM entities e WHERE e.id = ? AND e.story_id = ?`),
  byKey: db.prepare<[string, number], EntityRow>(`SELECT ${COLS} FROM entities e WHERE e.key = ? AND e.story_id = ?`),
  // Off the entity's quotes in time order (quotes_by_entity_time, migration 009): only the
  // first few quotes' events are visited, however often someone is quoted.
  quotes: db.prepare<[number, number, number], QuoteRow>(
    `SELECT qt.text_en, qt.text_zh, ev.id, ev.key, ev.at, ev.precision, ev.title_en, ev.title_zh
     FROM quotes qt INDEXED BY quotes_by_entity_time CROSS JOIN events ev ON ev.id = qt.event_id
     WHERE qt.entity_id = ? AND ev.story_id = ? AND ev.status = 'published'
     ORDER BY qt.at, qt.event_id, qt.position LIMIT ?`,
  ),
}));

/** At most this many stories' name indexes are kept per handle; the least recently built goes first. */
const MAX_CACHED_STORIES = 16;
/** Quotes a profile lists at most (oldest first). */
export const PROFILE_QUOTE_LIMIT = 25;
const MAX_TYPED = 100;

/**
 * Logged entities a lookup applies in place at most; more (an import) and it rebuilds, which
 * is then quicker than re-reading each entity.
 */
const MAX_APPLIED = 2000;

const caches = new WeakMap<Db, Map<number, { seq: number; index: NameIndex }>>();
let rebuilds = 0;

/** Drops the cached name index of one story (or of every story when `storyId` is omitted). */
export function invalidateEntityCache(db: Db, storyId?: number): void {
  if (storyId === undefined) caches.delete(db);
  else caches.get(db)?.delete(storyId);
}

/** How many name indexes were built from scratch in this process (for tests and the bench). */
export function nameIndexRebuilds(): number {
  return rebuilds;
}

type RefRow = { id: number; key: string; kind: EntityKind; name_en: string | null; name_zh: string | null; mentions: number };

function indexed(r: RefRow): IndexedEntity {
  return {
    ref: { id: r.id, key: r.key, kind: r.kind, name: { en: r.name_en, zh: r.name_zh } },
    mentions: r.mentions,
    sortName: normalizeName(r.name_en ?? r.name_zh ?? r.key),
  };
}

/** Applies the log rows after `from` up to `to` to `index`; false when there are too many. */
function applyLog(db: Db, storyId: number, index: NameIndex, from: number, to: number): boolean {
  const s = q(db);
  const changed = entitiesLoggedSince(db, from, to);
  if (!changed || changed.length > MAX_APPLIED) return false;
  for (const { entityId, names, links } of changed) {
    if (!names) {
      if (index.has(entityId)) index.setMentions(entityId, s.mentions.get(entityId)?.n ?? 0);
      continue;
    }
    // Only names changed: the mention count the index holds still stands (counting a much-mentioned person takes ms).
    const kept = links ? null : index.mentionsOf(entityId);
    const row = kept === null ? s.one.get(entityId, storyId) : s.oneRef.get(entityId, storyId);
    if (!row) index.remove(entityId);
    else
      index.put(
        indexed(kept === null ? row : { ...row, mentions: kept }),
        s.namesOf.all(entityId).map((n) => n.name),
      );
  }
  return true;
}

function nameIndex(db: Db, storyId: number): NameIndex {
  const s = q(db);
  // Inside a transaction what is read may yet roll back: use the index, never cache one.
  const cacheable = !db.inTransaction;
  const seq = entityLogEnd(db);
  let perStory = caches.get(db);
  if (!perStory) caches.set(db, (perStory = new Map()));
  const hit = perStory.get(storyId);
  if (hit) {
    // Nothing logged since: right inside a transaction too.
    if (hit.seq === seq) return hit.index;
  }
  if (hit && cacheable) {
    if (hit.seq < seq && applyLog(db, storyId, hit.index, hit.seq, seq)) {
      hit.seq = seq;
      return hit.index;
    }
  }
  rebuilds++;
  const index = new NameIndex(s.refs.all(storyId).map(indexed), s.names.all(storyId));
  if (!cacheable) return index;
  perStory.delete(storyId);
  perStory.set(storyId, { seq, index });
  if (perStory.size > MAX_CACHED_STORIES) perStory.delete(perStory.keys().next().value!);
  return index;
}

/**
 * People and organisations of a story answering to what someone typed: any name or alias,
 * English or Chinese, case- and accent-insensitive. Ranked exact > prefix > substring >
 * fuzzy (close spelling, also against each word of a multi-word name), one result per
 * entity at its best rank, more mentions first within a rank, then name. Lower ranks are
 * searched only while fewer than `limit` were found; fuzzy only when nothing else matched.
 * Blank input gives the most mentioned, with rank "exact"; input with no letter or digit
 * ("🦄", "(", "%") gives none — it names nobody, rather than everybody.
 */
export function findEntities(db: Db, storyId: number, typed: string, limit = 25): EntityMatch[] {
  const n = Math.max(0, Math.min(100, Math.trunc(limit) || 0));
  const text = normalizeName(typed.slice(0, MAX_TYPED));
  if (!searchable(text)) return typed.trim() ? [] : nameIndex(db, storyId).top(n);
  return nameIndex(db, storyId).find(text, n);
}

/** The most mentioned entities of a story (published events only), then by name. */
export function topEntities(db: Db, storyId: number, limit: number): EntityMention[] {
  return nameIndex(db, storyId)
    .top(Math.max(0, Math.trunc(limit) || 0))
    .map((m) => ({ entity: m.entity, mentions: m.mentions }));
}

function parseAliases(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

function toEntity(db: Db, r: EntityRow | undefined): Entity | null {
  if (!r) return null;
  return {
    id: r.id,
    storyId: r.story_id,
    key: r.key,
    kind: r.kind,
    name: { en: r.name_en, zh: r.name_zh },
    role: { en: r.role_en, zh: r.role_zh },
    aliases: parseAliases(r.aliases),
    mentions: countEntityEvents(db, r.story_id, r.id),
  };
}

/** One entity of a story, with its aliases and mention count; null if not in that story. */
export function getEntity(db: Db, storyId: number, entityId: number): Entity | null {
  return toEntity(db, q(db).byId.get(entityId, storyId));
}

/** One entity of a story by its key (the id in the story file); null if there is none. */
export function getEntityByKey(db: Db, storyId: number, key: string): Entity | null {
  return toEntity(db, q(db).byKey.get(key, storyId));
}

/**
 * Everything `/who` shows: the entity, the first `eventLimit` events they appear in (oldest
 * first) and how many in all, their quotes (oldest first, at most PROFILE_QUOTE_LIMIT) with
 * the event each belongs to, and the distinct sources of the listed events (same url, or
 * same name when there is no url, counts once).
 */
export function getEntityProfile(db: Db, storyId: number, entityId: number, eventLimit: number): EntityProfile | null {
  const entity = getEntity(db, storyId, entityId);
  if (!entity) return null;
  const page = timelinePage(db, storyId, { entityId, page: 0, pageSize: Math.max(1, eventLimit) });
  const events = eventLimit > 0 ? page.events : [];
  const quotes = q(db)
    .quotes.all(entityId, storyId, PROFILE_QUOTE_LIMIT)
    .map((r) => ({
      text: { en: r.text_en, zh: r.text_zh },
      event: { id: r.id, key: r.key, at: r.at, precision: r.precision, title: { en: r.title_en, zh: r.title_zh } },
    }));
  const seen = new Set<string>();
  const sources: Source[] = [];
  for (const src of sourcesOfEvents(
    db,
    events.map((e) => e.id),
  )) {
    const key = src.url ? `u ${src.url}` : `n ${src.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push(src);
  }
  return { entity, events, totalEvents: page.total, quotes, sources };
}
