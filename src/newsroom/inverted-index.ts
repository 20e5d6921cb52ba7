/**
 * Candidate retrieval: key (entity, anchor, term) → the targets that have it. An item's
 * candidates are the targets sharing its selective keys — those no more than MAX_POSTING
 * targets have — ranked by the summed IDF of what they share; only the best CANDIDATES are
 * compared in full. With 10,000 events and 2,000 pending reports an item touches a few
 * thousand postings, not twelve thousand profiles.
 */
import { CANDIDATES, MAX_POSTING, MAX_POSTING_SHARE, MIN_SHARE_OF_BEST } from "./thresholds.ts";

export class InvertedIndex {
  private readonly postings = new Map<string, number[]>();
  private acc = new Float64Array(1024);

  /** Target `idx` has gained these keys. */
  add(idx: number, keys: readonly string[]): void {
    for (const k of keys) {
      const list = this.postings.get(k);
      if (list) list.push(idx);
      else this.postings.set(k, [idx]);
    }
  }

  /**
   * The best targets for an item's keys, best first; `weight` gives each key's IDF, `alive`
   * filters out targets that were published, attached or removed since being indexed.
   */
  candidates(keys: readonly string[], targets: number, weight: (key: string) => number, alive: (idx: number) => boolean): number[] {
    const cap = Math.max(MAX_POSTING, Math.ceil(targets * MAX_POSTING_SHARE));
    if (this.acc.length < targets) this.acc = new Float64Array(Math.max(targets, this.acc.length * 2));
    const acc = this.acc;
    const touched: number[] = [];
    for (const k of new Set(keys)) {
      const list = this.postings.get(k);
      if (!list || list.length > cap) continue;
      const w = weight(k);
      for (const idx of list) {
        if (acc[idx] === 0) touched.push(idx);
        acc[idx]! += w;
      }
    }
    let top = 0;
    for (const idx of touched) top = Math.max(top, acc[idx]!);
    // A target sharing under a quarter of what the best one shares will not win on the full
    // comparison; leaving it out keeps the sort small when a few thousand were touched.
    const live = touched.filter((idx) => acc[idx]! >= top * MIN_SHARE_OF_BEST && alive(idx));
    live.sort((a, b) => acc[b]! - acc[a]! || a - b);
    const best = live.slice(0, CANDIDATES);
    for (const idx of touched) acc[idx] = 0;
    return best;
  }
}
