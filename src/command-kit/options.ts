/**
 * Reading text options at the edge. Every command reads its string options (and the value
 * being autocompleted) through here, so control characters — NUL, escape, DEL, C1 — never
 * reach a resolver, the database, a log line or a reply.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from "discord.js";
import { stripControl } from "../text/clean.ts";

/** An option is one line: its line breaks become spaces, then every control character goes (the one rule of src/text/clean.ts). Pure. */
export function cleanText(text: string): string {
  return stripControl(text.replace(/[\n\v\f\r\u0085\u2028\u2029]/g, " "));
}

/** A string option, cleaned; null when it was not given. */
export function optionText(interaction: ChatInputCommandInteraction, name: string): string | null {
  const value = interaction.options.getString(name);
  return value === null ? null : cleanText(value);
}

/** A required string option, cleaned. */
export function requiredText(interaction: ChatInputCommandInteraction, name: string): string {
  return cleanText(interaction.options.getString(name, true));
}

/** The option being autocompleted: its name and what has been typed so far, cleaned. */
export function focusedText(interaction: AutocompleteInteraction): { name: string; value: string } {
  const focused = interaction.options.getFocused(true);
  return { name: focused.name, value: cleanText(String(focused.value)) };
}
