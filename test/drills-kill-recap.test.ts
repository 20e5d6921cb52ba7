import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { buildDigest } from "../src/recap/digest.ts";
import { recapMarker } from "../src/recap/nonce.ts";
import { parseTimeOfDay, slotAtOrBefore } from "../src/recap/slots.ts";
import { renderDigest } from "../src/render/digest.ts";
import { ChannelKind, FakeDiscord, type FakeGuild, type FakeMessage } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { importFiles } from "../src/story/import.ts";
import { dbHealth, HEALTHY, kill9, query, seeded, sleep, startBotProcess } from "./helpers/drills.ts";
import { eventYaml } from "./helpers/recap.ts";
import type { Spawned } from "./helpers/spawn.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLUG = "mini-story";
/** 8 keeps the suite quick; DRILL_KILLS=20 for a longer drill. */
const KILLS = Number(process.env.DRILL_KILLS ?? 8);
/** Servers whose recap falls due before each start: every start has a fan-out to interrupt. */
const BATCH = 15;
const HOUR = 3_600_000;

interface ScheduleRow {
  id: number;
  guild_id: string;
  channel_id: string;
  last_slot: number | null;
  last_message_id: string | null;
}

describe("drill: kill -9 of the bot during the recap fan-out", () => {
  it(`given ${KILLS} kills while many recaps are being posted (a third of them in forums), then no slot is posted twice or skipped`, async () => {
    const random = seeded(Number(process.env.DRILL_SEED ?? 1122));
    // Every third server takes its recaps in a forum: each slot a new post, the later parts in its thread.
    const guilds = Array.from({ length: BATCH * (KILLS + 1) }, (_, i) => ({
      name: `Server ${i}`,
      channels: [{ name: "news", ...(i % 3 === 0 ? { type: ChannelKind.Forum } : {}) }],
    }));
    // Discord forgets nonces within 50 ms here: every restart comes after the window, so only
    // the outbox ledger (and its marker lookup) can keep a part from being posted twice.
    const fake = await FakeDiscord.start({ guilds, nonceWindowMs: 50 });
    cleanups.push(() => fake.stop());
    const tmp = tempDir("storyline-kill-recap-");
    cleanups.push(tmp.cleanup);
    mkdirSync(join(tmp.dir, "stories"));
    const dbPath = join(tmp.dir, "bot.db");

    // Today's slot passed two hours ago; the story's events were added an hour before it.
    const now = Date.now();
    const at = new Date(now - 2 * HOUR);
    const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
    const slot = slotAtOrBefore(now, parseTimeOfDay(time)!, "UTC");
    const db = openDatabase(dbPath);
    // Enough long events for a digest of several messages: a kill can fall between two parts.
    const extra = Array.from({ length: 60 }, (_, i) =>
      eventYaml(`news-${i}`, `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`, `Development number ${i} in the story, ${"with many more words ".repeat(8)}`),
    ).join("");
    const imported = importFiles(db, [tmp.file("story.yaml", miniStory(SLUG, extra))], slot - HOUR);
    expect(imported.ok).toBe(true);
    const story = getStoryBySlug(db, SLUG)!;
    const watermark = slot - 3 * 24 * HOUR;
    const parts = renderDigest(buildDigest(db, story, watermark, slot), "en").length;
    db.close();
    expect(parts).toBeGreaterThan(1);

    const schedule = (batch: FakeGuild[]) => {
      const w = openDatabase(dbPath);
      for (const g of batch) {
        upsertRecapSchedule(w, {
          guildId: g.id,
          storyId: story.id,
          channelId: g.channels[0]!.id,
          time,
          timezone: "UTC",
          userId: null,
          now: slot - 24 * HOUR,
          nextSlot: slot,
          watermark,
        });
      }
      w.close();
    };
    const nonces = (s: ScheduleRow) => Array.from({ length: parts }, (_, i) => recapMarker(s.id, slot, i));
    /** The recap messages of a channel, or of every post of a forum. */
    const posts = (channelId: string) =>
      [channelId, ...fake.threadsOf(channelId).map((t) => t.id)].flatMap((id) => fake.channelMessages(id).filter((m) => !m.interactionId));
    /** Each message is known by the marker printed in it (a forum post's starter carries no nonce). */
    const markerOf = (m: FakeMessage) => /ref (\w+)/.exec(textOf(m))?.[1] ?? "(none)";

    /** Nothing posted twice, nothing but this slot's parts, and a recorded slot was posted. */
    const check = (label: string) => {
      expect(dbHealth(dbPath), label).toEqual(HEALTHY);
      const rows = query<ScheduleRow>(dbPath, "SELECT id, guild_id, channel_id, last_slot, last_message_id FROM recap_schedules");
      for (const s of rows) {
        const sent = posts(s.channel_id).map(markerOf);
        expect(new Set(sent).size, `${label}: a part posted twice in ${s.guild_id}`).toBe(sent.length);
        expect(
          sent.filter((x) => !nonces(s).includes(x)),
          `${label}: unexpected posts in ${s.guild_id}`,
        ).toEqual([]);
        if (s.last_slot === slot) {
          expect(sent.sort(), `${label}: recorded but not fully posted in ${s.guild_id}`).toEqual([...nonces(s)].sort());
          expect(s.last_message_id).toBe(posts(s.channel_id).find((m) => markerOf(m) === nonces(s)[0])?.id);
        }
      }
      return rows;
    };

    const env = { DATABASE_PATH: dbPath, STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: SLUG };
    let interrupted = 0;
    let window = 500;
    /** Schedules caught with some parts of their recap posted and not the rest. */
    let partial = 0;
    for (let round = 0; round <= KILLS; round++) {
      schedule(fake.guilds.slice(round * BATCH, (round + 1) * BATCH));
      // A few rate limits stretch the fan-out (and make discord.js retry with the same nonce).
      fake.failNext("POST", /^\/channels\/\d+\/messages$/, 429, 4, { message: "You are being rate limited.", retry_after: 0.2, global: false, code: 0 });
      const before = fake.allMessages().length;
      const bot: Spawned = await startBotProcess(fake, env, tmp.dir);
      cleanups.push(() => kill9(bot));
      if (round < KILLS) {
        // Kill within `window` of the first post of this start; a round that finished first shrinks it.
        for (const until = Date.now() + 10_000; fake.allMessages().length === before && Date.now() < until; ) await sleep(5);
        await sleep(random() * window);
        await kill9(bot);
        const rows = check(`after kill ${round + 1}`);
        const done = rows.filter((s) => s.last_slot === slot).length;
        if (fake.allMessages().length > before && done < rows.length) interrupted++;
        else window *= 0.6;
        partial += rows.filter((r) => posts(r.channel_id).length > 0 && posts(r.channel_id).length < parts).length;
      } else {
        for (let waited = 0; waited < 20_000; waited += 100) {
          if (query<{ n: number }>(dbPath, "SELECT count(*) AS n FROM recap_schedules WHERE last_slot IS NOT ? ", slot)[0]!.n === 0) break;
          await sleep(100);
        }
        bot.child.kill("SIGTERM");
        expect(await bot.exited).toBe(0);
      }
    }

    const rows = check("at the end");
    expect(rows).toHaveLength(BATCH * (KILLS + 1));
    for (const s of rows) expect(s.last_slot, `schedule ${s.id} skipped its slot`).toBe(slot);
    expect(interrupted, "kills that landed mid-fan-out").toBeGreaterThanOrEqual(Math.ceil(KILLS / 2));
    expect(partial, "schedules caught between two parts").toBeGreaterThan(0);
  }, 150_000);
});
