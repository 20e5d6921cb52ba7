/**
 * Document frequencies, kept incrementally: for terms over every text seen (each language
 * of each event, each report), and for entities and anchors over targets (events and
 * pending developments). IDFs are read at comparison time, so they follow the story.
 */

export class Stats {
  private docs = 0;
  private readonly termDf = new Map<string, number>();
  private targets = 0;
  private readonly keyDf = new Map<string, number>();

  /** One more text with these distinct terms. */
  addDoc(terms: Iterable<string>): void {
    this.docs++;
    for (const t of terms) this.termDf.set(t, (this.termDf.get(t) ?? 0) + 1);
  }

  addTarget(): void {
    this.targets++;
  }

  removeTarget(): void {
    this.targets = Math.max(0, this.targets - 1);
  }

  /** A target has a key (entity "e:…", anchor) it did not have before (or lost one: -1). */
  countKey(key: string, delta = 1): void {
    const n = (this.keyDf.get(key) ?? 0) + delta;
    if (n > 0) this.keyDf.set(key, n);
    else this.keyDf.delete(key);
  }

  /** Smoothed IDF of a term: ln((N + 1) / (df + 1)) + 1. */
  termIdf(term: string): number {
    return Math.log((this.docs + 1) / ((this.termDf.get(term) ?? 0) + 1)) + 1;
  }

  /** Smoothed IDF of an entity or anchor key over targets. */
  keyIdf(key: string): number {
    return Math.log((this.targets + 1) / ((this.keyDf.get(key) ?? 0) + 1)) + 1;
  }

  get docCount(): number {
    return this.docs;
  }

  get targetCount(): number {
    return this.targets;
  }
}
