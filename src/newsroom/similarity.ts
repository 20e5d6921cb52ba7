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
import type { Profile } from "./profile.ts";
import type { Stats } from "./stats.ts";
import { cosine, type ItemVector } from "./vectors.ts";
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
