/**
 * What the newsroom engine is built from: a story's people and organisations with every
 * name they answer to, its published events with their people, and a stamp that changes
 * whenever an event or entity is added, changed, published or removed.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { Localized } from "./types.ts";

export interface EngineEntity {
  id: number;
  name: Localized;
  aliases: string[];
}

export interface EngineEvent {
  id: number;
  key: string;
  at: number;
  title: Localized;
  summary: Localized;
  entityIds: number[];
}

const q = prepared((db: Db) => ({
  entities: db.prepare<[number], { id: number; name_en: string | null; name_zh: string | null; names: string | null }>(
    `SELECT e.id, e.name_en, e.name_zh, (SELECT json_group_array(en.name) FROM entity_names en WHERE en.entity_id = e.id) AS names
     FROM entities e WHERE e.story_id = ? ORDER BY e.id`,
  ),
  events: db.prepare<
    [number],
    { id: number; key: string; at: number; title_en: string | null; title_zh: string | null; summary_en: string | null; summary_zh: string | null; ids: string }
  >(
    `SELECT ev.id, ev.key, ev.at, ev.title_en, ev.title_zh, ev.summary_en, ev.summary_zh,
       (SELECT json_group_array(ee.entity_id) FROM event_entities ee WHERE ee.event_id = ev.id) AS ids
     FROM events ev WHERE ev.story_id = ? AND ev.status = 'published' ORDER BY ev.at, ev.id`,
  ),
  stamp: db.prepare<{ story: number }, { stamp: string }>(
    `SELECT (SELECT count(*) || ':' || coalesce(sum(id), 0) || ':' || coalesce(max(updated_at), 0) FROM events WHERE story_id = :story)
       || '/' || (SELECT count(*) || ':' || coalesce(sum(id), 0) FROM entities WHERE story_id = :story) AS stamp`,
  ),
  eventByKey: db.prepare<[number, string], { id: number; status: string }>("SELECT id, status FROM events WHERE story_id = ? AND key = ?"),
  eventById: db.prepare<[number], { key: string; status: string }>("SELECT key, status FROM events WHERE id = ?"),
}));

const jsonList = (s: string | null): unknown[] => {
  const v: unknown = JSON.parse(s ?? "[]");
  return Array.isArray(v) ? v : [];
};

export function engineEntities(db: Db, storyId: number): EngineEntity[] {
  return q(db)
    .entities.all(storyId)
    .map((r) => ({ id: r.id, name: { en: r.name_en, zh: r.name_zh }, aliases: jsonList(r.names).filter((n): n is string => typeof n === "string") }));
}

export function engineEvents(db: Db, storyId: number): EngineEvent[] {
  return q(db)
    .events.all(storyId)
    .map((r) => ({
      id: r.id,
      key: r.key,
      at: r.at,
      title: { en: r.title_en, zh: r.title_zh },
      summary: { en: r.summary_en, zh: r.summary_zh },
      entityIds: jsonList(r.ids).filter((n): n is number => typeof n === "number"),
    }));
}

/** Changes whenever what the engine was built from changes. */
export function storyStamp(db: Db, storyId: number): string {
  return q(db).stamp.get({ story: storyId })?.stamp ?? "";
}

export function eventIdByKey(db: Db, storyId: number, key: string): { id: number; status: string } | null {
  return q(db).eventByKey.get(storyId, key) ?? null;
}

export function eventKeyById(db: Db, id: number): { key: string; status: string } | null {
  return q(db).eventById.get(id) ?? null;
}
