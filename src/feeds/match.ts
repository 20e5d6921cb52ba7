/**
 * Does a feed item belong to the story? It does when its title or summary names one of the
 * story's entities (any name or alias, either language) or one of the feed's keywords.
 * Both sides are normalised as names are for lookup (db/names.ts: lower case, no accents,
 * punctuation as spaces). Latin-script names match whole words only ("altman" is not in
 * "Altmanesque", "openai" is in "OpenAI's"); a name with Chinese characters matches
 * anywhere, since Chinese has no spaces between words.
 */
import { normalizeName } from "../../db/names.ts";
import { hasHan } from "../../db/text.ts";

/** One name an entity answers to, normalised. */
export interface EntityName {
  entityId: number;
  name: string;
}

/** What an item matched: entities in the order they first appear, and keywords. */
export interface ItemMatch {
  entityIds: number[];
  keywords: string[];
}

/** Latin entity names shorter than this are too ambiguous to match on ("ms", "ai"). */
export const MIN_LATIN_NAME = 3;
/** Entity names with Chinese characters shorter than this match too much by containment. */
export const MIN_HAN_NAME = 2;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** A word character that separates nothing: a letter or digit not in Chinese script. */
function isWordChar(ch: string | undefined): boolean {
  return !!ch && WORD_CHAR.test(ch) && !hasHan(ch);
}

/** The code point just before index `i` (a surrogate pair read whole); undefined at the start. */
function charBefore(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const start = i >= 2 && /[\uDC00-\uDFFF]/.test(text[i - 1] ?? "") ? i - 2 : i - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}

function charAt(text: string, i: number): string | undefined {
  return i < text.length ? String.fromCodePoint(text.codePointAt(i)!) : undefined;
}

/** Where `needle` first occurs in `text` under the rules above; -1 if nowhere. */
export function findName(text: string, needle: string): number {
  if (!needle) return -1;
  const whole = !hasHan(needle);
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!whole || (!isWordChar(charBefore(text, i)) && !isWordChar(charAt(text, i + needle.length)))) return i;
  }
  return -1;
}

/** Whether an entity name is specific enough to match on. */
function usable(name: string): boolean {
  return hasHan(name) ? [...name].length >= MIN_HAN_NAME : name.length >= MIN_LATIN_NAME;
}

/**
 * A matcher for one story and feed: call it with an item's texts; null when nothing
 * matched. Names and keywords are normalised once here.
 */
export function buildMatcher(names: readonly EntityName[], keywords: readonly string[]): (...texts: string[]) => ItemMatch | null {
  const entityNames = names.map((n) => ({ entityId: n.entityId, name: normalizeName(n.name) })).filter((n) => n.name && usable(n.name));
  const words = [...new Set(keywords.map(normalizeName).filter(Boolean))];
  return (...texts) => {
    const text = normalizeName(texts.join(" \n "));
    if (!text) return null;
    const first = new Map<number, number>();
    for (const n of entityNames) {
      const at = findName(text, n.name);
      if (at >= 0 && at < (first.get(n.entityId) ?? Infinity)) first.set(n.entityId, at);
    }
    const hitWords = words.filter((w) => findName(text, w) >= 0);
    if (first.size === 0 && hitWords.length === 0) return null;
    const entityIds = [...first.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
    return { entityIds, keywords: hitWords };
  };
}
