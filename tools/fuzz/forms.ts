/**
 * Answers to the modals the bot showed: each field kept as prefilled, filled with
 * something plausible (a date, people the story knows, a URL) or with adversarial text,
 * within the field's limits — or, for hand-built submissions, beyond them.
 */
import { allComponents } from "../fake-discord/index.ts";
import type { Rng } from "./prng.ts";
import { fuzzDate, fuzzString, type Vocabulary } from "./strings.ts";

/** One input of a shown modal. */
export interface ModalField {
  customId: string;
  /** 4 = text input; select menus otherwise. */
  type: number;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  prefilled?: string;
  options: string[];
  maxValues: number;
}

const URLS = [
  "https://example.org/news/1",
  "http://example.com",
  "https://例子.测试/路径?q=1",
  "javascript:alert(1)",
  "ftp://example.org",
  "https://",
  "not a url",
  "https://a.b/<script>",
  `https://example.org/${"x".repeat(300)}`,
  "HTTPS://EXAMPLE.ORG",
];

/** The inputs of a modal as the bot sent it. */
export function modalFields(components: readonly unknown[]): ModalField[] {
  return allComponents(components)
    .filter((c) => typeof c.custom_id === "string" && c.type !== 1 && c.type !== 18)
    .map((c) => {
      const field: ModalField = {
        customId: String(c.custom_id),
        type: Number(c.type),
        required: c.required !== false,
        options: Array.isArray(c.options) ? c.options.map((o) => String((o as { value?: unknown }).value)) : [],
        maxValues: typeof c.max_values === "number" ? c.max_values : 1,
      };
      if (typeof c.min_length === "number") field.minLength = c.min_length;
      if (typeof c.max_length === "number") field.maxLength = c.max_length;
      if (typeof c.value === "string") field.prefilled = c.value;
      return field;
    });
}

function plausible(rng: Rng, f: ModalField, v: Vocabulary): string {
  const id = f.customId.toLowerCase();
  if (/when|date|day|at/.test(id)) return fuzzDate(rng);
  if (/people|who|entit|person/.test(id) && v.names.length)
    return Array.from({ length: rng.int(1, 4) }, () => rng.pick(v.names)).join(rng.pick([", ", ",", "，", "\n", "、"]));
  if (/source|url|link/.test(id)) return rng.pick(URLS);
  return fuzzString(rng, v);
}

/** A value for one field that the Discord client would accept. */
function validField(rng: Rng, f: ModalField, v: Vocabulary): string {
  if (f.type !== 4) {
    if (!f.options.length) return "";
    const n = rng.int(f.required ? 1 : 0, Math.min(f.maxValues, f.options.length));
    return Array.from({ length: n }, () => rng.pick(f.options))
      .filter((x, i, a) => a.indexOf(x) === i)
      .join(",");
  }
  let text = rng.chance(0.3) && f.prefilled !== undefined ? f.prefilled : rng.chance(0.15) && !f.required ? "" : plausible(rng, f, v);
  if (f.maxLength !== undefined && text.length > f.maxLength) text = text.slice(0, f.maxLength);
  const min = Math.max(f.minLength ?? 0, f.required ? 1 : 0);
  if (text.length > 0 || f.required) text = text.length < min ? text.padEnd(min, "x") : text;
  return text;
}

/** Answers for every field of a shown modal, within its limits. */
export function validAnswers(rng: Rng, fields: readonly ModalField[], v: Vocabulary): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.customId, validField(rng, f, v)]));
}

/**
 * The `data.components` of a hand-built submission: the fields as one text input per row,
 * some beyond their limits, some missing, some unknown.
 */
export function tamperedComponents(rng: Rng, fields: readonly ModalField[], v: Vocabulary): unknown[] {
  const names = fields.length ? fields.map((f) => f.customId) : ["title", "when"];
  const rows = names
    .filter(() => rng.chance(0.85))
    .map((customId) => {
      const f = fields.find((x) => x.customId === customId);
      const max = f?.maxLength ?? 4000;
      const value = rng.chance(0.5)
        ? fuzzString(rng, v)
            .padEnd(max + 1, "z")
            .slice(0, max + rng.pick([1, 50, 2000]))
        : rng.pick(["", " ", plausible(rng, f ?? { customId, type: 4, required: true, options: [], maxValues: 1 }, v)]);
      return { type: 1, components: [{ type: 4, custom_id: customId, value }] };
    });
  if (rng.chance(0.3)) rows.push({ type: 1, components: [{ type: 4, custom_id: fuzzString(rng, v, 100) || "x", value: fuzzString(rng, v) }] });
  return rows;
}
