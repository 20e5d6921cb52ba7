import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from "discord.js";
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

/** Every command is offered to both installs (a server's and a user's own) ... */
export const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;
/** ... and in every context: servers, the DM with the bot, group DMs and other users' DMs. */
export const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;

/**
 * A slash command builder with its localized name and description, registered for both
 * installation types and all three contexts. Registration says where Discord shows it;
 * whether it can run there is the dispatcher's business (Command.scope).
 */
export function slash(key: CommandKey): SlashCommandBuilder {
  return named(new SlashCommandBuilder(), key)
    .setIntegrationTypes(...INTEGRATION_TYPES)
    .setContexts(...CONTEXTS);
}
