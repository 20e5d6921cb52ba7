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
  /** Told of every interaction the dispatcher handled (the operator's metrics); optional. */
  observer?: InteractionObserver;
}

/** One handled interaction, as the dispatcher reports it. */
export interface InteractionReport {
  kind: "command" | "autocomplete" | "component" | "modal";
  /** The command's name (for components and modals, the command owning the custom_id; "unknown" if none). */
  name: string;
  /** ok; refused (a UserError); unavailable (database locked or read-only); error (a bug, logged with an id). */
  outcome: "ok" | "refused" | "unavailable" | "error";
  /** From the dispatcher receiving it to the handler (and any error reply) finishing. */
  ms: number;
}

/** Receives a report of every handled interaction; must not throw. */
export interface InteractionObserver {
  interaction(report: InteractionReport): void;
}

/**
 * Where a command can run. "anywhere": also in DMs, group DMs and servers Storyline has not
 * joined (a user install), reading no guild data; "server": only in a server the bot is in.
 * `{ anywhere: [...] }`: those subcommands run anywhere, the others (and the command's
 * buttons, selects and modals) need the bot in a server.
 */
export type CommandScope = "anywhere" | "server" | { anywhere: readonly string[] };

/**
 * One slash command: `commands/<name>.ts` default-exports one of these.
 * `prefix` names the custom_id prefix (`prefix:...`) its buttons, selects and modals use;
 * the dispatcher routes those back to `button` and `modal`.
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Where it may run (the dispatcher refuses it elsewhere, before it runs). Default "server". */
  scope?: CommandScope;
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
