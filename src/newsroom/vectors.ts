/**
 * TF-IDF vectors for the term comparison: an item's terms weighted once per classification,
 * the cosine and coverage against one of a target's buckets, and the targets' cached norms.
 */
import type { Features } from "./features.ts";
import { isConcept } from "./glossary.ts";
import type { Stats } from "./stats.ts";
import * as T from "./thresholds.ts";

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
export function cosine(v: ItemVector, bucket: Map<string, number>, stats: Stats, conceptsOnly: boolean): { cos: number; cover: number } {
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
