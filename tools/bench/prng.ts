/**
 * A small seeded PRNG (mulberry32) and the samplers the synthetic story needs. Same seed,
 * same story, on every machine.
 */

/** A random number generator: floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: 32-bit state, fast, good enough for test data (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [lo, hi]. */
export function intIn(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** One element of a non-empty list. */
export function pickOf<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)]!;
}

/**
 * Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s (Zipf), in O(1) per draw through
 * Walker's alias table, so a million events of text cost no binary searches.
 */
export function zipf(n: number, s: number): (rng: Rng) => number {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = 1 / (i + 1) ** s;
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    prob[i] = (w[i]! * n) / sum;
    (prob[i]! < 1 ? small : large).push(i);
  }
  while (small.length && large.length) {
    const l = small.pop()!;
    const g = large[large.length - 1]!;
    alias[l] = g;
    prob[g] = prob[g]! + prob[l]! - 1;
    if (prob[g]! < 1) small.push(large.pop()!);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (rng) => {
    const u = rng() * n;
    const i = Math.floor(u);
    return u - i < prob[i]! ? i : alias[i]!;
  };
}
