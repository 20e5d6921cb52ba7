/**
 * The engine's memory: every target (events and pending developments), where each is found,
 * the inverted index and the document frequencies, kept consistent by the few operations
 * here. Everything in it is derived from the story's events and the stored reports, so after
 * a restart it is rebuilt from them (engine.ts `restore`), never loaded from a file.
 */
import type { EntityMatcher } from "./entities.ts";
import type { Analysis, Features } from "./features.ts";
import type { ItemLang } from "./language.ts";
import { InvertedIndex } from "./inverted-index.ts";
import { addNames, addText, emptyProfile, hasKey, keysOf, type Profile } from "./profile.ts";
import { bucketNorm, forgetNorm } from "./vectors.ts";
import { Stats } from "./stats.ts";

/** Keys counted over targets (entities and anchors); terms are counted over texts. */
const isTargetKey = (k: string): boolean => k.startsWith("e:") || k.startsWith("#") || k.startsWith("@") || k.startsWith("!");

export const eventId = (key: string): string => `event:${key}`;

export class EngineState {
  readonly stats = new Stats();
  readonly index = new InvertedIndex();
  readonly targets: Profile[] = [];
  /** "event:<key>" or a group id → its target. */
  readonly byId = new Map<string, Profile>();

  constructor(readonly story: EntityMatcher) {}

  /** A new, empty target, findable by `id`. */
  newTarget(kind: Profile["kind"], id: string, key: string): Profile {
    const p = emptyProfile(this.targets.length, kind, key);
    this.targets.push(p);
    this.byId.set(id, p);
    this.stats.addTarget();
    return p;
  }

  /** Adds a text to a target and keeps the index and the frequencies in step. */
  addText(p: Profile, a: Pick<Analysis, "features" | "words">, lang: ItemLang, extraEntities: readonly number[] = []): void {
    const fresh = addText(p, a.features, lang, a.words, extraEntities);
    this.stats.addDoc(Object.keys(a.features.terms));
    this.index.add(p.idx, fresh);
    for (const k of fresh) if (isTargetKey(k)) this.stats.countKey(k);
    // Worked out now, once, rather than by the first comparison that needs it.
    const bucket = p.terms.get(lang);
    if (bucket) bucketNorm(bucket, this.stats, false);
  }

  /** Adds a report (a feed item) to a target. */
  addReport(p: Profile, itemId: string, a: Analysis, withNames: boolean): void {
    this.addText(p, a, a.features.lang);
    p.items.push(itemId);
    if (withNames) addNames(p, itemId, a.features);
  }

  /** A target is gone (published, attached elsewhere, removed): no longer found or counted. */
  kill(p: Profile, id: string): void {
    if (p.dead) return;
    p.dead = true;
    this.byId.delete(id);
    this.stats.removeTarget();
    for (const e of p.entities.keys()) this.stats.countKey(`e:${e}`, -1);
    for (const a of p.anchors.keys()) this.stats.countKey(a, -1);
  }

  /** Moves a group's reports into an event (an editor confirmed it reports that event). */
  merge(into: Profile, from: Profile): void {
    const freshTerms = [...new Set([...from.terms.values()].flatMap((b) => [...b.keys()]))].filter((t) => !hasKey(into, t));
    for (const [lang, bucket] of from.terms) {
      const target = into.terms.get(lang) ?? new Map<string, number>();
      into.terms.set(lang, target);
      for (const [t, w] of bucket) target.set(t, (target.get(t) ?? 0) + w);
      forgetNorm(target);
    }
    const fresh: string[] = [];
    for (const [e, n] of from.entities) {
      if (!into.entities.has(e)) fresh.push(`e:${e}`);
      into.entities.set(e, (into.entities.get(e) ?? 0) + n);
    }
    for (const [a, n] of from.anchors) {
      if (!into.anchors.has(a)) fresh.push(a);
      into.anchors.set(a, (into.anchors.get(a) ?? 0) + n);
    }
    for (const [k, v] of from.shown) if (!into.shown.has(k)) into.shown.set(k, v);
    into.docs += from.docs;
    into.times.push(...from.times);
    into.items.push(...from.items);
    this.index.add(into.idx, [...fresh, ...freshTerms]);
    for (const k of fresh) this.stats.countKey(k);
  }

  /** Candidates for a text's features: see inverted-index.ts. */
  candidates(f: Features): Profile[] {
    const weight = (k: string): number => (isTargetKey(k) ? this.stats.keyIdf(k) : this.stats.termIdf(k));
    const alive = (idx: number): boolean => !this.targets[idx]!.dead;
    return this.index.candidates(keysOf(f), this.targets.length, weight, alive).map((i) => this.targets[i]!);
  }
}
