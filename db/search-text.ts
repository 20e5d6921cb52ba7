/**
 * Text segmentation for the full-text index, used both when indexing and when querying.
 * Latin-script words pass through (FTS5's unicode61 + porter tokenizer handles case, accents
 * and stems). Runs of Han, kana and Hangul become overlapping character pairs plus the last
 * character alone, so any term of two or more characters is a phrase of pairs, and a single
 * character is a prefix of a pair.
 */
import { CJK_CHAR } from "./text.ts";

const CJK_RUN = new RegExp(`${CJK_CHAR.source}+`, "gu");

/** Splits a run of CJK characters into overlapping pairs ("微软公司" → 微软 软公 公司 司). */
function pairs(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** Rewrites text for indexing: CJK runs become space-separated pairs, the rest is kept. */
export function segmentForIndex(text: string): string {
  return text.replace(CJK_RUN, (run) => ` ${pairs(run).join(" ")} `);
}

const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERMS = 8;
const MAX_TERM_CHARS = 64;

/**
 * Turns anything a user typed into FTS5 phrase terms: each is quoted (so operators, quotes
 * and brackets are inert) and meant to be ANDed. Empty when nothing in it is searchable.
 */
export function matchTerms(input: string): string[] {
  const terms: string[] = [];
  const text = input.normalize("NFKC").slice(0, 500);
  const rest = text.replace(CJK_RUN, (run) => {
    const chars = Array.from(run).slice(0, MAX_TERM_CHARS);
    if (chars.length === 1) terms.push(`"${chars[0]}"*`);
    else {
      const ps: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) ps.push(chars[i]! + chars[i + 1]!);
      terms.push(`"${ps.join(" ")}"`);
    }
    return " ";
  });
  for (const m of rest.matchAll(LATIN_WORD)) {
    const w = m[0].slice(0, MAX_TERM_CHARS);
    terms.push(`"${w}"`);
  }
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** The plain words of a query (CJK runs whole), for highlighting and snippets. */
export function queryTerms(input: string): string[] {
  const text = input.normalize("NFKC").slice(0, 500);
  const out = new Set<string>();
  for (const m of text.matchAll(CJK_RUN)) out.add(m[0]);
  for (const m of text.replace(CJK_RUN, " ").matchAll(LATIN_WORD)) out.add(m[0]);
  return [...out].slice(0, MAX_TERMS);
}

/** Text as the index folds it: lower case, accents removed (unicode61 with remove_diacritics). */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase();
}

/** A word folded as the index folds it, at most as long as a query term. */
function foldWord(word: string): string {
  return fold(word).slice(0, MAX_TERM_CHARS);
}

/** The distinct Latin-script (non-CJK) words of a title, folded: what db/search.ts keeps for prefix expansion. */
export function titleWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.normalize("NFKC").replace(CJK_RUN, " ").matchAll(LATIN_WORD)) out.add(foldWord(m[0]));
  return [...out];
}

/**
 * What someone is typing into an event option: the words before the last as whole terms
 * (matchTerms), and the last one, when it is still being typed (nothing after it), as a
 * prefix — a folded word, or one CJK character. A CJK run of two or more characters needs no
 * prefix: its pairs already match inside longer words (董事 in 董事会).
 */
export interface PrefixQuery {
  terms: string[];
  prefix: { kind: "word" | "char"; text: string } | null;
}

const CJK_TAIL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;
const WORD_TAIL = /[\p{L}\p{N}]+$/u;

/** Splits typed text into whole terms and the prefix being typed (see {@link PrefixQuery}). */
export function prefixQuery(input: string): PrefixQuery {
  const text = input.normalize("NFKC").slice(0, 500);
  const cjk = CJK_TAIL.exec(text)?.[0];
  if (cjk) {
    if (Array.from(cjk).length > 1) return { terms: matchTerms(text), prefix: null };
    return { terms: matchTerms(text.slice(0, -cjk.length)).slice(0, MAX_TERMS - 1), prefix: { kind: "char", text: cjk } };
  }
  const word = (WORD_TAIL.exec(text)?.[0] ?? "").split(CJK_RUN).pop() ?? "";
  if (!word) return { terms: matchTerms(text), prefix: null };
  return { terms: matchTerms(text.slice(0, -word.length)).slice(0, MAX_TERMS - 1), prefix: { kind: "word", text: foldWord(word) } };
}

/**
 * A test of titles for what was typed: whether a title has every word of it — each CJK run
 * inside it, each other word starting one of its words (or being one of them with an ending
 * of up to two letters, "employees" for "employee"). A cheap check on titles the index found.
 */
export function titleMatcher(typed: string): (title: string) => boolean {
  const query = typed.normalize("NFKC").slice(0, 500);
  const runs = [...query.matchAll(CJK_RUN)].map((m) => m[0]);
  const words = titleWords(query);
  return (title) => {
    const text = title.normalize("NFKC");
    if (!runs.every((r) => text.includes(r))) return false;
    if (!words.length) return true;
    const folded = fold(text.replace(CJK_RUN, " ")).match(LATIN_WORD) ?? [];
    return words.every((w) => folded.some((t) => t.startsWith(w) || (w.startsWith(t) && w.length - t.length <= 2)));
  };
}
