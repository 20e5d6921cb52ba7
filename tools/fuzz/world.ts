/**
 * What the fuzzer drives: the real bot (startBot) on a real SQLite file in a temp folder,
 * with the bundled stories and a hostile one synced (and feed suggestions waiting for
 * review), against a fake Discord with two guilds (English and Chinese), the commands
 * registered in both, some fuzz users in EDITOR_USER_IDS, and the sample feeds served on
 * 127.0.0.1 for /feed add. Every log line goes through a {@link LogWatch}.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase, type Db } from "../../db/index.ts";
import { setGuildStory } from "../../db/guilds.ts";
import { startBot, type Bot } from "../../src/bot/app.ts";
import type { Command } from "../../src/context.ts";
import { createRest, deployCommands } from "../../src/bot/deploy.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { FEED_FIXTURES_DIR, startFixtureServer, type FixtureServer } from "../../src/sandbox/sample-feeds.ts";
import { FakeDiscord } from "../fake-discord/index.ts";
import { importFiles, syncStories } from "../../src/story/import.ts";
import { LogWatch } from "./logs.ts";
import type { Rng } from "./prng.ts";
import { seedPending } from "./seed.ts";
import { FUZZ_STORY, hostileStory } from "./story.ts";
import { FUZZ_TOKEN } from "./token.ts";
import type { Vocabulary } from "./strings.ts";
import { vocabularyOf } from "./vocabulary.ts";
import type { Targets } from "./values.ts";

export { FUZZ_TOKEN };

const STORIES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "stories");

/** A user the fuzzer acts as. */
export interface FuzzUser {
  id: string;
  username: string;
  editor: boolean;
}

export const FUZZ_USERS: readonly FuzzUser[] = [
  { id: "1600000000000000001", username: "eve-editor", editor: true },
  { id: "1600000000000000002", username: "ed-editor", editor: true },
  { id: "1600000000000000003", username: "mallory", editor: false },
  { id: "1600000000000000004", username: "\u202Eevil\u200B", editor: false },
  { id: "1600000000000000005", username: "@everyone", editor: false },
];

export interface FuzzWorld {
  fake: FakeDiscord;
  bot: Bot;
  db: Db;
  config: Config;
  logs: LogWatch;
  guildIds: string[];
  vocabulary: Vocabulary;
  targets: Targets;
  stop(): Promise<void>;
}

/** Starts the world; `rng` shapes the hostile story. `commands` replaces the loaded ones (tests). */
export async function startWorld(rng: Rng, commands?: Map<string, Command>): Promise<FuzzWorld> {
  const dir = mkdtempSync(join(tmpdir(), "storyline-fuzz-"));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const db = openDatabase(join(dir, "fuzz.db"));
  const logs = new LogWatch([FUZZ_TOKEN]);
  let fake: FakeDiscord | undefined;
  let feeds: FixtureServer | undefined;
  try {
    syncStories(db, STORIES_DIR);
    const hostile = join(dir, `${FUZZ_STORY}.json`);
    writeFileSync(hostile, hostileStory(rng));
    const imported = importFiles(db, [hostile]);
    if (!imported.ok) throw new Error(`fuzz: the hostile story was refused: ${JSON.stringify(imported.refusals).slice(0, 2000)}`);
    seedPending(db, rng, Date.now());
    feeds = await startFixtureServer(FEED_FIXTURES_DIR);

    fake = await FakeDiscord.start({
      guilds: [
        { name: "Fuzz", preferredLocale: "en-US", channels: [{ name: "general" }, { name: "news" }] },
        { name: "模糊测试", preferredLocale: "zh-CN", channels: [{ name: "综合" }] },
      ],
    });
    const config: Config = {
      ...loadConfig({}),
      DATABASE_PATH: join(dir, "fuzz.db"),
      DISCORD_API_BASE: fake.apiBase,
      EDITOR_USER_IDS: FUZZ_USERS.filter((u) => u.editor).map((u) => u.id),
    };
    const guildIds = fake.guilds.map((g) => g.id);
    setGuildStory(db, { guildId: guildIds[1]!, storySlug: FUZZ_STORY, setBy: null });
    const log = createLogger("debug", logs, [FUZZ_TOKEN]);
    const bot = await startBot({ config, db, log, token: FUZZ_TOKEN, ...(commands ? { commands } : {}) });
    const rest = createRest(FUZZ_TOKEN, fake.apiBase);
    for (const id of guildIds) await deployCommands(rest, fake.applicationId, bot.commands.values(), id);
    const [running, served] = [fake, feeds];
    return {
      fake: running,
      bot,
      db,
      config,
      logs,
      guildIds,
      vocabulary: vocabularyOf(db, served.baseUrl),
      targets: {
        userIds: [...FUZZ_USERS.map((u) => u.id), running.botUserId],
        channelIds: running.guilds.flatMap((g) => g.channels.map((c) => c.id)),
        roleIds: running.guilds.map((g) => g.everyoneRoleId),
      },
      stop: async () => {
        await bot.stop();
        await running.stop();
        await served.stop();
        db.close();
        cleanup();
      },
    };
  } catch (err) {
    await fake?.stop();
    await feeds?.stop();
    db.close();
    cleanup();
    throw err;
  }
}
