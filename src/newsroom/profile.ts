/**
 * A target an item is compared with — an event of the story or a pending development — as the
 * sum of the texts and reports it has: term weights per language (log-scaled counts, each text
 * normalised to length 1, so a long summary does not outweigh a headline), how many of its
 * texts name each entity and anchor, and when they happened.
 */
import type { Features } from "./features.ts";
import type { ItemLang } from "./language.ts";
import { forgetNorm } from "./vectors.ts";

export interface Profile {
  /** Position in the engine's list of targets (the inverted index's postings hold it). */
  idx: number;
  kind: "event" | "group";
  /** The event's key, or the group's id. */
  key: string;
  /** Texts and reports added. */
  docs: number;
  times: number[];
  terms: Map<ItemLang, Map<string, number>>;
  entities: Map<number, number>;
  anchors: Map<string, number>;
  shown: Map<string, string>;
  /** The words of a few of its texts (story names blanked; tokens.ts), to quote shared phrases from. */
  words: string[][];
  /** Ids of the reports in it (for an event: the reports attached). */
  items: string[];
  /** New names → the reports giving them (groups). */
  names: Map<string, { shown: string; items: Set<string> }>;
  /** A group of reports that probably report this event. */
  event?: string;
  rejected: boolean;
  /** Published, attached or removed: no longer a target. */
  dead: boolean;
}

/** Texts kept per target for quoting phrases, and words kept of each: phrases are quoted from openings. */
const TEXTS_KEPT = 4;
const WORDS_KEPT = 80;

export function emptyProfile(idx: number, kind: Profile["kind"], key: string): Profile {
  return {
    idx,
    kind,
    key,
    docs: 0,
    times: [],
    terms: new Map(),
    entities: new Map(),
    anchors: new Map(),
    shown: new Map(),
    words: [],
    items: [],
    names: new Map(),
    rejected: false,
    dead: false,
  };
}

/** Whether the target already has a key (entity "e:…", anchor or term) in any language. */
export function hasKey(p: Profile, key: string): boolean {
  if (key.startsWith("e:")) return p.entities.has(Number(key.slice(2)));
  if (p.anchors.has(key)) return true;
  for (const bucket of p.terms.values()) if (bucket.has(key)) return true;
  return false;
}

/** The keys a text brings: entities, anchors, terms. */
export function keysOf(f: Features): string[] {
  return [...f.entities.map((e) => `e:${e}`), ...f.anchors, ...Object.keys(f.terms)];
}

/**
 * Adds one text to a target; `lang` is the bucket its terms go to (an event's "zh" text goes
 * to "zh" whatever it looks like). Returns the keys the target did not have before.
 */
export function addText(p: Profile, f: Features, lang: ItemLang, words: readonly string[], extraEntities: readonly number[] = []): string[] {
  const fresh = keysOf(f).filter((k) => !hasKey(p, k));
  for (const e of extraEntities) if (!p.entities.has(e) && !f.entities.includes(e)) fresh.push(`e:${e}`);
  p.docs++;
  if (f.at !== null) p.times.push(f.at);
  const bucket = p.terms.get(lang) ?? new Map<string, number>();
  p.terms.set(lang, bucket);
  const entries = Object.entries(f.terms);
  const norm = Math.sqrt(entries.reduce((s, [, c]) => s + (1 + Math.log(c)) ** 2, 0)) || 1;
  for (const [t, c] of entries) bucket.set(t, (bucket.get(t) ?? 0) + (1 + Math.log(c)) / norm);
  forgetNorm(bucket);
  for (const e of new Set([...f.entities, ...extraEntities])) p.entities.set(e, (p.entities.get(e) ?? 0) + 1);
  for (const a of f.anchors) p.anchors.set(a, (p.anchors.get(a) ?? 0) + 1);
  for (const [k, v] of Object.entries(f.shown)) if (!p.shown.has(k)) p.shown.set(k, v);
  if (p.words.length < TEXTS_KEPT && words.length) p.words.push(words.slice(0, WORDS_KEPT));
  return fresh;
}

/** Records the new names a report gives (a duplicate of an earlier report adds none). */
export function addNames(p: Profile, itemId: string, f: Features): void {
  for (const n of f.names) {
    const k = n.toLowerCase();
    const entry = p.names.get(k) ?? { shown: n, items: new Set<string>() };
    entry.items.add(itemId);
    p.names.set(k, entry);
  }
}
