/**
 * A world for alert tests: the mini story in a real SQLite file, the real bot against the
 * fake Discord (a server with #general, #alerts and a role to mention), and the alert courier
 * driven by `tick()` instead of its timer.
 */
import { join } from "node:path";
import { openDatabase, type Db } from "../../db/index.ts";
import { startAlertCourier } from "../../src/courier/alert-courier.ts";
import type { Courier } from "../../src/courier/runner.ts";
import type { DeliverHooks } from "../../src/outbox/deliver.ts";
import { importFiles } from "../../src/story/import.ts";
import type { FakeDiscord, FakeMessage, InteractionOutcome } from "../../tools/fake-discord/index.ts";
import { startTestBot, type TestBot } from "./bot.ts";
import { EDITOR } from "./editor.ts";
import { miniStory, tempDir } from "./tmp.ts";

export const SLUG = "mini-story";
/** The role alerts mention in these tests. */
export const ROLE_ID = "1420000000000000042";
/** A role nobody may mention. */
export const QUIET_ROLE_ID = "1420000000000000043";

/** One more event of the mini story, as YAML. */
export function storyEvent(key: string, title: string, importance: number, day = "2024-02-01"): string {
  return `  - id: ${key}
    at: "${day}"
    title: ${JSON.stringify(title)}
    importance: ${importance}
    entities: [ada]
    sources:
      - { name: "Wire ${key}", url: "https://example.org/${key}" }
`;
}

export interface AlertWorld {
  t: TestBot;
  db: Db;
  dbPath: string;
  courier: Courier;
  guildId: string;
  /** #general: where commands are typed. */
  general: string;
  /** #alerts: where the tests send alerts. */
  alerts: string;
  /** Adds events to the story file and imports it. */
  addEvents(...yaml: string[]): void;
  /** Runs `/alerts` as an admin (in #general). */
  alertsCommand(options?: Record<string, string | number | boolean>, extra?: { locale?: string; admin?: boolean }): Promise<InteractionOutcome>;
  /** Channel posts (not interaction replies) in a channel. */
  posts(channelId: string): FakeMessage[];
  /** Stops the courier and the bot and starts both again on the same database and fake Discord. */
  restart(hooks?: DeliverHooks): Promise<void>;
  stop(): Promise<void>;
}

export interface AlertWorldOptions {
  locale?: string;
  hooks?: DeliverHooks;
  nonceWindowMs?: number;
  publicUrl?: string;
}

export async function startAlertWorld(opts: AlertWorldOptions = {}): Promise<AlertWorld> {
  const tmp = tempDir("storyline-alerts-");
  const dbPath = join(tmp.dir, "bot.db");
  const db = openDatabase(dbPath);
  const extra: string[] = [];
  const write = () => tmp.file("story.yaml", miniStory(SLUG, extra.join("")));
  const first = importFiles(db, [write()], Date.now());
  if (!first.ok) throw new Error(JSON.stringify(first.refusals));
  const config = { DEFAULT_STORY: SLUG, EDITOR_USER_IDS: [EDITOR.id], ...(opts.publicUrl ? { PUBLIC_URL: opts.publicUrl } : {}) };
  const guilds = [
    {
      name: "News",
      preferredLocale: opts.locale ?? "en-US",
      channels: [{ name: "general" }, { name: "alerts" }],
      roles: [
        { id: ROLE_ID, name: "news-fans", mentionable: true },
        { id: QUIET_ROLE_ID, name: "quiet", mentionable: false },
      ],
    },
  ];
  const boot = async (reuse: FakeDiscord | undefined, hooks: DeliverHooks | undefined) => {
    const t = await startTestBot({ db, config, ...(reuse ? { reuseFake: reuse } : { fake: { guilds, nonceWindowMs: opts.nonceWindowMs } }) });
    return { t, courier: startAlertCourier({ client: t.bot.client, ctx: t.bot.ctx, hooks, schedule: false }) };
  };
  const started = await boot(undefined, opts.hooks);
  const fake = started.t.fake;
  const guild = fake.defaultGuild();
  const world: AlertWorld = {
    ...started,
    db,
    dbPath,
    guildId: guild.id,
    general: guild.channels[0]!.id,
    alerts: guild.channels[1]!.id,
    addEvents: (...yaml) => {
      extra.push(...yaml);
      const r = importFiles(db, [write()], Date.now());
      if (!r.ok) throw new Error(JSON.stringify(r.refusals));
    },
    alertsCommand: async (options = {}, extraOpts = {}) =>
      (
        await world.t.fake.command({
          name: "alerts",
          options,
          channelId: world.general,
          admin: extraOpts.admin ?? true,
          locale: extraOpts.locale ?? opts.locale ?? "en-US",
        })
      ).settled(),
    posts: (channelId) => fake.channelMessages(channelId).filter((m) => !m.interactionId),
    restart: async (hooks) => {
      await world.courier.stop();
      await world.t.bot.stop();
      const next = await boot(fake, hooks);
      world.t = next.t;
      world.courier = next.courier;
    },
    stop: async () => {
      await world.courier.stop();
      await world.t.bot.stop();
      await fake.stop();
      db.close();
      tmp.cleanup();
    },
  };
  return world;
}
