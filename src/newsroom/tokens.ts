/**
 * Text → terms. The text comes normalised (db/names.ts: lower case, accents and punctuation
 * gone). Latin-script runs become words, stop words dropped, lightly stemmed; Chinese runs are
 * segmented by jieba, stop words dropped. Latin words inside Chinese text ("OpenAI", "CEO",
 * "Jakub") stay Latin terms, so they are shared by reports in both languages.
 */
import { segment } from "./jieba.ts";
import { stem } from "./stem.ts";
import { EN_STOP, ZH_STOP } from "./stopwords.ts";

export interface Tokens {
  /** Content terms in text order (stems for Latin, words for Chinese); repeats kept. */
  terms: string[];
  /** Every word in order, unstemmed, stop words kept, "" where a story name was: for quoting shared phrases. */
  words: string[];
  /** Each term → the first word it came from, to show a stem as a word. */
  surface: Map<string, string>;
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
const DIGITS = /^\d+$/;

/** One Latin-script word: a term unless it is a stop word, too short or a number (numbers.ts reads those). */
function latin(w: string, out: Tokens): void {
  out.words.push(w);
  if (w.length < 2 || EN_STOP.has(w) || DIGITS.test(w)) return;
  const t = stem(w);
  out.terms.push(t);
  if (!out.surface.has(t)) out.surface.set(t, w);
}

function han(w: string, out: Tokens): void {
  out.words.push(w);
  if (ZH_STOP.has(w) || !/\p{L}/u.test(w)) return;
  out.terms.push(w);
  out.surface.set(w, w);
}

/** The terms and words of a normalised text; one call to jieba for the whole text, none without Chinese. */
export function tokenize(normalized: string): Tokens {
  const out: Tokens = { terms: [], words: [], surface: new Map() };
  if (!HAN.test(normalized)) {
    let end = 0;
    for (const m of normalized.matchAll(LATIN_WORD)) {
      // A story name blanked out (entities.ts) leaves three spaces or more: no phrase spans it.
      if (m.index - end >= 3) out.words.push("");
      latin(m[0], out);
      end = m.index + m[0].length;
    }
    return out;
  }
  // Chinese has no spaces between words: after Chinese, a space was punctuation or a blanked
  // name, so a phrase ends there; between Latin words it is only a space, unless a long one.
  let spaces = 0;
  for (const piece of segment(normalized)) {
    if (!piece.trim()) {
      spaces += piece.length;
      continue;
    }
    const last = out.words[out.words.length - 1];
    if (spaces && last && (spaces >= 3 || HAN.test(last) || HAN.test(piece))) out.words.push("");
    spaces = 0;
    if (HAN.test(piece)) han(piece, out);
    else for (const m of piece.matchAll(LATIN_WORD)) latin(m[0], out);
  }
  return out;
}
