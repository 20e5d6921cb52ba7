import { truncate } from "./limits.ts";

/**
 * Joins whole items with `sep` while they fit in `max`, then adds `more(n)` for the `n`
 * left out, counting `extra` items the caller never passed (room for it is kept while
 * adding). A first item too long on its own is cut. Returns "" for no items and no extra.
 */
export function joinCapped(items: readonly string[], sep: string, max: number, more: (n: number) => string, extra = 0): string {
  const hidden = Math.max(0, extra);
  let out = "";
  let count = 0;
  for (const [i, item] of items.entries()) {
    const next = count === 0 ? item : out + sep + item;
    const left = items.length - i - 1 + hidden;
    const room = left > 0 ? max - (sep + more(left)).length : max;
    if (next.length > room) break;
    out = next;
    count++;
  }
  const rest = items.length - count + hidden;
  if (rest === 0) return out;
  if (count === 0 && items.length > 0) {
    const tail = rest > 1 ? sep + more(rest - 1) : "";
    return truncate(truncate(items[0] ?? "", Math.max(1, max - tail.length)) + tail, max);
  }
  return truncate(count === 0 ? more(rest) : out + sep + more(rest), max);
}

/** The first `n` items and how many were left out. */
export function take<T>(items: readonly T[], n: number): { shown: T[]; hidden: number } {
  const shown = items.slice(0, Math.max(0, n));
  return { shown, hidden: items.length - shown.length };
}
