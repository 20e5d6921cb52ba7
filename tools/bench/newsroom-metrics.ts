/** How well a grouping of the fixture's items matches their labels. */
import type { FixtureItem } from "./newsroom-fixture.ts";

export interface Quality {
  precision: number;
  recall: number;
  f1: number;
  /** Items about an existing event attached (without review) to exactly that event. */
  attachedRight: number;
  /** Items about a development the story does not have that were attached to some event. */
  attachedWrong: number;
  /** Items about an existing event attached to another one. */
  attachedElsewhere: number;
  existing: number;
  fresh: number;
}

/**
 * Pairwise precision and recall: of the item pairs put together, the share that report the
 * same development; of the pairs that do, the share put together. `cluster` gives each item's
 * predicted group, `attached` the event it was attached to without review.
 */
export function quality(items: readonly FixtureItem[], cluster: ReadonlyMap<string, string>, attached: ReadonlyMap<string, string>): Quality {
  let together = 0;
  let same = 0;
  let both = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      const t = cluster.get(a.id) === cluster.get(b.id);
      const s = a.dev === b.dev;
      if (t) together++;
      if (s) same++;
      if (t && s) both++;
    }
  }
  const precision = together ? both / together : 0;
  const recall = same ? both / same : 0;
  const existing = items.filter((i) => i.event);
  const fresh = items.filter((i) => !i.event);
  const share = (n: number, of: number): number => (of ? n / of : 0);
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    attachedRight: share(existing.filter((i) => attached.get(i.id) === i.event).length, existing.length),
    attachedWrong: share(fresh.filter((i) => attached.has(i.id)).length, fresh.length),
    attachedElsewhere: share(existing.filter((i) => attached.has(i.id) && attached.get(i.id) !== i.event).length, existing.length),
    existing: existing.length,
    fresh: fresh.length,
  };
}
