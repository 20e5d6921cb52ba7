import { afterEach, describe, expect, it } from "vitest";
import { latestDeliveries, recordDelivery } from "../db/recap-deliveries.ts";
import { recapSchedulesOf } from "../db/recaps.ts";
import { textOf } from "./helpers/bot.ts";
import { CHINESE } from "./helpers/commands.ts";
import { startRecapWorld, type RecapWorld } from "./helpers/recap.ts";

let w: RecapWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** A world whose default guild has a daily recap at 09:00 UTC, set through the command. */
async function scheduled() {
  // Two channels: the recap's, and one to run /recap log in once the first is deleted.
  const world = await startRecapWorld({ start: "2024-06-01T08:00:00Z", guilds: [{ name: "News", channels: [{ name: "recaps" }, { name: "mods" }] }] });
  const guild = world.t.fake.defaultGuild();
  const channel = guild.channels[0]!.id;
  await (await world.t.fake.command({ name: "recap", subcommand: "schedule", options: { channel, time: "09:00", timezone: "UTC" }, admin: true })).settled();
  return { world, guildId: guild.id, channel };
}

const recapLog = async (world: RecapWorld, opts: { admin?: boolean; locale?: string } = { admin: true }) => {
  const channelId = world.t.fake.defaultGuild().channels.find((c) => c.name === "mods")!.id;
  const out = await (await world.t.fake.command({ name: "recap", subcommand: "log", channelId, ...opts })).settled();
  expect(out.ephemeral).toBe(true);
  return textOf(out.reply);
};

describe("/recap log", () => {
  it("lists a delivered recap with when, where and a link to the post, in both languages", async () => {
    const s = await scheduled();
    w = s.world;
    expect(await recapLog(w)).toContain("No scheduled recap or alert has been delivered");
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    const [post] = w.posts(s.channel);
    expect(post).toBeDefined();
    const en = await recapLog(w);
    expect(en).toContain(`<t:${Date.parse("2024-06-01T09:00:00Z") / 1000}:f>`);
    expect(en).toContain(`<#${s.channel}>`);
    expect(en).toContain(`[open the recap](https://discord.com/channels/${s.guildId}/${s.channel}/${post!.id})`);
    const zh = await recapLog(w, { admin: true, locale: "zh-CN" });
    expect(zh).toContain("打开摘要");
    expect(zh).toMatch(CHINESE);
  });

  it("shows a failed attempt with Discord's reason and the retry that posted, newest first", async () => {
    const s = await scheduled();
    w = s.world;
    w.t.fake.failNext("POST", new RegExp(`^/channels/${s.channel}/messages$`), 503, 4);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    w.setNow("2024-06-01T09:01:00Z");
    await w.scheduler.tick();
    const out = await recapLog(w);
    expect(out).toContain("failed (attempt 1 of 5");
    expect(out).toContain("503");
    expect(out.indexOf("posted")).toBeLessThan(out.indexOf("failed (attempt 1"));
    expect(latestDeliveries(w.db, s.guildId).map((d) => d.result)).toEqual(["posted", "failed"]);
  });

  it("notes the rate limits Discord set on a delivery that discord.js waited out", async () => {
    const s = await scheduled();
    w = s.world;
    w.t.fake.failNext("POST", new RegExp(`^/channels/${s.channel}/messages$`), 429, 2);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    const [delivery] = latestDeliveries(w.db, s.guildId);
    expect(delivery).toMatchObject({ result: "posted" });
    expect(delivery!.rateLimited).toBeGreaterThan(0);
    expect(await recapLog(w)).toMatch(/posted .*rate limited (once|\d+ times), retried/);
  });

  it("shows why a recap was paused when its channel is gone", async () => {
    const s = await scheduled();
    w = s.world;
    w.t.fake.deleteChannel(s.channel);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    const out = await recapLog(w);
    expect(out).toContain("paused: the channel no longer exists");
    expect(out).toContain("Unknown Channel");
  });

  it("refuses a member without Manage Server", async () => {
    const s = await scheduled();
    w = s.world;
    const out = await recapLog(w, { admin: false });
    expect(out).toContain("Manage Server");
    expect(out).not.toContain("No scheduled recap");
  });

  it("shows the last 20 and keeps the newest 100 per server", async () => {
    const s = await scheduled();
    w = s.world;
    const sched = recapSchedulesOf(w.db, s.guildId)[0]!;
    for (let i = 1; i <= 130; i++) {
      recordDelivery(w.db, {
        guildId: s.guildId,
        scheduleId: sched.id,
        storyId: sched.storyId,
        channelId: s.channel,
        at: i * 60_000,
        result: "posted",
        messageId: `${1000 + i}`,
        reason: null,
        detail: null,
        attempt: null,
        rateLimited: 0,
      });
    }
    const out = await recapLog(w);
    expect(out).toContain("The last 20 deliveries");
    expect(out).toContain("/1130)");
    expect(out).toContain("/1111)");
    expect(out).not.toContain("/1110)");
    expect(w.db.prepare("SELECT count(*) AS n FROM recap_deliveries").get()).toEqual({ n: 100 });
  });
});
