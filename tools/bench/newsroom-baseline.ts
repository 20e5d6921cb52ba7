/**
 * The baseline the newsroom engine is measured against: plain TF-IDF single-pass clustering.
 * Every text becomes a TF-IDF vector (the engine's tokenizer, nothing else: no entities,
 * numbers, dates, glossary or time); the story's events are the first clusters (both
 * languages of an event as one text); items, in time order, join the cluster whose centroid
 * is most similar by cosine if that reaches one threshold, else start a new cluster.
 */
import { normalizeName } from "../../db/names.ts";
import { tokenize } from "../../src/newsroom/tokens.ts";
import type { StoryEventInput } from "../../src/newsroom/index.ts";
import type { FixtureItem } from "./newsroom-fixture.ts";

type Vec = Map<string, number>;

function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokenize(normalizeName(text)).terms) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

function unit(tf: Map<string, number>, idf: (t: string) => number): Vec {
  const v: Vec = new Map();
  let n = 0;
  for (const [t, c] of tf) {
    const w = (1 + Math.log(c)) * idf(t);
    v.set(t, w);
    n += w * w;
  }
  const norm = Math.sqrt(n) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function cosine(a: Vec, b: Vec, bNorm: number): number {
  let dot = 0;
  for (const [t, w] of a) dot += w * (b.get(t) ?? 0);
  return bNorm ? dot / bNorm : 0;
}

export interface BaselineResult {
  /** Item id → cluster: an event key when it joined an event's cluster, else "c<n>". */
  cluster: Map<string, string>;
  /** Items that joined an event's cluster. */
  attached: Map<string, string>;
}

/** Clusters the items (in the order given) with one cosine threshold. */
export function tfidfSinglePass(events: readonly StoryEventInput[], items: readonly FixtureItem[], threshold: number): BaselineResult {
  const eventTexts = events.map((e) => [e.title.en, e.summary.en, e.title.zh, e.summary.zh].filter(Boolean).join("\n"));
  const docs = [...eventTexts, ...items.map((i) => `${i.title}\n${i.summary}`)].map(counts);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string): number => Math.log((docs.length + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const clusters: { key: string; sum: Vec; norm: number }[] = [];
  const addTo = (c: { sum: Vec; norm: number }, v: Vec): void => {
    for (const [t, w] of v) c.sum.set(t, (c.sum.get(t) ?? 0) + w);
    c.norm = Math.sqrt([...c.sum.values()].reduce((s, w) => s + w * w, 0));
  };
  events.forEach((e, i) => {
    const c = { key: e.key, sum: new Map<string, number>(), norm: 0 };
    addTo(c, unit(docs[i]!, idf));
    clusters.push(c);
  });
  const cluster = new Map<string, string>();
  const attached = new Map<string, string>();
  const eventKeys = new Set(events.map((e) => e.key));
  items.forEach((item, i) => {
    const v = unit(docs[events.length + i]!, idf);
    let best: (typeof clusters)[number] | null = null;
    let bestCos = -1;
    for (const c of clusters) {
      const cos = cosine(v, c.sum, c.norm);
      if (cos > bestCos) [best, bestCos] = [c, cos];
    }
    if (!best || bestCos < threshold) {
      best = { key: `c${clusters.length}`, sum: new Map(), norm: 0 };
      clusters.push(best);
    }
    addTo(best, v);
    cluster.set(item.id, best.key);
    if (eventKeys.has(best.key)) attached.set(item.id, best.key);
  });
  return { cluster, attached };
}
