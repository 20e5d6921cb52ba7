/**
 * Shutdown outlasts a Discord request: SIGTERM while a recap post waits on a rate limit lets the
 * post finish and be recorded before the database closes, then exits 0 — where the old 5 s limit
 * exited 1 with the post unrecorded.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { parseTimeOfDay, slotAtOrBefore } from "../src/recap/slots.ts";
import { importFiles } from "../src/story/import.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { dbHealth, HEALTHY, kill9, query, startBotProcess } from "./helpers/drills.ts";
import { until } from "./helpers/recap.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const HOUR = 3_600_000;
const POST = /^\/channels\/\d+\/messages$/;

describe("shutdown", () => {
  it("given SIGTERM while a recap post waits 7 s on a rate limit, then the post is finished and recorded before exit 0", async () => {
    const fake = await FakeDiscord.start({ guilds: [{ name: "News", channels: [{ name: "news" }] }] });
    cleanups.push(() => fake.stop());
    const tmp = tempDir("storyline-shutdown-");
    cleanups.push(tmp.cleanup);
    mkdirSync(join(tmp.dir, "stories"));
    const dbPath = join(tmp.dir, "bot.db");
    const at = new Date(Date.now() - 2 * HOUR);
    const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
    const slot = slotAtOrBefore(Date.now(), parseTimeOfDay(time)!, "UTC");
    const db = openDatabase(dbPath);
    importFiles(db, [tmp.file("story.yaml", miniStory("mini-story"))], slot - HOUR);
    const guild = fake.defaultGuild();
    upsertRecapSchedule(db, {
      guildId: guild.id,
      storyId: getStoryBySlug(db, "mini-story")!.id,
      channelId: guild.channels[0]!.id,
      time,
      timezone: "UTC",
      userId: null,
      now: slot - 24 * HOUR,
      nextSlot: slot,
      watermark: slot - 24 * HOUR,
    });
    db.close();
    fake.failNext("POST", POST, 429, 1, { message: "You are being rate limited.", retry_after: 7, global: false, code: 0 });

    const bot = await startBotProcess(fake, { DATABASE_PATH: dbPath, STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: "mini-story" }, tmp.dir);
    cleanups.push(() => kill9(bot));
    await until(() => fake.requests.some((r) => POST.test(r.path) && r.status === 429), "the rate-limited post", 10_000);
    const termAt = Date.now();
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(Date.now() - termAt).toBeGreaterThan(5_000);
    expect(fake.channelMessages(guild.channels[0]!.id).filter((m) => !m.interactionId)).toHaveLength(1);
    expect(query<{ last_slot: number }>(dbPath, "SELECT last_slot FROM recap_schedules")[0]!.last_slot).toBe(slot);
    expect(dbHealth(dbPath)).toEqual(HEALTHY);
    expect(bot.stderr()).toContain('"msg":"stopped"');
  });
});
