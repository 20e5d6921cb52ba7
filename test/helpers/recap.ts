/**
 * A world for recap tests: a real SQLite file in a temp dir holding a small story whose
 * events are added at chosen times, the real bot against the fake Discord on an injected
 * clock, and the recap scheduler driven by `tick()` instead of real minutes.
 */
import { join } from "node:path";
import { openDatabase, type Db } from "../../db/index.ts";
import { createRecapScheduler, type RecapScheduler } from "../../src/recap/scheduler.ts";
import type { RecapHooks } from "../../src/recap/post.ts";
import type { FakeDiscord, FakeGuildInit, FakeMessage } from "../../tools/fake-discord/index.ts";
import { importFiles } from "../../src/story/import.ts";
import { startTestBot, type TestBot } from "./bot.ts";
import { miniStory, tempDir } from "./tmp.ts";

export const SLUG = "mini-story";

/** One extra event of the mini story, as YAML: happened on `day`, involving `who`. */
export function eventYaml(key: string, day: string, title: string, who: string[] = ["ada"], source = `https://example.org/${key}`): string {
  return `  - id: ${key}
    at: "${day}"
    title: "${title}"
    entities: [${who.join(", ")}]
    sources:
      - { name: "Wire ${key}", url: "${source}" }
`;
}

/** Resolves once `check()` is true (polling every 10 ms), e.g. until a gateway update reached the bot. */
export async function until(check: () => boolean, what = "condition", timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface RecapWorld {
  t: TestBot;
  db: Db;
  scheduler: RecapScheduler;
  /** The injected clock (ms). */
  clock: { now: number };
  setNow(iso: string): void;
  /** Adds events to the story file and imports it at the current clock (their added_at). */
  addEvents(...yaml: string[]): void;
  /** Channel posts (not interaction replies) in a channel. */
  posts(channelId: string): FakeMessage[];
  /** Stops the scheduler and the bot, then starts both again on the same database file and fake Discord. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface RecapWorldOptions {
  start: string;
  guilds?: FakeGuildInit[];
  hooks?: RecapHooks;
  /** Use a running fake Discord (for many guilds). */
  fake?: FakeDiscord;
  /** How long the fake Discord remembers a nonce (ms); tests shorten it to restart "after" it. */
  nonceWindowMs?: number;
}

/** Starts a recap world at `start` (ISO); the mini story's two events are added then. */
export async function startRecapWorld(opts: RecapWorldOptions): Promise<RecapWorld> {
  const tmp = tempDir("storyline-recap-");
  const dbPath = join(tmp.dir, "bot.db");
  const clock = { now: Date.parse(opts.start) };
  const db = openDatabase(dbPath);
  const extra: string[] = [];
  const write = () => tmp.file("story.yaml", miniStory(SLUG, extra.join("")));
  const imported = importFiles(db, [write()], clock.now);
  if (!imported.ok) throw new Error(JSON.stringify(imported.refusals));

  const boot = async (reuse?: FakeDiscord) => {
    const t = await startTestBot({
      db,
      now: () => clock.now,
      config: { DEFAULT_STORY: SLUG },
      ...(reuse
        ? { reuseFake: reuse }
        : { fake: { ...(opts.guilds ? { guilds: opts.guilds } : {}), ...(opts.nonceWindowMs ? { nonceWindowMs: opts.nonceWindowMs } : {}) } }),
    });
    return { t, scheduler: createRecapScheduler({ client: t.bot.client, ctx: t.bot.ctx, hooks: opts.hooks }) };
  };
  const first = await boot(opts.fake);
  const fake = first.t.fake;

  const world: RecapWorld = {
    ...first,
    db,
    clock,
    setNow: (iso) => {
      clock.now = Date.parse(iso);
    },
    addEvents: (...yaml) => {
      extra.push(...yaml);
      const r = importFiles(db, [write()], clock.now);
      if (!r.ok) throw new Error(JSON.stringify(r.refusals));
    },
    posts: (channelId) => fake.channelMessages(channelId).filter((m) => !m.interactionId),
    restart: async () => {
      await world.scheduler.stop();
      await world.t.bot.stop();
      const next = await boot(fake);
      world.t = next.t;
      world.scheduler = next.scheduler;
    },
    stop: async () => {
      await world.scheduler.stop();
      await world.t.bot.stop();
      if (!opts.fake) await fake.stop();
      db.close();
      tmp.cleanup();
    },
  };
  return world;
}
