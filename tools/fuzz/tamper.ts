/**
 * Tampered custom_ids, as a modified client could send them: a recorded id with one part
 * changed, dropped or added, another command's prefix, a random prefix, or 200 characters.
 */
import type { Rng } from "./prng.ts";
import { fuzzString, type Vocabulary } from "./strings.ts";

const NUMBERS = ["0", "-1", "1", "2", "999999", "9007199254740993", "99999999999999999999", "1e3", "0x1", "１", "01", "", " 1", "NaN", "-"];

function mutatePart(rng: Rng, part: string, v: Vocabulary): string {
  if (/^\d+$/.test(part) && rng.chance(0.6)) {
    const n = Number(part);
    return String(rng.pick([n + 1, n - 1, n * 2, 0, n + 1_000_000]));
  }
  return rng.chance(0.5) ? rng.pick(NUMBERS) : fuzzString(rng, v, 40).replace(/:/g, "");
}

/** A tampered variant of `id`; `prefixes` are the custom_id prefixes seen so far. */
export function tamperCustomId(rng: Rng, id: string, prefixes: readonly string[], v: Vocabulary): string {
  const parts = id.split(":");
  const i = rng.int(0, parts.length - 1);
  switch (rng.weighted({ part: 6, drop: 2, add: 2, swapPrefix: 2, randomPrefix: 1, long: 1, empty: 1, knownRandom: 2 })) {
    case "part":
      parts[i] = mutatePart(rng, parts[i] ?? "", v);
      return parts.join(":");
    case "drop":
      return parts.length > 1 ? parts.slice(0, -1).join(":") : `${id}:`;
    case "add":
      return [...parts, ...Array.from({ length: rng.int(1, 3) }, () => rng.pick(NUMBERS))].join(":");
    case "swapPrefix":
      return [prefixes.length ? rng.pick(prefixes) : "zz", ...parts.slice(1)].join(":");
    case "randomPrefix":
      return [fuzzString(rng, v, 12).replace(/:/g, "") || "q", ...parts.slice(1)].join(":");
    case "long":
      return `${id}:${"9".repeat(200)}`.slice(0, 200);
    case "empty":
      return rng.pick(["", ":", "::::", `${parts[0] ?? ""}:`, `${parts[0] ?? ""}::`]);
    case "knownRandom":
      return [
        prefixes.length ? rng.pick(prefixes) : (parts[0] ?? ""),
        ...Array.from({ length: rng.int(0, 6) }, () => mutatePart(rng, rng.pick(parts), v)),
      ].join(":");
  }
}
