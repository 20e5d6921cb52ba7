import type { Lang, Localized, SearchHit } from "../../db/types.ts";
import { queryTerms } from "../../db/search-text.ts";
import { CJK_CHAR } from "../../db/text.ts";
import { otherLang } from "../i18n/index.ts";
import { md } from "../i18n/index.ts";
import { oneLine } from "./format.ts";
import { takeGraphemes, takeLastGraphemes, truncate } from "./limits.ts";

/** About how long a search snippet is, not counting the bold markers. */
export const SNIPPET_LENGTH = 120;

interface Found {
  text: string;
  index: number;
  length: number;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Case-insensitive patterns for the terms. A Latin term must start a word ("a" is not the
 * A in "OpenAI"), and with `whole` also end one; CJK terms match anywhere (no spaces).
 */
function patterns(terms: readonly string[], whole: boolean): RegExp[] {
  return terms.map((term) => {
    if (CJK_CHAR.test(term)) return new RegExp(escapeRegExp(term), "iu");
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}${whole ? "(?![\\p{L}\\p{N}])" : ""}`, "iu");
  });
}

/** The earliest place any pattern occurs in `text`. */
function find(text: string, pats: readonly RegExp[]): Found | null {
  let best: Found | null = null;
  for (const re of pats) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.index)) best = { text, index: m.index, length: m[0].length };
  }
  return best;
}

/** How much of each text, and how many quotes, a snippet is looked for in. */
const SCAN_CHARS = 5000;
const SCAN_QUOTES = 50;

/**
 * Texts a snippet may come from, in order: summary, quotes, title; the reader's language
 * first. Lazy, so the search stops at the first text that matches.
 */
function* candidates(hit: SearchHit, lang: Lang): Generator<string> {
  const texts: Localized[] = [hit.summary, ...hit.quotes.slice(0, SCAN_QUOTES), hit.event.title];
  for (const l of [lang, otherLang(lang)]) {
    for (const x of texts) {
      const text = x[l]?.trim();
      if (text) yield oneLine(takeGraphemes(text, SCAN_CHARS));
    }
  }
}

/** Two-character pieces of the CJK terms: the search matched those even where the whole run is not. */
function cjkPairs(terms: readonly string[]): string[] {
  const out: string[] = [];
  for (const term of terms.filter((x) => CJK_CHAR.test(x))) {
    const chars = Array.from(term);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Cuts a snippet around a match: about a third of the room before it and the rest after
 * (room one side does not use goes to the other); words kept whole when the text has spaces.
 */
function around(f: Found, max: number): string {
  const match = truncate(f.text.slice(f.index, f.index + f.length), max);
  const before = f.text.slice(0, f.index);
  const after = f.text.slice(f.index + f.length);
  const room = Math.max(0, max - match.length - 2);
  const rightRoom = Math.max(room - Math.min(before.length, Math.floor(room / 3)), room - before.length);
  let right = takeGraphemes(after, rightRoom);
  let left = takeLastGraphemes(before, room - right.length);
  if (left.length < before.length) left = left.replace(/^\S{1,15}\s/, "").trimStart();
  if (right.length < after.length) right = right.replace(/\s\S{1,15}$/, "").trimEnd();
  const pre = left.length < before.length ? "…" : "";
  const post = right.length < after.length ? "…" : "";
  return `${pre}${md(left)}**${md(match)}**${md(right)}${post}`;
}

/**
 * A short snippet (about {@link SNIPPET_LENGTH} characters) of a search hit around the
 * first place a query term occurs in its summary, quotes or title (case-insensitive; for
 * Chinese, the substring), with the term in bold. Escaped Markdown. Without a visible match
 * (the index matched a word form), the start of the summary; "" when there is no text.
 */
export function snippet(hit: SearchHit, query: string, lang: Lang, max = SNIPPET_LENGTH): string {
  const terms = queryTerms(query).filter(Boolean);
  for (const [set, whole] of [
    [terms, true],
    [terms, false],
    [cjkPairs(terms), false],
  ] as const) {
    if (set.length === 0) continue;
    const pats = patterns(set, whole);
    for (const text of candidates(hit, lang)) {
      const f = find(text, pats);
      if (f) return around(f, max);
    }
  }
  const first = candidates(hit, lang).next();
  return first.done ? "" : md(truncate(first.value, max));
}
