import { randomBytes } from "node:crypto";
import type { Interaction } from "discord.js";
import { databaseUnavailable } from "../../db/index.ts";
import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { langFromLocale } from "../i18n/index.ts";
import type { BotContext, Command, InteractionReport } from "../context.ts";
import { UserError } from "../context.ts";
import { replyPrivately } from "../command-kit/reply.ts";
import { inServerWithBot } from "../resolvers/story.ts";
import { tellFollowPause } from "../courier/follows-notice.ts";

/** Where a custom_id points: the owning command, and the arguments after its prefix. */
function routeCustomId(customId: string, byPrefix: Map<string, Command>): { cmd: Command; args: string[] } | null {
  const [prefix, ...args] = customId.split(":");
  const cmd = prefix ? byPrefix.get(prefix) : undefined;
  return cmd ? { cmd, args } : null;
}

/**
 * Whether this use of `cmd` needs Storyline in the server (Command.scope): the whole command,
 * or the subcommands not listed as anywhere (and always its buttons, selects and modals).
 */
function needsServer(cmd: Command, i: Interaction): boolean {
  const scope = cmd.scope ?? "server";
  if (typeof scope === "string") return scope === "server";
  if (i.isChatInputCommand() || i.isAutocomplete()) return !scope.anywhere.includes(i.options.getSubcommand(false) ?? "");
  return true;
}

/** What runs anywhere, as typed: "who", "story list", … (the refusal of a server-only command lists them). */
function anywhereCommands(commands: Map<string, Command>): string[] {
  return [...commands.values()].flatMap((c) => {
    const scope = c.scope ?? "server";
    if (typeof scope !== "string") return scope.anywhere.map((sub) => `${c.data.name} ${sub}`);
    return scope === "anywhere" ? [c.data.name] : [];
  });
}

/** Context for logs: who did what where. Never the token. */
function logContext(i: Interaction): Record<string, unknown> {
  return {
    command: i.isCommand() || i.isAutocomplete() ? i.commandName : undefined,
    customId: i.isMessageComponent() || i.isModalSubmit() ? i.customId.slice(0, 100) : undefined,
    guildId: i.guildId,
    userId: i.user.id,
    interactionId: i.id,
  };
}

/**
 * The one `interactionCreate` handler: routes slash commands, autocomplete, components and
 * modals to their command, and owns every failure: a `UserError` is shown as it is, a
 * database that is locked or read-only gets a plain "nothing was saved, try again", anything
 * else is logged with an error id and answered with a short text naming that id. It never
 * throws, so no failure can crash the process or leave an interaction unanswered.
 */
export function createDispatcher(commands: Map<string, Command>, ctx: BotContext): (i: Interaction) => Promise<void> {
  const byPrefix = new Map<string, Command>();
  for (const cmd of commands.values()) if (cmd.prefix) byPrefix.set(cmd.prefix, cmd);
  const readable = anywhereCommands(commands);
  /** Refuses, before it runs, a server-only command (or its component) where Storyline is not in the server. */
  const refuseOutsideServer = (cmd: Command, i: Interaction, lang: Lang): void => {
    if (!inServerWithBot(i) && needsServer(cmd, i)) throw new UserError(t(lang).anywhere.needsServer(cmd.data.name, readable));
  };

  return async (interaction) => {
    const log = ctx.log.child(logContext(interaction));
    const lang = langFromLocale(interaction.locale);
    const started = performance.now();
    const report: Omit<InteractionReport, "ms"> = { kind: "command", name: "unknown", outcome: "ok" };
    try {
      describeFor(interaction, commands, byPrefix, report);
      if (interaction.isChatInputCommand()) {
        const cmd = commands.get(interaction.commandName);
        if (!cmd) throw new UserError(t(lang).errors.expired);
        refuseOutsideServer(cmd, interaction, lang);
        await cmd.execute(interaction, ctx);
        // After the answer: why their follow DMs are paused, once (src/courier/follows-notice.ts).
        await tellFollowPause(interaction, ctx).catch((err: unknown) => log.warn({ err }, "could not send the follow pause notice"));
      } else if (interaction.isAutocomplete()) {
        const cmd = commands.get(interaction.commandName);
        if (!cmd?.autocomplete || (!inServerWithBot(interaction) && needsServer(cmd, interaction))) return void (await interaction.respond([]));
        await cmd.autocomplete(interaction, ctx);
      } else if (interaction.isMessageComponent()) {
        const route = routeCustomId(interaction.customId, byPrefix);
        if (!route?.cmd.button) throw new UserError(t(lang).errors.expired);
        refuseOutsideServer(route.cmd, interaction, lang);
        await route.cmd.button(interaction, ctx, route.args);
      } else if (interaction.isModalSubmit()) {
        const route = routeCustomId(interaction.customId, byPrefix);
        if (!route?.cmd.modal) throw new UserError(t(lang).errors.expired);
        refuseOutsideServer(route.cmd, interaction, lang);
        await route.cmd.modal(interaction, ctx, route.args);
      }
    } catch (err) {
      report.outcome = err instanceof UserError ? "refused" : databaseUnavailable(err) ? "unavailable" : "error";
      if (interaction.isAutocomplete()) {
        log.warn({ err }, "autocomplete failed");
        if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
        return;
      }
      let message: string;
      const unavailable = databaseUnavailable(err);
      if (err instanceof UserError) {
        log.debug({ reason: err.message }, "refused");
        message = err.message;
      } else if (unavailable) {
        // Not a bug: another writer holds the lock, or the file is read-only. Nothing was saved.
        log.error({ err }, "database unavailable");
        message = unavailable === "busy" ? t(lang).errors.dbBusy : t(lang).errors.dbReadOnly;
      } else {
        const errorId = randomBytes(4).toString("hex");
        log.error({ err, errorId }, "interaction failed");
        message = t(lang).errors.generic(errorId);
      }
      if (!interaction.isRepliable()) return;
      await replyPrivately(interaction, message).catch((replyErr: unknown) => log.warn({ err: replyErr }, "could not send the error reply"));
    } finally {
      ctx.observer?.interaction({ ...report, ms: performance.now() - started });
    }
  };
}

/** Fills in what kind of interaction this is and which command it belongs to, for the observer. */
function describeFor(i: Interaction, commands: Map<string, Command>, byPrefix: Map<string, Command>, report: Pick<InteractionReport, "kind" | "name">): void {
  if (i.isChatInputCommand() || i.isAutocomplete()) {
    report.kind = i.isAutocomplete() ? "autocomplete" : "command";
    if (commands.has(i.commandName)) report.name = i.commandName;
  } else if (i.isMessageComponent() || i.isModalSubmit()) {
    report.kind = i.isModalSubmit() ? "modal" : "component";
    report.name = routeCustomId(i.customId, byPrefix)?.cmd.data.name ?? "unknown";
  }
}
