/**
 * Reads for the story pages on the web (src/web): the sources and summaries of many events
 * at once, by event, and the few columns of every published event that the timeline picture needs.
 * Published only, as everywhere else (migration 005).
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { Localized, Source } from "./types.ts";

/** One published event as the timeline picture draws it. */
export interface EventMark {
  id: number;
  key: string;
  at: number;
  importance: number;
}

const q = prepared((db: Db) => ({
  sources: db.prepare<[string], Source & { event_id: number }>(
    "SELECT s.event_id, s.name, s.url FROM json_each(?) j JOIN sources s ON s.event_id = j.value ORDER BY j.key, s.position",
  ),
  summaries: db.prepare<[string], { id: number; summary_en: string | null; summary_zh: string | null }>(
    "SELECT ev.id, ev.summary_en, ev.summary_zh FROM json_each(?) j CROSS JOIN events ev ON ev.id = j.value WHERE ev.status = 'published'",
  ),
  // In time order along events_published_by_time.
  marks: db.prepare<[number], EventMark>(
    "SELECT ev.id, ev.key, ev.at, ev.importance FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at, ev.id",
  ),
}));

/** The sources of each of the given events, in source order; events without any are absent. */
export function sourcesByEvent(db: Db, eventIds: readonly number[]): Map<number, Source[]> {
  const out = new Map<number, Source[]>();
  if (!eventIds.length) return out;
  for (const r of q(db).sources.all(JSON.stringify(eventIds))) {
    const list = out.get(r.event_id) ?? [];
    list.push({ name: r.name, url: r.url });
    out.set(r.event_id, list);
  }
  return out;
}

/** Every published event of a story, oldest first, as the timeline picture needs it. */
export function eventMarks(db: Db, storyId: number): EventMark[] {
  return q(db).marks.all(storyId);
}

/** The summaries of the given (published) events, by event. */
export function summariesByEvent(db: Db, eventIds: readonly number[]): Map<number, Localized> {
  if (!eventIds.length) return new Map();
  return new Map(
    q(db)
      .summaries.all(JSON.stringify(eventIds))
      .map((r) => [r.id, { en: r.summary_en, zh: r.summary_zh }]),
  );
}
