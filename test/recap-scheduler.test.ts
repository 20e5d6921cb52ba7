import { afterEach, describe, expect, it } from "vitest";
import { recapSchedulesOf, upsertRecapSchedule, type RecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { slotAfter, parseTimeOfDay } from "../src/recap/slots.ts";
import { textOf } from "./helpers/bot.ts";
import { eventYaml, SLUG, startRecapWorld, type RecapWorld } from "./helpers/recap.ts";

let w: RecapWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

const iso = (text: string) => Date.parse(text);
const schedule = (world: RecapWorld, guildId: string): RecapSchedule => recapSchedulesOf(world.db, guildId)[0]!;
const postRequests = (world: RecapWorld, channelId: string) =>
  world.t.fake.requests.filter((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages`);

/** A world with the default guild's schedule set through the command, at the world's clock. */
async function scheduled(start: string, time: string, timezone = "UTC", hooks?: Parameters<typeof startRecapWorld>[0]["hooks"]) {
  const world = await startRecapWorld({ start, hooks });
  const guild = world.t.fake.defaultGuild();
  const channel = guild.channels[0]!.id;
  const out = await (await world.t.fake.command({ name: "recap", subcommand: "schedule", options: { channel, time, timezone }, admin: true })).settled();
  expect(textOf(out.reply)).toContain("<t:");
  return { world, guildId: guild.id, channel };
}

describe("the recap scheduler", () => {
  it("posts once at the slot what was added since the watermark, in the order it happened, grouped by day", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.setNow("2024-06-01T08:30:00Z");
    w.addEvents(eventYaml("prologue", "2024-01-01", "A prologue", ["ada", "acme"]));
    w.setNow("2024-06-01T08:59:59Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(0);

    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    const [post, ...more] = w.posts(s.channel);
    expect(more).toHaveLength(0);
    const text = textOf(post);
    expect(text).toContain("A small story");
    const order = ["Jan 1, 2024", "A prologue", "Jan 2, 2024", "Ada joins Acme", "Jan 3, 2024", "Acme ships the engine"].map((x) => text.indexOf(x));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(text).toContain("[Wire prologue](https://example.org/prologue)");
    expect(text).toContain("Most mentioned");
    expect(text).toContain("Acme Corporation ×3");
    expect(text).toContain(`<t:${iso("2024-06-01T09:00:00Z") / 1000}:f>`);
    expect(post!.raw).toMatchObject({ enforce_nonce: true });
    expect(String(post!.raw.nonce).length).toBeLessThanOrEqual(25);
    expect(schedule(w, s.guildId)).toMatchObject({
      lastSlot: iso("2024-06-01T09:00:00Z"),
      watermark: iso("2024-06-01T09:00:00Z"),
      lastResult: "posted",
      lastMessageId: post!.id,
    });

    w.setNow("2024-06-01T09:00:30Z");
    await w.scheduler.tick();
    w.setNow("2024-06-01T09:30:00Z");
    w.addEvents(eventYaml("sequel", "2024-06-01", "A sequel"));
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);

    w.setNow("2024-06-02T09:00:00Z");
    await w.scheduler.tick();
    const second = w.posts(s.channel)[1];
    expect(textOf(second)).toContain("A sequel");
    expect(textOf(second)).not.toContain("A prologue");
  });

  it("given nothing new at the slot, then posts nothing but records the run", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "10:00");
    w = s.world;
    w.setNow("2024-06-01T10:00:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    w.setNow("2024-06-02T10:00:05Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    expect(schedule(w, s.guildId)).toMatchObject({
      lastResult: "empty",
      lastSlot: iso("2024-06-02T10:00:00Z"),
      lastRunAt: iso("2024-06-02T10:00:05Z"),
      watermark: iso("2024-06-02T10:00:00Z"),
      nextSlot: iso("2024-06-03T10:00:00Z"),
    });
  });

  it("given a restart right after a post, then does not post it again", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    await w.restart();
    await w.scheduler.tick();
    w.setNow("2024-06-01T09:05:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    expect(postRequests(w, s.channel)).toHaveLength(1);
  });

  it("given a crash after every part was recorded in the ledger but before the slot was, then the retry sends nothing and records the slot", async () => {
    let crashes = 1;
    const hooks = {
      beforeRecord: () => {
        if (crashes-- > 0) throw new Error("simulated crash before the commit");
      },
    };
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00", "UTC", hooks);
    w = s.world;
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    expect(schedule(w, s.guildId)).toMatchObject({ lastSlot: null, failureCount: 1, lastResult: "failed" });
    await w.restart();
    w.setNow("2024-06-01T09:01:00Z");
    await w.scheduler.tick();
    expect(postRequests(w, s.channel)).toHaveLength(1);
    expect(w.posts(s.channel)).toHaveLength(1);
    expect(schedule(w, s.guildId)).toMatchObject({
      lastSlot: iso("2024-06-01T09:00:00Z"),
      failureCount: 0,
      lastResult: "posted",
      lastMessageId: w.posts(s.channel)[0]!.id,
    });
  });

  it("given three days missed while the bot was down, then posts one catch-up covering all three", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    // The bot is down from here: no ticks while three days' events arrive.
    for (const day of ["02", "03", "04"]) {
      w.setNow(`2024-06-${day}T12:00:00Z`);
      w.addEvents(eventYaml(`day-${day}`, `2024-06-${day}`, `News of June ${Number(day)}`));
    }
    w.setNow("2024-06-05T15:00:00Z");
    await w.restart();
    await w.scheduler.tick();
    w.setNow("2024-06-05T15:01:00Z");
    await w.scheduler.tick();
    const posts = w.posts(s.channel);
    expect(posts).toHaveLength(2);
    const text = textOf(posts[1]);
    for (const day of [2, 3, 4]) expect(text).toContain(`News of June ${day}`);
    expect(text).toContain("3 new events");
    expect(schedule(w, s.guildId)).toMatchObject({ lastSlot: iso("2024-06-05T09:00:00Z"), nextSlot: iso("2024-06-06T09:00:00Z") });
  });

  it("posts at 03:00 when 02:30 does not exist in New York, and once when 01:30 happens twice", async () => {
    const s = await scheduled("2024-03-09T17:00:00Z", "02:30", "America/New_York");
    w = s.world;
    expect(schedule(w, s.guildId).nextSlot).toBe(iso("2024-03-10T07:00:00Z"));
    w.setNow("2024-03-10T06:59:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(0);
    w.setNow("2024-03-10T07:00:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    expect(schedule(w, s.guildId).nextSlot).toBe(iso("2024-03-11T06:30:00Z"));

    // Fall back: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC) again.
    w.setNow("2024-11-02T16:00:00Z");
    const time = parseTimeOfDay("01:30")!;
    const old = schedule(w, s.guildId);
    upsertRecapSchedule(w.db, {
      guildId: s.guildId,
      storyId: old.storyId,
      channelId: s.channel,
      time: "01:30",
      timezone: "America/New_York",
      userId: null,
      now: w.clock.now,
      nextSlot: slotAfter(w.clock.now, time, "America/New_York"),
      watermark: 0,
    });
    w.addEvents(eventYaml("autumn", "2024-11-02", "Autumn news"));
    w.setNow("2024-11-03T05:30:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(2);
    w.setNow("2024-11-03T05:45:00Z");
    w.addEvents(eventYaml("late-autumn", "2024-11-03", "Late autumn news"));
    for (const at of ["2024-11-03T06:30:00Z", "2024-11-03T06:31:00Z"]) {
      w.setNow(at);
      await w.scheduler.tick();
    }
    expect(w.posts(s.channel)).toHaveLength(2);
    expect(schedule(w, s.guildId).nextSlot).toBe(iso("2024-11-04T06:30:00Z"));
  });

  it("given 500s beyond discord.js's own retries, then tries again on the next tick and posts once", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.t.fake.failNext("POST", new RegExp(`^/channels/${s.channel}/messages$`), 500, 5);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(0);
    expect(schedule(w, s.guildId)).toMatchObject({ failureCount: 1, lastResult: "failed", pausedReason: null });
    w.setNow("2024-06-01T09:01:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
    expect(schedule(w, s.guildId)).toMatchObject({ failureCount: 0, lastResult: "posted" });
  });

  it("given a rate limit, then waits it out and posts in the same tick", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.t.fake.failNext("POST", new RegExp(`^/channels/${s.channel}/messages$`), 429, 2);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    expect(w.posts(s.channel)).toHaveLength(1);
  });

  it("given a post failing five minutes running, then pauses the schedule instead of trying forever", async () => {
    const s = await scheduled("2024-06-01T08:00:00Z", "09:00");
    w = s.world;
    w.t.fake.failNext("POST", new RegExp(`^/channels/${s.channel}/messages$`), 503, 1000);
    for (let minute = 0; minute < 7; minute++) {
      w.setNow(`2024-06-01T09:0${minute}:00Z`);
      await w.scheduler.tick();
    }
    expect(schedule(w, s.guildId)).toMatchObject({ pausedReason: "failing", failureCount: 5, lastResult: "paused" });
    expect(postRequests(w, s.channel)).toHaveLength(5 * 4);
  });
});

describe("the recap scheduler across servers", () => {
  it("given a deleted channel, then pauses that schedule with the reason and still posts for the other server, in its language", async () => {
    w = await startRecapWorld({ start: "2024-06-01T08:00:00Z", guilds: [{ name: "Gone" }, { name: "新闻", preferredLocale: "zh-CN" }] });
    const storyId = getStoryBySlug(w.db, SLUG)!.id;
    const [gone, zh] = w.t.fake.guilds;
    for (const g of [gone!, zh!]) {
      upsertRecapSchedule(w.db, {
        guildId: g.id,
        storyId,
        channelId: g.channels[0]!.id,
        time: "09:00",
        timezone: "UTC",
        userId: null,
        now: w.clock.now,
        nextSlot: iso("2024-06-01T09:00:00Z"),
        watermark: 0,
      });
    }
    const goneChannel = gone!.channels[0]!.id;
    w.t.fake.deleteChannel(goneChannel);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    w.setNow("2024-06-01T09:01:00Z");
    await w.scheduler.tick();

    expect(schedule(w, gone!.id)).toMatchObject({ pausedReason: "channel_gone", lastResult: "paused" });
    expect(schedule(w, gone!.id).lastFailure).toContain("Unknown Channel");
    const [post] = w.posts(zh!.channels[0]!.id);
    expect(textOf(post)).toContain("阿达加入微软");
    expect(textOf(post)).toContain("2024年1月2日");
    expect(w.t.logs.filter((l) => l.includes("recap schedule paused"))).toHaveLength(1);
  });

  it("given the bot may not send in the channel, then pauses naming the permission and leaves the others alone", async () => {
    w = await startRecapWorld({ start: "2024-06-01T08:00:00Z", guilds: [{ name: "Muted" }, { name: "Open" }] });
    const storyId = getStoryBySlug(w.db, SLUG)!.id;
    const [muted, open] = w.t.fake.guilds;
    for (const g of [muted!, open!]) {
      upsertRecapSchedule(w.db, {
        guildId: g.id,
        storyId,
        channelId: g.channels[0]!.id,
        time: "09:00",
        timezone: "UTC",
        userId: null,
        now: w.clock.now,
        nextSlot: iso("2024-06-01T09:00:00Z"),
        watermark: 0,
      });
    }
    w.t.fake.setChannelPermission(muted!.channels[0]!.id, 1n << 11n);
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    const paused = schedule(w, muted!.id);
    // Either the cached overwrite or Discord's 403 stops it; both name the cause.
    expect(paused.pausedReason).toBe("no_permission");
    expect(paused.lastFailure).toMatch(/Send Messages|Missing Permissions/);
    expect(w.posts(open!.channels[0]!.id)).toHaveLength(1);
  });
});
