/**
 * The recap fan-out over 4 shards: every server's recap due at the same minute, run by the
 * real scheduler in the process holding the scheduler lease (src/ops/scheduled.ts), through
 * the real client against the fake Discord, which does not rate-limit — discord.js paces all
 * REST calls to Discord's 50 per second, interaction answers included. Meanwhile `/help` is
 * sent from random servers five times a second, and its round trip is compared with the same
 * command on an idle bot. Then every channel is counted: each recap posted once, none lost.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../../db/index.ts";
import { upsertRecapSchedule } from "../../../db/recaps.ts";
import { getStoryBySlug } from "../../../db/stories.ts";
import { startBot } from "../../../src/bot/app.ts";
import { createRest, deployCommands } from "../../../src/bot/deploy.ts";
import { loadConfig } from "../../../src/config.ts";
import { startScheduledWork } from "../../../src/ops/scheduled.ts";
import { recapMarker } from "../../../src/recap/nonce.ts";
import { importFiles } from "../../../src/story/import.ts";
import { FakeDiscord } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";
import { since, summarize } from "../stats.ts";
import { BENCH_TOKEN, quietLogger } from "./quiet-log.ts";
import { spreadGuilds } from "./shards.ts";
import { LOOP_DELAY_TARGET_MS, withLoopDelay } from "../loop-delay.ts";

const DAY = 86_400_000;
const SLOT = Date.UTC(2025, 5, 2, 9, 0);
const SLUG = "fan-out";
/** Interactions per second sent while the fan-out runs. */
const COMMANDS_PER_SECOND = 5;

/** A three-event story added half a day before the slot: one recap message per server. */
const STORY = `story: { slug: ${SLUG}, title: "Fan-out", language: en }
entities:
  - { id: ada, kind: person, name: "Ada Lovelace" }
events:
${[1, 2, 3].map((i) => `  - { id: e${i}, at: "2025-06-0${i}", title: "Development ${i}", entities: [ada], sources: [{ name: "Wire" }] }`).join("\n")}
`;

export async function fanOutSection(ctx: WithDb, servers: number): Promise<Row[]> {
  const db = openDatabase(join(ctx.dir, "shards-fanout.db"));
  const storyFile = join(ctx.dir, "fan-out.yaml");
  writeFileSync(storyFile, STORY);
  if (!importFiles(db, [storyFile], SLOT - DAY / 2).ok) throw new Error("fan-out story refused");
  const storyId = getStoryBySlug(db, SLUG)!.id;
  // Identify concurrency 16 here: this start is not what is measured.
  const fake = await FakeDiscord.start({ guilds: spreadGuilds(servers), sharding: { maxConcurrency: 16 } });
  const { log, lines } = quietLogger();
  const config = { ...loadConfig({}), DISCORD_API_BASE: fake.apiBase, DEFAULT_STORY: SLUG, GATEWAY_SHARDS: 4 };
  const bot = await startBot({ config, db, log, token: BENCH_TOKEN, now: () => SLOT + 20_000, readyTimeoutMs: 120_000 });
  let scheduled = null as ReturnType<typeof startScheduledWork> | null;
  try {
    await deployCommands(createRest(BENCH_TOKEN, fake.apiBase), fake.applicationId, bot.commands.values());
    const randomGuild = () => fake.guilds[Math.floor(Math.random() * fake.guilds.length)]!;
    const help = async (): Promise<number | null> => {
      const g = randomGuild();
      const t0 = performance.now();
      const out = await (await fake.command({ name: "help", guildId: g.id, channelId: g.channels[0]!.id }))
        .settled({ quietMs: 0, timeoutMs: 10_000 })
        .catch(() => null);
      return out?.reply ? since(t0) : null;
    };
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push((await help()) ?? Number.NaN);

    db.transaction(() => {
      for (const g of fake.guilds) {
        upsertRecapSchedule(db, {
          guildId: g.id,
          storyId,
          channelId: g.channels[1]!.id,
          time: "09:00",
          timezone: "UTC",
          userId: null,
          now: SLOT - DAY,
          nextSlot: SLOT,
          watermark: SLOT - DAY,
        });
      }
    })();
    ctx.say(`recap fan-out over 4 shards: ${servers.toLocaleString("en-US")} servers due at once, /help ${COMMANDS_PER_SECOND}×/s meanwhile`);
    const busy: Promise<number | null>[] = [];
    const sender = setInterval(() => busy.push(help()), 1000 / COMMANDS_PER_SECOND);
    const pending = db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM recap_schedules WHERE last_slot IS NOT ?");
    let t0 = 0;
    const loop = await withLoopDelay(async () => {
      t0 = performance.now();
      scheduled = startScheduledWork(bot);
      for (const until = Date.now() + (servers / 20 + 120) * 1000; pending.get(SLOT)!.n > 0 && Date.now() < until; )
        await new Promise((r) => setTimeout(r, 100));
    });
    const ms = since(t0);
    clearInterval(sender);
    const during = await Promise.all(busy);

    let lost = 0;
    let doubled = 0;
    const rows = db.prepare<[], { id: number; guild_id: string; channel_id: string }>("SELECT id, guild_id, channel_id FROM recap_schedules").all();
    for (const s of rows) {
      const posts = fake.channelMessages(s.channel_id).filter((m) => !m.interactionId);
      if (posts.length === 0 || posts[0]!.nonce !== recapMarker(s.id, SLOT, 0)) lost++;
      if (posts.length > 1) doubled++;
    }
    const posts = fake.allMessages().filter((m) => !m.interactionId).length;
    const rate = posts / (ms / 1000);
    const answered = during.filter((x): x is number => x !== null);
    const d = summarize(answered);
    const i = summarize(idle.filter((x) => !Number.isNaN(x)));
    return [
      {
        measure: `recap fan-out, ${servers.toLocaleString("en-US")} servers over 4 shards (leader: one process)`,
        value: rate,
        unit: "posts/s",
        baseline: null,
        ratio: null,
        target: "≥ 45 posts/s of Discord's 50, none lost or doubled",
        ok: rate >= 45 && lost === 0 && doubled === 0,
        detail: { ms, posts, lost, doubled, leader: scheduled?.leader.holder, loggedWarnings: lines.length, firstWarnings: lines.slice(0, 3) },
      },
      {
        measure: `longest event-loop delay during the recap fan-out to ${servers.toLocaleString("en-US")} servers over 4 shards (p99 in detail)`,
        value: loop.maxDelayMs,
        unit: "ms",
        baseline: null,
        ratio: null,
        target: `< ${LOOP_DELAY_TARGET_MS} ms`,
        ok: loop.maxDelayMs < LOOP_DELAY_TARGET_MS,
        detail: { p99DelayMs: loop.p99DelayMs },
      },
      {
        measure: "/help round trip p99 during the fan-out (vs idle)",
        value: d.p99,
        unit: "ms",
        baseline: i.p99,
        ratio: d.p99 / i.p99,
        target: "all answered, p99 < 3,000 ms (Discord's deadline)",
        ok: answered.length === during.length && d.p99 < 3000,
        detail: { sent: during.length, answered: answered.length, median: d.median, max: d.max, idleMedian: i.median },
      },
    ];
  } finally {
    await scheduled?.stop();
    await bot.stop();
    await fake.stop();
    db.close();
  }
}
