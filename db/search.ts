import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";
import { matchTerms, segmentForIndex, titleWords, type PrefixQuery } from "./search-text.ts";

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
  // The words of one title, as a JSON array (see migration 006).
  addWords: db.prepare<[number, string]>(
    `INSERT INTO search_words (story_id, word, docs) SELECT ?, j.value, 1 FROM json_each(?) j WHERE true
     ON CONFLICT (story_id, word) DO UPDATE SET docs = docs + 1`,
  ),
  expand: db.prepare<[number, string, string, number], { word: string }>(
    "SELECT word FROM search_words WHERE story_id = ? AND word >= ? AND word < ? ORDER BY docs DESC, word LIMIT ?",
  ),
  pending: db.prepare<[number], { story_id: number }>("SELECT story_id FROM search_words_pending WHERE story_id = ?"),
  allPending: db.prepare<[], { story_id: number }>("SELECT story_id FROM search_words_pending ORDER BY story_id"),
  storyTitles: db.prepare<[number, number, number], { id: number; title_en: string | null; title_zh: string | null }>(
    "SELECT id, title_en, title_zh FROM events WHERE story_id = ? AND status = 'published' AND id > ? ORDER BY id LIMIT ?",
  ),
  donePending: db.prepare<[number]>("DELETE FROM search_words_pending WHERE story_id = ?"),
}));

/** How many title words a prefix stands for at most: the most common ones (each adds ~30 µs to the query). */
const EXPANSION = 8;

function addTitleWords(db: Db, storyId: number, title: { en: string | null; zh: string | null }): void {
  const words = titleWords([title.en, title.zh].filter(Boolean).join("\n"));
  if (words.length) q(db).addWords.run(storyId, JSON.stringify(words));
}

/**
 * (Re)writes an event's entry in the full-text index. Call inside the write's transaction.
 * Only published events are indexed: for a pending or rejected one this just removes any entry.
 */
export function indexEvent(db: Db, eventId: number): void {
  const s = q(db);
  unindexEvent(db, eventId);
  const row = s.texts.get(eventId);
  if (row?.status !== "published") return;
  s.setKey.run(eventId);
  const parts = [row.title_en, row.title_zh, row.summary_en, row.summary_zh];
  for (const qt of s.quoteTexts.all(eventId)) parts.push(qt.text_en, qt.text_zh);
  const body = segmentForIndex(parts.filter(Boolean).join("\n"));
  const key = s.keyOf.get(eventId)?.k;
  if (key !== undefined && key !== null) s.ftsInsert.run(key, `s${row.story_id}`, body);
  addTitleWords(db, row.story_id, { en: row.title_en, zh: row.title_zh });
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

/** Stories whose title words are known on this handle (the pending list only ever shrinks). */
const wordsReady = new WeakMap<Db, Set<number>>();

/**
 * Whether the story's title words are in search_words: stories indexed before migration 006
 * get theirs now, once. False when that cannot be written (a read-only or busy database).
 */
function titleWordsReady(db: Db, storyId: number): boolean {
  const ready = wordsReady.get(db) ?? new Set<number>();
  wordsReady.set(db, ready);
  if (ready.has(storyId)) return true;
  const s = q(db);
  try {
    if (s.pending.get(storyId)) {
      db.transaction(() => {
        for (let after = 0, rows = s.storyTitles.all(storyId, 0, 5000); rows.length; rows = s.storyTitles.all(storyId, after, 5000)) {
          for (const r of rows) addTitleWords(db, storyId, { en: r.title_en, zh: r.title_zh });
          after = rows.at(-1)!.id;
        }
        s.donePending.run(storyId);
      })();
    }
  } catch {
    return false;
  }
  ready.add(storyId);
  return true;
}

/**
 * Fills the title words of every story indexed before migration 006, so no command ever pays
 * for it: called at start, before the bot connects (seconds for a story of 100,000 events).
 */
export function fillPendingTitleWords(db: Db): number {
  const pending = q(db).allPending.all();
  for (const p of pending) titleWordsReady(db, p.story_id);
  return pending.length;
}

/** The most common title words of a story starting with `prefix` (folded), quoted as terms; null when they are not known. */
function expandPrefix(db: Db, storyId: number, prefix: string): string[] | null {
  if (!titleWordsReady(db, storyId)) return null;
  return q(db)
    .expand.all(storyId, prefix, `${prefix}\u{10FFFF}`, EXPANSION)
    .map((r) => `"${r.word.replace(/"/g, '""')}"`);
}

/**
 * Event ids matching what someone is typing into an event option, newest first: every
 * whole term, and a word with a title word that starts with the prefix — the prefix stands
 * for the story's most common such words (an FTS5 prefix query, `"emplo"*`, would merge
 * the postings of every matching term first). A single CJK character is a prefix of the
 * character pairs (`"董"*`) only when `charPrefix` (small stories: its cost grows with the
 * story); otherwise the character is matched where it ends a run of Chinese text.
 */
export function searchPrefixIds(db: Db, storyId: number, query: PrefixQuery, limit: number, charPrefix: boolean): number[] {
  const parts = [`story : "s${storyId}"`, ...query.terms.map((t) => `body : ${t}`)];
  const p = query.prefix;
  if (p?.kind === "char") parts.push(`body : "${p.text}"${charPrefix ? "*" : ""}`);
  if (p?.kind === "word") {
    const words = expandPrefix(db, storyId, p.text);
    if (words && !words.length) return [];
    parts.push(words ? `body : (${words.join(" OR ")})` : `body : "${p.text}"*`);
  }
  if (parts.length === 1) return [];
  try {
    return q(db)
      .search.all(parts.join(" AND "), limit, 0)
      .map((r) => r.id);
  } catch {
    return [];
  }
}
