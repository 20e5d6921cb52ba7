/**
 * A story as it stands, for `/story export`: its people and every published event (from the
 * file, editors or feeds) with links, quotes and sources, in timeline order. Read in one
 * transaction, so the export is one moment's story.
 */
import type { EventRow as BaseRow } from "./events.ts";
import type { Verification } from "./event-sources.ts";
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import type { EntityKind, Localized, Precision, Source } from "./types.ts";

export interface ExportEntity {
  key: string;
  kind: EntityKind;
  name: Localized;
  role: Localized;
  aliases: string[];
}

export interface ExportEvent {
  key: string;
  at: number;
  precision: Precision;
  title: Localized;
  summary: Localized;
  importance: number;
  entityKeys: string[];
  /** Quotes with who said them; an unattributed one (its speaker removed) has `byKey` null. */
  quotes: { byKey: string | null; text: Localized }[];
  sources: Source[];
  /** The status an editor (or its story file) set, with its note; null: its sources decide. */
  verification: Verification | null;
  verificationNote: string | null;
}

export interface StoryExport {
  slug: string;
  title: Localized;
  summary: Localized;
  language: string;
  entities: ExportEntity[];
  events: ExportEvent[];
}

/** An event's own columns, and what an editor said of it. */
type EventRow = Pick<BaseRow, "id" | "key" | "at" | "precision" | "title_en" | "title_zh" | "summary_en" | "summary_zh" | "importance"> & {
  verification: Verification | null;
  verification_note: string | null;
};

const PUBLISHED = "SELECT id FROM events WHERE story_id = ? AND status = 'published'";

const q = prepared((db: Db) => ({
  story: db.prepare<
    [number],
    { slug: string; title_en: string | null; title_zh: string | null; summary_en: string | null; summary_zh: string | null; language: string }
  >("SELECT slug, title_en, title_zh, summary_en, summary_zh, language FROM stories WHERE id = ?"),
  entities: db.prepare<
    [number],
    { key: string; kind: EntityKind; name_en: string | null; name_zh: string | null; role_en: string | null; role_zh: string | null; aliases: string }
  >("SELECT key, kind, name_en, name_zh, role_en, role_zh, aliases FROM entities WHERE story_id = ? ORDER BY id"),
  events: db.prepare<[number], EventRow>(
    `SELECT id, key, at, precision, title_en, title_zh, summary_en, summary_zh, importance, verification, verification_note FROM events
     WHERE story_id = ? AND status = 'published' ORDER BY at, id`,
  ),
  links: db.prepare<[number], { event_id: number; key: string }>(
    `SELECT ee.event_id, e.key FROM event_entities ee JOIN entities e ON e.id = ee.entity_id
     WHERE ee.event_id IN (${PUBLISHED}) ORDER BY ee.event_id, ee.position`,
  ),
  quotes: db.prepare<[number], { event_id: number; key: string | null; text_en: string | null; text_zh: string | null }>(
    `SELECT qt.event_id, e.key, qt.text_en, qt.text_zh FROM quotes qt LEFT JOIN entities e ON e.id = qt.entity_id
     WHERE qt.event_id IN (${PUBLISHED}) ORDER BY qt.event_id, qt.position, qt.id`,
  ),
  sources: db.prepare<[number], { event_id: number; name: string; url: string | null }>(
    `SELECT event_id, name, url FROM sources WHERE event_id IN (${PUBLISHED}) ORDER BY event_id, position, id`,
  ),
}));

function aliasesOf(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

function byEvent<T extends { event_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.event_id);
    if (list) list.push(r);
    else out.set(r.event_id, [r]);
  }
  return out;
}

/** The story as it stands; null when there is no story with that id. */
export function exportStory(db: Db, storyId: number): StoryExport | null {
  return db.transaction((): StoryExport | null => {
    const s = q(db);
    const story = s.story.get(storyId);
    if (!story) return null;
    const links = byEvent(s.links.all(storyId));
    const quotes = byEvent(s.quotes.all(storyId));
    const sources = byEvent(s.sources.all(storyId));
    return {
      slug: story.slug,
      title: { en: story.title_en, zh: story.title_zh },
      summary: { en: story.summary_en, zh: story.summary_zh },
      language: story.language,
      entities: s.entities.all(storyId).map((e) => ({
        key: e.key,
        kind: e.kind,
        name: { en: e.name_en, zh: e.name_zh },
        role: { en: e.role_en, zh: e.role_zh },
        aliases: aliasesOf(e.aliases),
      })),
      events: s.events.all(storyId).map((ev) => ({
        key: ev.key,
        at: ev.at,
        precision: ev.precision,
        title: { en: ev.title_en, zh: ev.title_zh },
        summary: { en: ev.summary_en, zh: ev.summary_zh },
        importance: ev.importance,
        entityKeys: (links.get(ev.id) ?? []).map((l) => l.key),
        quotes: (quotes.get(ev.id) ?? []).map((qt) => ({ byKey: qt.key, text: { en: qt.text_en, zh: qt.text_zh } })),
        sources: (sources.get(ev.id) ?? []).map((src) => ({ name: src.name, url: src.url })),
        verification: ev.verification,
        verificationNote: ev.verification ? ev.verification_note : null,
      })),
    };
  })();
}
