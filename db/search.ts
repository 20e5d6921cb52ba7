import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import { matchTerms, segmentForIndex } from "./search-text.ts";

const q = prepared((db: Db) => ({
  texts: db.prepare<
    [number],
    {
      title_en: string | null;
      title_zh: string | null;
      summary_en: string | null;
      summary_zh: string | null;
      story_id: number;
      search_key: number | null;
      status: string;
    }
  >("SELECT title_en, title_zh, summary_en, summary_zh, story_id, search_key, status FROM events WHERE id = ?"),
  quoteTexts: db.prepare<[number], { text_en: string | null; text_zh: string | null }>(
    "SELECT text_en, text_zh FROM quotes WHERE event_id = ? ORDER BY position",
  ),
  // Minutes clamped to 32 bits: an event dated past the year 6000 would overflow the 64-bit rowid.
  setKey: db.prepare<[number]>("UPDATE events SET search_key = max(-2147483648, min(2147483647, at / 60000)) * 4294967296 + id WHERE id = ?"),
  keyOf: db.prepare<[number], { k: bigint | null }>("SELECT search_key AS k FROM events WHERE id = ?").safeIntegers(true),
  ftsDelete: db.prepare("DELETE FROM event_fts WHERE rowid = ?"),
  ftsInsert: db.prepare("INSERT INTO event_fts (rowid, story, body) VALUES (?, ?, ?)"),
  search: db.prepare<[string, number, number], { id: number }>(
    "SELECT rowid & 4294967295 AS id FROM event_fts WHERE event_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?",
  ),
}));

/**
 * (Re)writes an event's entry in the full-text index. Call inside the write's transaction.
 * Only published events are indexed: for a pending or rejected one this just removes any entry.
 */
export function indexEvent(db: Db, eventId: number): void {
  const s = q(db);
  unindexEvent(db, eventId);
  const row = s.texts.get(eventId);
  if (!row || row.status !== "published") return;
  s.setKey.run(eventId);
  const parts = [row.title_en, row.title_zh, row.summary_en, row.summary_zh];
  for (const qt of s.quoteTexts.all(eventId)) parts.push(qt.text_en, qt.text_zh);
  const body = segmentForIndex(parts.filter(Boolean).join("\n"));
  const key = s.keyOf.get(eventId)?.k;
  if (key !== undefined && key !== null) s.ftsInsert.run(key, `s${row.story_id}`, body);
}

/** Removes an event from the full-text index (before the event row itself goes). */
export function unindexEvent(db: Db, eventId: number): void {
  const s = q(db);
  const key = s.keyOf.get(eventId)?.k;
  if (key !== undefined && key !== null) s.ftsDelete.run(key);
}

function expression(storyId: number, query: string): string | null {
  const terms = matchTerms(query);
  if (!terms.length) return null;
  return [`story : "s${storyId}"`, ...terms.map((t) => `body : ${t}`)].join(" AND ");
}

/**
 * Event ids whose title, summary or quotes match `query`, newest first. Never throws on
 * user input: anything unsearchable simply finds nothing.
 */
export function searchEventIds(db: Db, storyId: number, query: string, limit = 10, offset = 0): number[] {
  const expr = expression(storyId, query);
  if (!expr) return [];
  try {
    return q(db)
      .search.all(expr, limit, offset)
      .map((r) => r.id);
  } catch {
    return [];
  }
}
