import { ComponentType } from "discord.js";
import type { APIComponentInMessageActionRow, APIEmbed } from "discord.js";
import { embedLength } from "./fit.ts";
import { hasControl } from "../text/clean.ts";
import { LIMITS } from "./limits.ts";
import type { ActionRow, Choice, Reply } from "./reply.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The code of the first control character in `value`, as 4 hex digits. */
function controlCode(value: string): string {
  const c = /[^\P{Cc}\n]/u.exec(value)?.[0] ?? "";
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
}

/** Collects problems as "path: what is wrong". */
class Problems {
  readonly list: string[] = [];
  /** A text that must be 1..max long (or absent when `optional`), well-formed and free of control characters. */
  text(path: string, value: string | undefined, max: number, optional = true): void {
    if (value === undefined) {
      if (!optional) this.list.push(`${path}: missing`);
      return;
    }
    if (!value.trim()) this.list.push(`${path}: empty`);
    if (value.length > max) this.list.push(`${path}: ${value.length} > ${max}`);
    if (LONE_SURROGATE.test(value)) this.list.push(`${path}: broken surrogate pair`);
    if (hasControl(value)) this.list.push(`${path}: control character U+${controlCode(value)}`);
  }
  count(path: string, n: number, max: number): void {
    if (n > max) this.list.push(`${path}: ${n} > ${max}`);
  }
}

function checkEmbed(p: Problems, e: APIEmbed, at: string): void {
  p.text(`${at}.title`, e.title, LIMITS.title);
  p.text(`${at}.description`, e.description, LIMITS.description);
  p.text(`${at}.footer.text`, e.footer?.text, LIMITS.footer);
  p.text(`${at}.author.name`, e.author?.name, LIMITS.authorName);
  p.count(`${at}.fields`, e.fields?.length ?? 0, LIMITS.fields);
  for (const [j, f] of (e.fields ?? []).entries()) {
    p.text(`${at}.fields[${j}].name`, f.name, LIMITS.fieldName, false);
    p.text(`${at}.fields[${j}].value`, f.value, LIMITS.fieldValue, false);
  }
}

function checkComponent(p: Problems, c: APIComponentInMessageActionRow, at: string, ids: Set<string>): void {
  if ("custom_id" in c) {
    p.text(`${at}.custom_id`, c.custom_id, LIMITS.customId, false);
    if (ids.has(c.custom_id)) p.list.push(`${at}.custom_id: repeated "${c.custom_id}"`);
    ids.add(c.custom_id);
  } else if (c.type === ComponentType.Button && !("url" in c) && !("sku_id" in c)) {
    p.list.push(`${at}: button without custom_id or url`);
  }
  if (c.type === ComponentType.Button) {
    if ("label" in c) p.text(`${at}.label`, c.label, LIMITS.buttonLabel);
    return;
  }
  if ("placeholder" in c) p.text(`${at}.placeholder`, c.placeholder, LIMITS.selectPlaceholder);
  if (c.type !== ComponentType.StringSelect) return;
  if (c.options.length === 0) p.list.push(`${at}.options: none`);
  p.count(`${at}.options`, c.options.length, LIMITS.selectOptions);
  for (const [k, o] of c.options.entries()) {
    p.text(`${at}.options[${k}].label`, o.label, LIMITS.selectOptionLabel, false);
    p.text(`${at}.options[${k}].value`, o.value, LIMITS.selectOptionValue, false);
    p.text(`${at}.options[${k}].description`, o.description, LIMITS.selectOptionDescription);
  }
}

function checkRows(p: Problems, rows: readonly ActionRow[]): void {
  p.count("components", rows.length, LIMITS.actionRows);
  const ids = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `components[${i}]`;
    if (row.components.length === 0) p.list.push(`${at}: empty row`);
    const selects = row.components.filter((c) => c.type !== ComponentType.Button).length;
    if (selects > 0 && row.components.length > 1) p.list.push(`${at}: a select menu must be alone in its row`);
    p.count(`${at}.components`, row.components.length, LIMITS.rowButtons);
    for (const [j, c] of row.components.entries()) checkComponent(p, c, `${at}.components[${j}]`, ids);
  }
}

/**
 * Every way `reply` breaks Discord's limits, as readable strings ("embeds[0].fields[2].value:
 * empty"); an empty list means Discord will accept it. For tests and fuzzing.
 */
export function checkMessage(reply: Reply): string[] {
  const p = new Problems();
  const hasContent = !!reply.content?.trim();
  if (!hasContent && !reply.embeds?.length && !reply.components?.length) p.list.push("message: nothing to send");
  if (reply.content) p.text("content", reply.content, LIMITS.content);
  const embeds = reply.embeds ?? [];
  p.count("embeds", embeds.length, LIMITS.embeds);
  for (const [i, e] of embeds.entries()) checkEmbed(p, e, `embeds[${i}]`);
  const total = embeds.reduce((n, e) => n + embedLength(e), 0);
  if (total > LIMITS.embedTotal) p.list.push(`embeds: ${total} characters in all > ${LIMITS.embedTotal}`);
  checkRows(p, reply.components ?? []);
  return p.list;
}

/** Every way a list of autocomplete choices breaks Discord's limits; empty when fine. */
export function checkChoices(choices: readonly Choice[]): string[] {
  const p = new Problems();
  p.count("choices", choices.length, LIMITS.choices);
  for (const [i, c] of choices.entries()) {
    p.text(`choices[${i}].name`, c.name, LIMITS.choiceName, false);
    p.text(`choices[${i}].value`, c.value, LIMITS.choiceValue, false);
  }
  return p.list;
}
