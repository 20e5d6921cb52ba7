import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageComponentInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Db } from "../db/index.ts";
import type { Config } from "./config.ts";
import type { Logger } from "./log.ts";

/** What every handler gets besides its interaction: the process's shared parts. */
export interface BotContext {
  db: Db;
  config: Config;
  log: Logger;
  /** The current time in ms; tests move it. */
  now: () => number;
}

/**
 * One slash command: `commands/<name>.ts` default-exports one of these.
 * `prefix` names the custom_id prefix (`prefix:...`) its buttons, selects and modals use;
 * the dispatcher routes those back to `button` and `modal`.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<unknown>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<unknown>;
  prefix?: string;
  button?(interaction: MessageComponentInteraction, ctx: BotContext, args: string[]): Promise<unknown>;
  modal?(interaction: ModalSubmitInteraction, ctx: BotContext, args: string[]): Promise<unknown>;
}

/**
 * A deliberate refusal meant for the user (bad input, no permission, nothing found): the
 * dispatcher shows its message ephemerally and logs it at debug level, not as a failure.
 */
export class UserError extends Error {
  override name = "UserError";
}
