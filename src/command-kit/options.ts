/**
 * Reading text options at the edge. Every command reads its string options (and the value
 * being autocompleted) through here, so control characters — NUL, escape, DEL, C1 — never
 * reach a resolver, the database, a log line or a reply.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from "discord.js";

/** `text` without control characters: line breaks and tabs become spaces, every other one goes. Pure. */
export function cleanText(text: string): string {
  return text.replace(/[\t\n\v\f\r\u0085\u2028\u2029]/g, " ").replace(/\p{Cc}/gu, "");
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
