/**
 * Sentences and clauses of a paragraph, never cut inside a quotation, and the few text
 * helpers the drafter shares: cutting a text to length, trimming a lead-in off a title.
 */
import { truncate } from "../render/limits.ts";
import type { Language } from "./language.ts";

const OPEN = new Set(["“", "「", "『", "‘"]);
const CLOSE = new Set(["”", "」", "』", "’"]);
const ZH_END = /[。！？!?；;…]/;
const CLOSERS = /[”」』’")）\]]/;
/** Words whose full stop ends no sentence. */
const ABBREVIATION =
  /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Inc|Corp|Co|Ltd|vs|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|a\.m|p\.m|e\.g|i\.e|[A-Z])\.$/;

/** Splits a paragraph into sentences; quoted speech stays whole. */
export function sentencesOf(paragraph: string, language: Language): string[] {
  const out: string[] = [];
  let depth = 0;
  let straight = false;
  let start = 0;
  const chars = [...paragraph];
  let pos = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    pos += ch.length;
    const wasOpen = depth > 0 || straight;
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') straight = !straight;
    if (depth > 0 || straight) continue;
    // A stop is at the end of a sentence, or of a quotation that ends one ("… safe." About …).
    const stop = language === "zh" ? ZH_END : /[.!?]/;
    const closesQuote = wasOpen && stop.test(chars[i - 1] ?? "");
    let end = false;
    if (stop.test(ch) || closesQuote) {
      // Closing quotes and brackets right after the stop belong to the sentence.
      while (!closesQuote && i + 1 < chars.length && CLOSERS.test(chars[i + 1]!) && chars[i + 1] !== '"') pos += chars[++i]!.length;
      const next = chars[i + 1];
      if (language === "zh") end = !(ch === "…" && next === "…");
      else end = next === undefined || (/\s/.test(next) && /[\p{Lu}\d"“‘(]/u.test(chars[i + 2] ?? "") && !ABBREVIATION.test(paragraph.slice(start, pos)));
    }
    if (end) {
      out.push(paragraph.slice(start, pos).trim());
      start = pos;
    }
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** Whether a sentence is a question: commentary, not a development. */
export function isQuestion(sentence: string): boolean {
  return /[?？][”」"）)]?$/.test(sentence.trim());
}

/** Lead-ins that say when, who reported or how the writer feels, not what happened. */
const LEAD_IN = [
  /^(?:据|根据)[^，,：:]{1,40}?(?:报道|消息|透露|援引|称)[，,：:]?\s*/,
  /^(?:有趣的是|更有意思的是|另一边|此外|另外|同时|与此同时|据悉|简单来说(?:就是)?|结论|据了解|值得一提的是|事实上|其中)[，,：:]\s*/,
  /^(?:according to [^,]{1,60}|meanwhile|however|separately|in addition|earlier|later|still)\s*,\s*/i,
];

const escapeDate = (s: string): string =>
  s
    .trim()
    .replace(/[,，.]+$/, "")
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A title from a sentence: its date and its lead-ins taken off, its final stop too, cut to `max`. */
export function titleFrom(sentence: string, dateText: string | null, max: number): string {
  let t = sentence.trim();
  for (let again = true; again; ) {
    again = false;
    const date = dateText
      ? new RegExp(`^(?:(?:on|over|during|late|early|in|at|by|since|until|the|this|last|next|past)\\s+)*${escapeDate(dateText)}[\\s，,：:]*`, "i").exec(t)
      : null;
    if (date && t.length > date[0].length + 4) {
      t = t.slice(date[0].length);
      again = true;
    }
    for (const re of LEAD_IN) {
      const next = t.replace(re, "");
      if (next !== t && next.length >= 4) [t, again] = [next, true];
    }
  }
  t = t.replace(/[。.；;，,：:]+$/, "").trim();
  if (/^\p{Ll}/u.test(t)) t = t[0]!.toUpperCase() + t.slice(1);
  return truncate(t, max);
}

/** Joins paragraphs of one language: Chinese runs on after a stop (a space if there is none), English takes a space. */
export function joinText(parts: readonly string[], language: Language): string {
  return parts.reduce((out, p) => (!out ? p : language === "zh" && /[。！？!?；;:：…”」）)]$/.test(out) ? out + p : `${out} ${p}`), "");
}
