import { SlashCommandBuilder } from "discord.js";
import { localized, type CommandKey } from "../i18n/index.ts";

/** Anything with the builders' name/description setters (commands, subcommands, options). */
interface Describable {
  setName(name: string): unknown;
  setDescription(description: string): unknown;
  setNameLocalizations(l: Record<string, string>): unknown;
  setDescriptionLocalizations(l: Record<string, string>): unknown;
}

/** Applies the name, description and zh-CN / zh-TW localizations of `key` to a builder. */
export function named<T extends Describable>(builder: T, key: CommandKey): T {
  const text = localized(key);
  builder.setName(text.name);
  builder.setDescription(text.description);
  builder.setNameLocalizations(text.nameLocalizations);
  builder.setDescriptionLocalizations(text.descriptionLocalizations);
  return builder;
}

/** A slash command builder with its localized name and description. */
export function slash(key: CommandKey): SlashCommandBuilder {
  return named(new SlashCommandBuilder(), key);
}
