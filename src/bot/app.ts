import { Events, type Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { createClient } from "./client.ts";
import type { BotContext, Command } from "../context.ts";
import { createDispatcher } from "./dispatch.ts";
import { loadCommands } from "./loader.ts";

/** A running bot: its client, commands and shared context. */
export interface Bot {
  client: Client;
  commands: Map<string, Command>;
  ctx: BotContext;
  /** Logs out and closes the gateway; the database stays open (its owner closes it). */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  db: Db;
  log: Logger;
  token: string;
  commands?: Map<string, Command>;
  now?: () => number;
  /** How long to wait for the gateway's READY and every guild (default 30 s). */
  readyTimeoutMs?: number;
}

/**
 * Starts the bot: the discord.js client, the one interaction dispatcher, login, and waits
 * until every guild has arrived. The same code runs live and against the fake Discord.
 */
export async function startBot(opts: StartOptions): Promise<Bot> {
  const commands = opts.commands ?? (await loadCommands());
  const ctx: BotContext = { db: opts.db, config: opts.config, log: opts.log, now: opts.now ?? Date.now };
  const client = createClient(opts.config.DISCORD_API_BASE);
  const dispatch = createDispatcher(commands, ctx);
  client.on(Events.InteractionCreate, (i) => void dispatch(i));
  client.on(Events.Error, (err) => opts.log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => opts.log.warn({ message }, "discord client warning"));
  client.on(Events.ShardResume, (shardId, replayed) => opts.log.info({ shardId, replayed }, "gateway session resumed"));
  client.on(Events.ShardDisconnect, (event, shardId) => opts.log.warn({ shardId, code: event.code }, "gateway disconnected"));

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Discord did not get ready in time")), opts.readyTimeoutMs ?? 30_000);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(opts.token);
    await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  opts.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, commands: commands.size }, "ready");
  return {
    client,
    commands,
    ctx,
    stop: async () => {
      await client.destroy();
    },
  };
}
