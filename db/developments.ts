/**
 * What an editor does with a development (a pending event feeds made from one or more
 * reports) besides approving or rejecting it: merge it into an existing event (its reports
 * become sources of that event) or split one report out into a development of its own.
 * Both act only on pending events of the story: a stale or forged click changes nothing.
 */
import { addEventSource } from "./event-sources.ts";
import { createFeedEvent, setFeedItemEvent } from "./feed-items.ts";
import type { Db } from "./index.ts";
import { newsItemsOfEvent, type NewsItemRow } from "./news-items.ts";
import { prepared } from "./prepared.ts";
import type { Localized } from "./types.ts";

/** An existing event a development might be merged into. */
export interface MergeCandidate {
  id: number;
  key: string;
  at: number;
  title: Localized;
}

const q = prepared((db: Db) => ({
  pending: db.prepare<[number, number], { id: number; key: string; at: number }>(
    "SELECT id, key, at FROM events WHERE id = ? AND story_id = ? AND status = 'pending'",
  ),
  published: db.prepare<[number, number], { id: number; key: string; title_en: string | null; title_zh: string | null }>(
    "SELECT id, key, title_en, title_zh FROM events WHERE id = ? AND story_id = ? AND status = 'published'",
  ),
  // Most people shared first, then nearest in time.
  candidates: db.prepare<
    { story: number; event: number; at: number; limit: number },
    { id: number; key: string; at: number; title_en: string | null; title_zh: string | null }
  >(
    `SELECT ev.id, ev.key, ev.at, ev.title_en, ev.title_zh FROM events ev
     WHERE ev.story_id = :story AND ev.status = 'published'
     ORDER BY (SELECT count(*) FROM event_entities a JOIN event_entities b ON b.entity_id = a.entity_id AND b.event_id = :event
               WHERE a.event_id = ev.id) DESC, abs(ev.at - :at), ev.id LIMIT :limit`,
  ),
  moveItem: db.prepare<{ event: number; into: number; key: string; reason: string }>(
    `UPDATE news_items SET fate = 'attached', group_id = :key, event_key = :key, event_id = :into, reason = :reason
     WHERE event_id = :event`,
  ),
  moveFeedItems: db.prepare<[number, number]>("UPDATE feed_items SET event_id = ? WHERE event_id = ?"),
  moveLinks: db.prepare<[number, number]>("UPDATE feed_links SET event_id = ? WHERE event_id = ?"),
  touch: db.prepare<[number, number]>("UPDATE events SET updated_at = ? WHERE id = ?"),
  drop: db.prepare<[number]>("DELETE FROM events WHERE id = ? AND status = 'pending'"),
  dropSource: db.prepare<{ event: number; url: string | null; name: string; at: number }>(
    `DELETE FROM sources WHERE id = (SELECT id FROM sources WHERE event_id = :event AND name = :name
       AND (url = :url OR (url IS NULL AND :url IS NULL)) AND (published_at = :at OR published_at IS NULL) ORDER BY position LIMIT 1)`,
  ),
  regroup: db.prepare<{ event: number; group: string }>("UPDATE news_items SET group_id = :group WHERE event_id = :event"),
  splitItem: db.prepare<{ id: number; event: number; reason: string }>(
    "UPDATE news_items SET group_id = 'g:' || id, event_id = :event, event_key = NULL, reason = :reason WHERE id = :id",
  ),
  texts: db.prepare<{ id: number; at: number; te: string | null; tz: string | null; se: string | null; sz: string | null; now: number }>(
    "UPDATE events SET at = :at, title_en = :te, title_zh = :tz, summary_en = :se, summary_zh = :sz, updated_at = :now WHERE id = :id",
  ),
  current: db.prepare<[number], { title_en: string | null; title_zh: string | null; summary_en: string | null; summary_zh: string | null }>(
    "SELECT title_en, title_zh, summary_en, summary_zh FROM events WHERE id = ?",
  ),
}));

/** The likeliest existing events for a development to be merged into. */
export function mergeCandidates(db: Db, storyId: number, eventId: number, limit = 25): MergeCandidate[] {
  const dev = q(db).pending.get(eventId, storyId);
  if (!dev) return [];
  return q(db)
    .candidates.all({ story: storyId, event: eventId, at: dev.at, limit })
    .map((r) => ({ id: r.id, key: r.key, at: r.at, title: { en: r.title_en, zh: r.title_zh } }));
}

/** A published event of the story by id; null otherwise. */
export function publishedEventOf(db: Db, storyId: number, eventId: number): { id: number; key: string; title: Localized } | null {
  const r = q(db).published.get(eventId, storyId);
  return r ? { id: r.id, key: r.key, title: { en: r.title_en, zh: r.title_zh } } : null;
}

/**
 * Merges a development into a published event: every report becomes a source of it, the
 * items say "attached", and the development is gone. False (nothing written) when the
 * development is not pending or the event not published, in that story.
 */
export function mergeDevelopment(db: Db, input: { storyId: number; eventId: number; intoId: number; now: number }): boolean {
  const s = q(db);
  return db.transaction(() => {
    const into = s.published.get(input.intoId, input.storyId);
    if (!into || !s.pending.get(input.eventId, input.storyId)) return false;
    for (const r of newsItemsOfEvent(db, input.eventId)) {
      addEventSource(db, { eventId: into.id, name: r.outlet, url: r.url, language: r.language, publishedAt: r.publishedAt });
    }
    s.moveItem.run({ event: input.eventId, into: into.id, key: into.key, reason: `merged into ${into.key} by an editor` });
    s.moveFeedItems.run(into.id, input.eventId);
    s.moveLinks.run(into.id, input.eventId);
    s.touch.run(input.now, into.id);
    return s.drop.run(input.eventId).changes > 0;
  })();
}

/** The texts a development keeps once `gone` is taken out: its own unless they were the report's. */
function keptTexts(db: Db, eventId: number, gone: NewsItemRow, rest: readonly NewsItemRow[]): { title: Localized; summary: Localized } {
  const cur = q(db).current.get(eventId)!;
  const first = (lang: "en" | "zh", pickText: (r: NewsItemRow) => string): string | null => {
    const r = rest.find((x) => x.language === lang && pickText(x));
    return r ? pickText(r) : null;
  };
  const keep = (value: string | null, lang: "en" | "zh", pickText: (r: NewsItemRow) => string): string | null =>
    value !== null && !(gone.language === lang && value === pickText(gone)) ? value : first(lang, pickText);
  return {
    title: { en: keep(cur.title_en, "en", (r) => r.title), zh: keep(cur.title_zh, "zh", (r) => r.title) },
    summary: { en: keep(cur.summary_en, "en", (r) => r.summary), zh: keep(cur.summary_zh, "zh", (r) => r.summary) },
  };
}

/**
 * Takes one report out of a development into a new development of its own. Returns the new
 * pending event's id; null (nothing written) when the development is not pending, the
 * report is not one of its reports, or it is its only report.
 */
export function splitDevelopment(db: Db, input: { storyId: number; eventId: number; itemId: number; now: number }): number | null {
  const s = q(db);
  return db.transaction(() => {
    if (!s.pending.get(input.eventId, input.storyId)) return null;
    const items = newsItemsOfEvent(db, input.eventId);
    const gone = items.find((r) => r.id === input.itemId);
    const rest = items.filter((r) => r.id !== input.itemId);
    if (!gone || rest.length === 0) return null;
    const texts = keptTexts(db, input.eventId, gone, rest);
    const made = createFeedEvent(
      db,
      {
        storyId: input.storyId,
        at: gone.publishedAt,
        title: gone.language === "zh" ? { en: null, zh: gone.title } : { en: gone.title, zh: null },
        summary: gone.language === "zh" ? { en: null, zh: gone.summary || null } : { en: gone.summary || null, zh: null },
        entityIds: gone.entityIds,
        status: "pending",
      },
      input.now,
    );
    if (!made) return null;
    s.dropSource.run({ event: input.eventId, url: gone.url, name: gone.outlet, at: gone.publishedAt });
    addEventSource(db, { eventId: made.id, name: gone.outlet, url: gone.url, language: gone.language, publishedAt: gone.publishedAt });
    s.splitItem.run({ id: gone.id, event: made.id, reason: "split out by an editor" });
    // The rest stay one development, named after its first remaining report.
    s.regroup.run({ event: input.eventId, group: `g:${Math.min(...rest.map((r) => r.id))}` });
    setFeedItemEvent(db, gone.feedId, gone.itemKey, made.id);
    const at = Math.min(...rest.map((r) => r.publishedAt));
    s.texts.run({ id: input.eventId, at, te: texts.title.en, tz: texts.title.zh, se: texts.summary.en, sz: texts.summary.zh, now: input.now });
    return made.id;
  })();
}
