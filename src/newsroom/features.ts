/**
 * What the engine compares, per text: its language, the story's entities it names, its
 * anchors (numbers "#…", dates "@…" and new names "!…", the same in any language), its terms
 * with counts (glossary concepts "~…" added), and the new names as written. A plain,
 * JSON-serialisable object, so the later wiring can store it beside the item if it likes.
 */
import { normalizeName } from "../../db/names.ts";
import { extractDates } from "./dates.ts";
import type { EntityMatcher } from "./entities.ts";
import { conceptOf } from "./glossary.ts";
import { detectLanguage, type ItemLang } from "./language.ts";
import { newNames } from "./new-names.ts";
import { extractNumbers } from "./numbers.ts";
import { tokenize } from "./tokens.ts";

export interface Features {
  lang: ItemLang;
  /** When it happened or was published (ms), null when unknown. */
  at: number | null;
  entities: number[];
  anchors: string[];
  /** Term → count. */
  terms: Record<string, number>;
  /** New names as written (not the story's). */
  names: string[];
  /** Anchors as written ("$86 billion", "Helen Toner"), for explanations. */
  shown: Record<string, string>;
}

/** Longest title looked at: a headline is never longer; the rest of a pasted page is noise. */
const TITLE_CAP = 300;
/** Longest summary looked at: a lede and more (callers have been known to pass 100 KB of page); jieba's cost grows with it. */
const SUMMARY_CAP = 600;

/** Leftover markup, in case a caller passes HTML: tags and entities become spaces. */
const MARKUP = /<[^>]{0,300}>|&[#\w]{1,10};/g;

function clean(text: string | null | undefined, cap: number): string {
  if (!text) return "";
  return text
    .slice(0, cap * 2)
    .replace(MARKUP, " ")
    .slice(0, cap)
    .normalize("NFKC");
}

/** What a text is compared by, and for explaining: its words (story names blanked) and term surfaces. */
export interface Analysis {
  features: Features;
  /** The text as looked at (capped, markup gone). */
  text: string;
  words: string[];
  surface: Map<string, string>;
}

export interface TextInput {
  title: string;
  summary?: string | null;
  at?: number | null;
}

/** The features of one text (a feed item, or one language of an event). */
export function extractFeatures(input: TextInput, story: EntityMatcher): Features {
  return analyze(input, story).features;
}

/** Features and what explanations need besides. */
export function analyze(input: TextInput, story: EntityMatcher): Analysis {
  const raw = `${clean(input.title, TITLE_CAP)}\n${clean(input.summary, SUMMARY_CAP)}`.trim();
  const at = input.at ?? null;
  const dates = extractDates(raw, at);
  const numbers = extractNumbers(dates.rest);
  const hits = story.match(normalizeName(raw));
  const terms: Record<string, number> = {};
  const tokens = tokenize(hits.masked);
  for (const t of tokens.terms) {
    terms[t] = (terms[t] ?? 0) + 1;
    const c = conceptOf(t);
    if (c) terms[c] = (terms[c] ?? 0) + 1;
  }
  const names = newNames(raw, tokens.words, story);
  const shown: Record<string, string> = Object.fromEntries(numbers.shown);
  const anchors = [...dates.keys, ...numbers.keys];
  for (const n of names) {
    const k = `!${normalizeName(n)}`;
    anchors.push(k);
    shown[k] = n;
  }
  const features: Features = { lang: detectLanguage(raw), at, entities: hits.ids, anchors, terms, names, shown };
  return { features, text: raw, words: tokens.words, surface: tokens.surface };
}
