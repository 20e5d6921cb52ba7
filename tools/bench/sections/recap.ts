/**
 * Recap fan-out: 1,000 servers whose recap is due at the same minute, run by the real
 * scheduler (an injected clock, one `tick()`) through the real client against the fake
 * Discord, which does not rate-limit: this measures our queue (and discord.js's own ~50
 * requests/s pacing). Then every channel's messages are counted: none lost, none doubled,
 * and a second tick at the same minute posts nothing.
 */
import { addEditorEvent } from "../../../db/event-writes.ts";
import { upsertRecapSchedule } from "../../../db/recaps.ts";
import { getStoryById } from "../../../db/stories.ts";
import { startBot } from "../../../src/bot/app.ts";
import { loadConfig } from "../../../src/config.ts";
import { buildDigest } from "../../../src/recap/digest.ts";
import { createRecapScheduler } from "../../../src/recap/scheduler.ts";
import { renderDigest } from "../../../src/render/digest.ts";
import { FakeDiscord } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import { SLUG } from "../generate.ts";
import type { Row } from "../report.ts";
import { since } from "../stats.ts";
import { BENCH_TOKEN, quietLogger } from "./quiet-log.ts";
import { LOOP_DELAY_TARGET_MS, withLoopDelay } from "../loop-delay.ts";

const DAY = 86_400_000;
/** The minute every server is due: 09:00 UTC on a day after the import. */
const SLOT = Date.UTC(2025, 5, 2, 9, 0);
const NEW_EVENTS = 12;

/** Adds a few events "today" (what the recap reports), as an editor would. */
function addTodaysEvents(ctx: WithDb): void {
  const entityIds = (ctx.db.prepare("SELECT id FROM entities WHERE story_id = ? ORDER BY id LIMIT 40").all(ctx.storyId) as { id: number }[]).map((r) => r.id);
  for (let i = 0; i < NEW_EVENTS; i++) {
    const ev = ctx.syn.event(i);
    addEditorEvent(ctx.db, {
      storyId: ctx.storyId,
      event: { ...ev, at: SLOT - DAY / 2 + i * 60_000, entityIds: entityIds.slice(i, i + 2), sources: ev.sources },
      actor: { userId: "100000000000000001", userName: "bench" },
      changes: {},
      now: SLOT - DAY / 4 + i * 60_000,
    });
  }
}

/** `servers` schedules due at once; posts per second and per-channel message counts. */
export async function recapSection(ctx: WithDb, servers: number): Promise<Row[]> {
  const fake = await FakeDiscord.start({ guilds: Array.from({ length: servers }, (_, i) => ({ name: `Recap ${i + 1}` })) });
  const { log, lines } = quietLogger();
  const config = { ...loadConfig({}), DISCORD_API_BASE: fake.apiBase, DEFAULT_STORY: SLUG };
  const bot = await startBot({ config, db: ctx.db, log, token: BENCH_TOKEN, readyTimeoutMs: 120_000 });
  const now = SLOT + 20_000;
  const scheduler = createRecapScheduler({ client: bot.client, ctx: bot.ctx, now: () => now });
  try {
    addTodaysEvents(ctx);
    ctx.db.transaction(() => {
      for (const g of fake.guilds) {
        upsertRecapSchedule(ctx.db, {
          guildId: g.id,
          storyId: ctx.storyId,
          channelId: g.channels[0]!.id,
          time: "09:00",
          timezone: "UTC",
          userId: null,
          now: SLOT - DAY,
          nextSlot: SLOT,
          watermark: SLOT - DAY,
        });
      }
    })();
    const parts = renderDigest(buildDigest(ctx.db, getStoryById(ctx.db, ctx.storyId)!, SLOT - DAY, SLOT), "en").length;
    ctx.say(`recap fan-out: ${servers} servers × ${parts} message(s)`);
    const t0 = performance.now();
    const { maxDelayMs, p99DelayMs } = await withLoopDelay(() => scheduler.tick());
    const ms = since(t0);
    await scheduler.tick();
    const perChannel = fake.guilds.map((g) => fake.channelMessages(g.channels[0]!.id).length);
    const posts = perChannel.reduce((a, b) => a + b, 0);
    const lost = perChannel.filter((n) => n < parts).length;
    const doubled = perChannel.filter((n) => n > parts).length;
    const rate = posts / (ms / 1000);
    return [
      {
        measure: `recap fan-out, ${servers.toLocaleString("en-US")} servers due at once`,
        value: rate,
        unit: "posts/s",
        baseline: null,
        ratio: null,
        target: "≥ 40 posts/s, none lost or doubled",
        ok: rate >= 40 && lost === 0 && doubled === 0,
        detail: { ms, posts, partsPerServer: parts, lost, doubled, loggedWarnings: lines.length, firstWarnings: lines.slice(0, 3) },
      },
      {
        measure: `longest event-loop delay during the recap fan-out to ${servers.toLocaleString("en-US")} servers`,
        value: maxDelayMs,
        unit: "ms",
        baseline: null,
        ratio: null,
        target: `< ${LOOP_DELAY_TARGET_MS} ms`,
        ok: maxDelayMs < LOOP_DELAY_TARGET_MS,
        detail: { p99DelayMs },
      },
    ];
  } finally {
    await scheduler.stop();
    await bot.stop();
    await fake.stop();
  }
}
