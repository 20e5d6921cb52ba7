import { Writable } from "node:stream";
import { openDatabase, type Db } from "../../db/index.ts";
import { startBot, type Bot } from "../../src/bot/app.ts";
import type { Command, InteractionObserver } from "../../src/context.ts";
import { createRest, deployCommands } from "../../src/bot/deploy.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { FakeDiscord, type FakeDiscordOptions } from "../../tools/fake-discord/index.ts";
import { syncStories } from "../../src/story/import.ts";

/** A token-shaped test secret: tests grep logs and replies for it. */
export const TEST_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.test-token.do-not-leak-0000";

export interface TestBot {
  fake: FakeDiscord;
  bot: Bot;
  db: Db;
  config: Config;
  /** Every log line the bot wrote, as text. */
  logs: string[];
  stop(): Promise<void>;
}

export interface TestBotOptions {
  fake?: FakeDiscordOptions;
  /** Reuse a running fake Discord (e.g. to restart the bot against it). */
  reuseFake?: FakeDiscord;
  commands?: Map<string, Command>;
  dbPath?: string;
  db?: Db;
  config?: Partial<Config>;
  now?: () => number;
  /** Register the commands in the default guild (default true). */
  deploy?: boolean;
  storiesDir?: string;
  /** Told of every interaction handled (metrics). */
  observer?: InteractionObserver;
}

/** The real bot against a fresh fake Discord, on a real SQLite database with the stories synced. */
export async function startTestBot(opts: TestBotOptions = {}): Promise<TestBot> {
  const fake = opts.reuseFake ?? (await FakeDiscord.start(opts.fake));
  const config: Config = { ...loadConfig({}), DISCORD_API_BASE: fake.apiBase, ...opts.config };
  const db = opts.db ?? openDatabase(opts.dbPath ?? ":memory:");
  if (!opts.db) syncStories(db, opts.storiesDir ?? "stories");
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = createLogger("debug", sink, [TEST_TOKEN]);
  const bot = await startBot({ config, db, log, token: TEST_TOKEN, commands: opts.commands, now: opts.now, observer: opts.observer });
  if (opts.deploy !== false) {
    await deployCommands(createRest(TEST_TOKEN, fake.apiBase), fake.applicationId, bot.commands.values(), fake.defaultGuild().id);
  }
  return {
    fake,
    bot,
    db,
    config,
    logs,
    stop: async () => {
      await bot.stop();
      if (!opts.db) db.close();
      if (!opts.reuseFake) await fake.stop();
    },
  };
}

/** The text of every embed and the content of a message, for loose assertions. */
export function textOf(m: { content?: string; embeds?: unknown[] } | undefined): string {
  if (!m) return "";
  const parts: string[] = [m.content ?? ""];
  for (const e of (m.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text?: string } }[]) {
    parts.push(e.title ?? "", e.description ?? "", ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? "");
  }
  return parts.join("\n");
}
