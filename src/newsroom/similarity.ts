/**
 * How alike an item and a target are, from 0 to 1, and what they share:
 *
 *   similarity = (W_TERMS·terms + W_ENTITIES·entities + W_ANCHORS·anchors) × (TIME_BASE + (1 − TIME_BASE)·closeness)
 *
 * - terms: TF-IDF cosine of the item and the target's texts in the item's language; against
 *   texts in the other language only the glossary concepts are compared (× CROSS_LANGUAGE).
 * - entities: IDF-weighted cosine (Ochiai) of the story entities named: language-independent,
 *   and "OpenAI" (in most events) weighs little next to "Nvidia".
 * - anchors: shared numbers, dates and new names, 1 − e^(−ΣIDF / ANCHOR_SCALE).
 * - closeness: 1 within SAME_WINDOW_DAYS of the target's nearest time, then decaying.
 */
import type { Features } from "./features.ts";
import { isConcept } from "./glossary.ts";
import type { Profile } from "./profile.ts";
import type { Stats } from "./stats.ts";
import * as T from "./thresholds.ts";

const DAY = 86_400_000;

export interface Score {
  score: number;
  terms: number;
  entities: number;
  anchors: number;
  /** Days to the target's nearest time; null when the item has no date. */
  days: number | null;
  sharedEntities: number[];
  sharedAnchors: string[];
  /** The target's texts (one language) the terms were compared with; cross: through concepts only. */
  bucket: Map<string, number> | null;
  cross: boolean;
}

/** An item's terms weighted once per classification (TF-IDF), shared by all its comparisons. */
export interface ItemVector {
  terms: string[];
  /** (1 + ln tf) × idf. */
  w: number[];
  idf: number[];
  concept: boolean[];
  /** Positions of the concepts, the only terms compared across languages. */
  concepts: number[];
  /** Squared norms and plain sums of the weights: all terms, concepts only. */
  norm2: [all: number, concepts: number];
  sum: [all: number, concepts: number];
}

export function itemVector(f: Features, stats: Stats): ItemVector {
  const v: ItemVector = { terms: [], w: [], idf: [], concept: [], concepts: [], norm2: [0, 0], sum: [0, 0] };
  const weighted = Object.entries(f.terms).map(([t, c]) => {
    const idf = stats.termIdf(t);
    return { t, idf, w: (1 + Math.log(c)) * idf };
  });
  // A headline and lede have fewer; a long text is represented by its heaviest terms.
  if (weighted.length > T.MAX_ITEM_TERMS) weighted.sort((a, b) => b.w - a.w).length = T.MAX_ITEM_TERMS;
  for (const { t, idf, w } of weighted) {
    const concept = isConcept(t);
    if (concept) v.concepts.push(v.terms.length);
    v.terms.push(t);
    v.w.push(w);
    v.idf.push(idf);
    v.concept.push(concept);
    v.norm2[0] += w * w;
    v.sum[0] += w;
    if (concept) {
      v.norm2[1] += w * w;
      v.sum[1] += w;
    }
  }
  return v;
}

/** Cosine and coverage of the item's terms against a bucket; `conceptsOnly` for another language. */
function cosine(v: ItemVector, bucket: Map<string, number>, stats: Stats, conceptsOnly: boolean): { cos: number; cover: number } {
  const k = conceptsOnly ? 1 : 0;
  let dot = 0;
  let covered = 0;
  const n = conceptsOnly ? v.concepts.length : v.terms.length;
  for (let j = 0; j < n; j++) {
    const i = conceptsOnly ? v.concepts[j]! : j;
    const p = bucket.get(v.terms[i]!);
    if (p === undefined) continue;
    dot += v.w[i]! * p * v.idf[i]!;
    covered += v.w[i]!;
  }
  if (dot === 0) return { cos: 0, cover: 0 };
  return { cos: dot / Math.sqrt(v.norm2[k] * bucketNorm(bucket, stats, conceptsOnly)), cover: covered / v.sum[k] };
}

/**
 * The squared TF-IDF norm of a target's bucket, cached: IDFs move little as texts come in,
 * so it is worked out again only when the bucket changed (forgetNorm) or the texts seen
 * grew by a tenth. Without it, each comparison would cost a pass over the whole target.
 */
const norms = new WeakMap<Map<string, number>, { docs: number; all: number; concepts: number }>();

/** A bucket's weights changed. */
export function forgetNorm(bucket: Map<string, number>): void {
  norms.delete(bucket);
}

export function bucketNorm(bucket: Map<string, number>, stats: Stats, conceptsOnly: boolean): number {
  let c = norms.get(bucket);
  if (!c || stats.docCount > c.docs * 1.1) {
    let all = 0;
    let concepts = 0;
    for (const [t, p] of bucket) {
      const w = (p * stats.termIdf(t)) ** 2;
      all += w;
      if (isConcept(t)) concepts += w;
    }
    c = { docs: stats.docCount, all, concepts };
    norms.set(bucket, c);
  }
  return conceptsOnly ? c.concepts : c.all;
}

/** The term score against the best-matching bucket, and which bucket that was. */
function termScore(f: Features, v: ItemVector, p: Profile, stats: Stats): { value: number; bucket: Map<string, number> | null; cross: boolean } {
  let best = { value: 0, bucket: null as Map<string, number> | null, cross: false };
  for (const [lang, bucket] of p.terms) {
    const cross = lang !== f.lang;
    const { cos, cover } = cosine(v, bucket, stats, cross);
    const mixed = (1 - T.COVER_SHARE) * cos + T.COVER_SHARE * cover;
    const value = cross ? mixed * T.CROSS_LANGUAGE : mixed;
    if (value > best.value) best = { value, bucket, cross };
  }
  return best;
}

/** The terms an item shares with the bucket it scored best against, heaviest first (for explanations). */
export function sharedTerms(v: ItemVector, s: Score): string[] {
  if (!s.bucket) return [];
  const out: [string, number][] = [];
  for (let i = 0; i < v.terms.length; i++) {
    if (s.cross && !v.concept[i]) continue;
    const p = s.bucket.get(v.terms[i]!);
    if (p !== undefined) out.push([v.terms[i]!, v.w[i]! * p * v.idf[i]!]);
  }
  return out.sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

function entityScore(f: Features, p: Profile, stats: Stats): { value: number; shared: number[] } {
  if (!f.entities.length || !p.entities.size) return { value: 0, shared: [] };
  let a = 0;
  let b = 0;
  let both = 0;
  const shared: number[] = [];
  for (const e of f.entities) a += stats.keyIdf(`e:${e}`);
  for (const [e, n] of p.entities) {
    const w = stats.keyIdf(`e:${e}`) * Math.min(1, n / (p.docs * T.ENTITY_FULL_SHARE));
    b += w;
    if (f.entities.includes(e)) {
      both += Math.min(w, stats.keyIdf(`e:${e}`));
      shared.push(e);
    }
  }
  shared.sort((x, y) => stats.keyIdf(`e:${y}`) - stats.keyIdf(`e:${x}`));
  return { value: both / Math.sqrt(a * b), shared };
}

/** Days between the item and the target's nearest time. */
function daysApart(at: number | null, times: readonly number[]): number | null {
  if (at === null || !times.length) return null;
  let best = Infinity;
  for (const t of times) best = Math.min(best, Math.abs(t - at));
  return best / DAY;
}

function closeness(days: number | null): number {
  if (days === null) return T.TIME_UNKNOWN;
  if (days <= T.SAME_WINDOW_DAYS) return 1;
  return Math.max(T.TIME_FLOOR, Math.exp(-(days - T.SAME_WINDOW_DAYS) / T.TIME_DECAY_DAYS));
}

/** The similarity of an item to a target; see the module comment. */
export function similarity(f: Features, v: ItemVector, p: Profile, stats: Stats): Score {
  const terms = termScore(f, v, p, stats);
  const entities = entityScore(f, p, stats);
  const sharedAnchors = f.anchors.filter((a) => p.anchors.has(a));
  const anchorWeight = sharedAnchors.reduce((s, a) => s + stats.keyIdf(a), 0);
  const anchors = 1 - Math.exp(-anchorWeight / T.ANCHOR_SCALE);
  const days = daysApart(f.at, p.times);
  const raw = T.W_TERMS * terms.value + T.W_ENTITIES * entities.value + T.W_ANCHORS * anchors;
  const score = raw * (T.TIME_BASE + (1 - T.TIME_BASE) * closeness(days));
  return {
    score,
    terms: terms.value,
    entities: entities.value,
    anchors,
    days,
    sharedEntities: entities.shared,
    sharedAnchors,
    bucket: terms.bucket,
    cross: terms.cross,
  };
}
