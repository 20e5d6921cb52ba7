/**
 * Option values for a leaf: valid-shaped ones the Discord client would send (choices,
 * ranges and lengths respected; the text itself adversarial), and out-of-bounds ones
 * for hand-built payloads.
 */
import type { Rng } from "./prng.ts";
import { OptionType, type OptionDef } from "./schema.ts";
import { fuzzDate, fuzzNumberText, fuzzString, fuzzTime, fuzzZone, type Vocabulary } from "./strings.ts";

export type OptionValue = string | number | boolean;

/** Ids the fuzzer can name in id-typed options. */
export interface Targets {
  userIds: string[];
  channelIds: string[];
  roleIds: string[];
}

/** Discord's own bounds for options that set none. */
const INT_BOUND = 2 ** 53;
const STRING_MAX = 6000;

/** A string for an option, steered by its name where that says what it holds. */
function textFor(rng: Rng, def: OptionDef, v: Vocabulary): string {
  const max = def.maxLength ?? STRING_MAX;
  const hinted = rng.chance(0.6);
  let text: string;
  if (hinted && /^(from|to|date|day|when|since|until)$/.test(def.name)) text = fuzzDate(rng);
  else if (hinted && def.name === "time") text = fuzzTime(rng);
  else if (hinted && /zone/.test(def.name)) text = fuzzZone(rng);
  else if (hinted && /slug|story/.test(def.name) && v.slugs.length) text = rng.pick(v.slugs);
  else if (hinted && /^(id|event)$/.test(def.name) && v.eventIds.length)
    text = rng.pick(rng.chance(0.5) ? v.eventIds : v.eventKeys.length ? v.eventKeys : v.eventIds);
  else if (hinted && /^(name|who|entity|person)$/.test(def.name) && v.names.length) text = rng.pick(v.names);
  else if (hinted && /count|number|hours|page/.test(def.name)) text = fuzzNumberText(rng);
  else if (hinted && /url|feed|link/.test(def.name) && v.urls.length) text = rng.pick(v.urls);
  else text = fuzzString(rng, v, max);
  if (text.length > max) text = text.slice(0, max);
  const min = def.minLength ?? (def.required ? 1 : 0);
  return text.length < min ? text.padEnd(min, "x") : text;
}

function numberIn(rng: Rng, def: OptionDef, integer: boolean): number {
  const lo = def.minValue ?? (integer ? -INT_BOUND : -1e9);
  const hi = def.maxValue ?? (integer ? INT_BOUND : 1e9);
  const edges = [lo, hi, Math.min(hi, Math.max(lo, 0)), Math.min(hi, Math.max(lo, 1))];
  if (rng.chance(0.4)) return rng.pick(edges);
  const span = Math.min(hi - lo, 1_000_000);
  const x = lo + rng.next() * span;
  return integer ? Math.min(hi, Math.max(lo, Math.round(x))) : x;
}

/** A value the Discord client could send for `def` (null when none can be made here). */
export function validValue(rng: Rng, def: OptionDef, v: Vocabulary, targets: Targets, inGuild: boolean): OptionValue | null {
  if (def.choices.length > 0) return rng.pick(def.choices).value;
  switch (def.type) {
    case OptionType.String:
      return textFor(rng, def, v);
    case OptionType.Integer:
      return numberIn(rng, def, true);
    case OptionType.Number:
      return numberIn(rng, def, false);
    case OptionType.Boolean:
      return rng.chance(0.5);
    case OptionType.User:
    case OptionType.Mentionable:
      return rng.pick(targets.userIds);
    case OptionType.Channel:
      return targets.channelIds.length ? rng.pick(targets.channelIds) : null;
    case OptionType.Role:
      return inGuild && targets.roleIds.length ? rng.pick(targets.roleIds) : null;
    case OptionType.Attachment:
      return `${fuzzString(rng, v, 40) || "file"}.txt`;
    default:
      return null;
  }
}

/**
 * A value the Discord client would refuse to send for `def`: out of range, too long, not
 * one of the choices, empty, or a fraction for an integer. Null when the type has none.
 */
export function invalidValue(rng: Rng, def: OptionDef, v: Vocabulary): OptionValue | null {
  if (def.type === OptionType.String) {
    const max = def.maxLength ?? STRING_MAX;
    const options: string[] = [
      fuzzString(rng, v)
        .padEnd(max + 1, "y")
        .slice(0, max + rng.pick([1, 2, 100, 6000])),
      "",
    ];
    if (def.choices.length) options.push(`${String(rng.pick(def.choices).value)}-not-a-choice`);
    if (def.minLength) options.push("x".repeat(def.minLength - 1));
    return rng.pick(options);
  }
  if (def.type === OptionType.Integer || def.type === OptionType.Number) {
    const options: number[] = [1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 2 ** 31, -(2 ** 31) - 1];
    if (def.minValue !== undefined) options.push(def.minValue - 1, def.minValue - 0.5);
    if (def.maxValue !== undefined) options.push(def.maxValue + 1, def.maxValue + 1000);
    if (def.type === OptionType.Integer) options.push(1.5, 0.000001);
    if (def.choices.length) options.push(Number(rng.pick(def.choices).value) + 7);
    return rng.pick(options);
  }
  return null;
}
