import { ComponentType } from "discord.js";
import type { APIComponentInMessageActionRow, APIEmbed, APIEmbedField } from "discord.js";
import { LIMITS, truncate } from "./limits.ts";
import type { ActionRow, Choice, Reply } from "./reply.ts";

/** What an empty field name or value becomes: Discord rejects empty ones. */
export const BLANK_NAME = "\u200b";
export const BLANK_VALUE = "—";

/** Below this, descriptions are only cut further once fields have been cut and dropped. */
const DESCRIPTION_FLOOR = 1000;
/** Field values are cut down to this before fields are dropped. */
const FIELD_FLOOR = 100;

/** The characters of an embed that count towards the 6000 limit. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

function totalLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

function fitField(f: APIEmbedField): APIEmbedField {
  const name = truncate(f.name, LIMITS.fieldName);
  const value = truncate(f.value, LIMITS.fieldValue);
  const field = { name: name.trim() ? name : BLANK_NAME, value: value.trim() ? value : BLANK_VALUE };
  return f.inline === undefined ? field : { ...field, inline: f.inline };
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const e: APIEmbed = { ...embed };
  if (e.title !== undefined) e.title = truncate(e.title, LIMITS.title);
  if (!e.title?.trim()) delete e.title;
  if (e.description !== undefined) e.description = truncate(e.description, LIMITS.description);
  if (!e.description?.trim()) delete e.description;
  if (e.footer) e.footer = { ...e.footer, text: truncate(e.footer.text, LIMITS.footer) };
  if (e.footer && !e.footer.text.trim()) delete e.footer;
  if (e.author) e.author = { ...e.author, name: truncate(e.author.name, LIMITS.authorName) };
  if (e.author && !e.author.name.trim()) delete e.author;
  if (e.fields) e.fields = e.fields.slice(0, LIMITS.fields).map(fitField);
  return e;
}

/** Cuts `text` by about `by` characters but not below `floor`; returns the new text. */
function cut(text: string, by: number, floor: number): string {
  const target = Math.max(floor, text.length - by);
  return target >= text.length ? text : truncate(text, target);
}

/**
 * Brings all embeds under the 6000 total: long descriptions down to a floor, then field
 * values from the end, then trailing fields dropped, then descriptions cut further, then
 * trailing embeds dropped. Mutates the (already copied) embeds.
 */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  const excess = () => totalLength(embeds) - LIMITS.embedTotal;
  const byDescription = () => [...embeds].sort((a, b) => (b.description?.length ?? 0) - (a.description?.length ?? 0));
  for (const e of byDescription()) {
    if (excess() <= 0) return embeds;
    if (e.description) e.description = cut(e.description, excess(), DESCRIPTION_FLOOR);
  }
  for (const e of [...embeds].reverse()) {
    for (const f of [...(e.fields ?? [])].reverse()) {
      if (excess() <= 0) return embeds;
      f.value = cut(f.value, excess(), FIELD_FLOOR);
    }
  }
  for (const e of [...embeds].reverse()) {
    while (excess() > 0 && e.fields?.length) e.fields.pop();
  }
  for (const e of byDescription()) {
    if (excess() <= 0) return embeds;
    if (e.description) e.description = cut(e.description, excess(), 0) || undefined;
    if (!e.description) delete e.description;
  }
  while (excess() > 0 && embeds.length > 1) embeds.pop();
  return embeds;
}

function fitComponent(c: APIComponentInMessageActionRow): APIComponentInMessageActionRow | null {
  if ("custom_id" in c && (!c.custom_id || c.custom_id.length > LIMITS.customId)) return null;
  if (c.type === ComponentType.Button) {
    return "label" in c && c.label !== undefined ? { ...c, label: truncate(c.label, LIMITS.buttonLabel) } : c;
  }
  if (c.type !== ComponentType.StringSelect) return c;
  const options = c.options
    .filter((o) => o.value.length > 0 && o.value.length <= LIMITS.selectOptionValue)
    .slice(0, LIMITS.selectOptions)
    .map(({ description, ...o }) => {
      const label = truncate(o.label, LIMITS.selectOptionLabel) || o.value;
      return description ? { ...o, label, description: truncate(description, LIMITS.selectOptionDescription) } : { ...o, label };
    });
  if (options.length === 0) return null;
  const placeholder = c.placeholder === undefined ? undefined : truncate(c.placeholder, LIMITS.selectPlaceholder);
  return placeholder === undefined ? { ...c, options } : { ...c, options, placeholder };
}

function fitRows(rows: readonly ActionRow[]): ActionRow[] {
  const out: ActionRow[] = [];
  for (const row of rows) {
    const components = row.components.map(fitComponent).filter((c): c is APIComponentInMessageActionRow => c !== null);
    const select = components.find((c) => c.type !== ComponentType.Button);
    const kept = select ? [select] : components.slice(0, LIMITS.rowButtons);
    if (kept.length > 0) out.push({ ...row, components: kept });
  }
  return out.slice(0, LIMITS.actionRows);
}

/**
 * A copy of `reply` inside every Discord limit: content, each embed part, the 6000 total
 * across embeds (cutting the longest parts first), at most 10 embeds and 25 fields, no
 * empty field names or values, and components Discord would accept (a component whose
 * custom_id is missing or too long is dropped rather than cut, since a cut id routes
 * nowhere).
 */
export function fitMessage(reply: Reply): Reply {
  const out: Reply = { ...reply };
  if (out.content !== undefined) out.content = truncate(out.content, LIMITS.content);
  if (out.embeds) out.embeds = fitTotal(out.embeds.slice(0, LIMITS.embeds).map(fitEmbed));
  if (out.components) out.components = fitRows(out.components);
  return out;
}

/** Autocomplete choices Discord accepts: ≤ 25, names 1–100, values 1–100 (longer values dropped), no repeated values. */
export function fitChoices(choices: readonly Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (!c.value || c.value.length > LIMITS.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    const name = truncate(c.name.replace(/\s+/g, " ").trim(), LIMITS.choiceName) || truncate(c.value, LIMITS.choiceName);
    out.push({ name, value: c.value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}
