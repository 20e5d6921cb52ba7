import { Events, type Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { createClient } from "./client.ts";
import type { BotContext, Command, InteractionObserver } from "../context.ts";
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
  /** How long to wait for the next shard's READY and guilds (default 30 s; the clock restarts at each shard). */
  readyTimeoutMs?: number;
  /** Told of every interaction handled (metrics). */
  observer?: InteractionObserver;
}

/**
 * Close codes after which discord.js gives a shard up for good, and what to tell the operator.
 * Before ready they fail the start at once instead of waiting for the ready timeout.
 */
const FATAL_CLOSE: Record<number, string> = {
  4004: "Discord refused the token (check DISCORD_TOKEN)",
  4010: "Discord refused the shard settings as invalid (close code 4010); check GATEWAY_SHARDS",
  4011: "Discord requires more shards for this many servers (close code 4011); set GATEWAY_SHARDS=auto or a larger count",
  4013: "Discord refused the gateway intents (close code 4013)",
  4014: "Discord refused a privileged intent this bot was not granted (close code 4014)",
};

/**
 * Starts the bot: the discord.js client, the one interaction dispatcher, login, and waits
 * until every guild has arrived. The same code runs live and against the fake Discord.
 */
export async function startBot(opts: StartOptions): Promise<Bot> {
  const commands = opts.commands ?? (await loadCommands());
  const ctx: BotContext = { db: opts.db, config: opts.config, log: opts.log, now: opts.now ?? Date.now, observer: opts.observer };
  const client = createClient(opts.config.DISCORD_API_BASE, opts.config.GATEWAY_SHARDS);
  const dispatch = createDispatcher(commands, ctx);
  client.on(Events.InteractionCreate, (i) => void dispatch(i));
  client.on(Events.Error, (err) => opts.log.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => opts.log.warn({ message }, "discord client warning"));
  client.on(Events.ShardResume, (shardId, replayed) => opts.log.info({ shardId, replayed }, "gateway session resumed"));
  client.on(Events.ShardDisconnect, (event, shardId) => opts.log.warn({ shardId, code: event.code }, "gateway disconnected"));
  client.on(Events.ShardReady, (shardId, unavailable) => opts.log.info({ shardId, unavailable: unavailable?.size ?? 0 }, "shard ready"));

  let refusal: Error | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    // A watchdog, re-armed as each shard gets ready: many shards take 5 s each to IDENTIFY.
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => reject(new Error("Discord did not get ready in time")), opts.readyTimeoutMs ?? 30_000);
    };
    const refused = (event: { code: number }) => {
      const why = FATAL_CLOSE[event.code];
      if (!why) return;
      clearTimeout(timer);
      refusal = Object.assign(new Error(why), { code: event.code === 4004 ? "TokenInvalid" : `GatewayClose${event.code}` });
      reject(refusal);
    };
    arm();
    client.on(Events.ShardReady, arm);
    client.on(Events.ShardDisconnect, refused);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      client.off(Events.ShardReady, arm);
      client.off(Events.ShardDisconnect, refused);
      resolve();
    });
  });
  // A refusal can come while login() is still pending; it is awaited just below.
  ready.catch(() => undefined);
  try {
    await client.login(opts.token);
    await ready;
  } catch (err) {
    await client.destroy();
    // login() may fail on the same close with discord.js's own words; ours say what to change.
    throw refusal ?? err;
  }
  opts.log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.ws.shards.size, commands: commands.size }, "ready");
  return {
    client,
    commands,
    ctx,
    stop: async () => {
      await client.destroy();
    },
  };
}
