import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { recapSchedulesOf, recordRecapFailure, removeRecapSchedules } from "../db/recaps.ts";
import { checkMessage } from "../src/render/index.ts";
import { Perm, type InteractionOutcome } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { eventYaml, startRecapWorld, until, type RecapWorld } from "./helpers/recap.ts";

const START = "2024-06-01T08:00:00Z";

describe("/recap schedule, off and status", () => {
  let w: RecapWorld;
  let guildId: string;
  let general: string;
  let news: string;
  const recap = async (
    subcommand: string,
    options: Record<string, string | number> = {},
    extra: { admin?: boolean; locale?: string } = {},
  ): Promise<InteractionOutcome> =>
    (await w.t.fake.command({ name: "recap", subcommand, options, admin: extra.admin ?? true, locale: extra.locale ?? "en-US" })).settled();
  const schedules = () => recapSchedulesOf(w.db, guildId);
  /** Waits until the bot's cache has the overwrite denying `bits` in #news (CHANNEL_UPDATE arrived). */
  const denied = (bits: bigint) =>
    until(() => {
      const channel = w.t.bot.client.channels.cache.get(news);
      const o = channel && "permissionOverwrites" in channel ? channel.permissionOverwrites.cache.get(w.t.fake.botUserId) : undefined;
      return bits === 0n ? !o : o?.deny.bitfield === bits;
    }, "the channel update");

  beforeAll(async () => {
    w = await startRecapWorld({ start: START, guilds: [{ name: "News", channels: [{ name: "general" }, { name: "news" }] }] });
    const guild = w.t.fake.defaultGuild();
    guildId = guild.id;
    general = guild.channels[0]!.id;
    news = guild.channels[1]!.id;
  });
  afterAll(async () => {
    await w.stop();
  });
  beforeEach(async () => {
    w.setNow(START);
    removeRecapSchedules(w.db, guildId);
    w.t.fake.setChannelPermission(news, 0n);
    await denied(0n);
  });

  it("given a valid channel, time and zone, then saves it and confirms the next post as Discord timestamps", async () => {
    const out = await recap("schedule", { channel: general, time: "09:00", timezone: "Asia/Shanghai" });
    expect(out.ephemeral).toBe(true);
    const text = textOf(out.reply);
    // 08:00 UTC is 16:00 in Shanghai: the next 09:00 there is tomorrow, 01:00 UTC.
    const next = Date.parse("2024-06-02T01:00:00Z") / 1000;
    expect(text).toContain(`<t:${next}:F>`);
    expect(text).toContain(`<t:${next}:R>`);
    expect(text).toContain(`<#${general}>`);
    expect(text).toContain("Asia/Shanghai");
    const [saved] = schedules();
    expect(saved).toMatchObject({ channelId: general, time: "09:00", timezone: "Asia/Shanghai", nextSlot: next * 1000, lastSlot: null });
    expect(saved!.watermark).toBe(Date.parse(START) - 24 * 3_600_000);
  });

  it("defaults to UTC and accepts a zone typed in lower case", async () => {
    await recap("schedule", { channel: general, time: "9:30" });
    expect(schedules()[0]).toMatchObject({ time: "09:30", timezone: "UTC", nextSlot: Date.parse("2024-06-01T09:30:00Z") });
    await recap("schedule", { channel: general, time: "09:30", timezone: "america/new_york" });
    expect(schedules()[0]!.timezone).toBe("America/New_York");
  });

  it.each(["25:00", "9am", "12:60"])("given the time %j, then refuses naming the format and saves nothing", async (time) => {
    const out = await recap("schedule", { channel: general, time });
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain(`“${time}”`);
    expect(textOf(out.reply)).toContain("HH:MM");
    expect(schedules()).toEqual([]);
  });

  it("given an unknown zone, then names it in the refusal", async () => {
    const out = await recap("schedule", { channel: general, time: "09:00", timezone: "Mars/Olympus" });
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("Mars/Olympus");
    expect(schedules()).toEqual([]);
  });

  it("given a channel where the bot may not embed links or send, then refuses naming what is missing", async () => {
    w.t.fake.setChannelPermission(news, Perm.EmbedLinks);
    await denied(Perm.EmbedLinks);
    let out = await recap("schedule", { channel: news, time: "09:00" });
    expect(textOf(out.reply)).toContain("Embed Links");
    expect(textOf(out.reply)).not.toContain("Send Messages");
    w.t.fake.setChannelPermission(news, Perm.SendMessages | Perm.ViewChannel);
    await denied(Perm.SendMessages | Perm.ViewChannel);
    out = await recap("schedule", { channel: news, time: "09:00" }, { locale: "zh-CN" });
    expect(textOf(out.reply)).toContain("查看频道");
    expect(textOf(out.reply)).toContain("发送消息");
    expect(out.ephemeral).toBe(true);
    expect(schedules()).toEqual([]);
  });

  it("given a member without Manage Server, then refuses schedule and off but shows status", async () => {
    const refused = await recap("schedule", { channel: general, time: "09:00" }, { admin: false });
    expect(textOf(refused.reply)).toContain("Manage Server");
    expect(schedules()).toEqual([]);
    expect(textOf((await recap("off", {}, { admin: false })).reply)).toContain("Manage Server");
    const status = await recap("status", {}, { admin: false });
    expect(status.ephemeral).toBe(true);
    expect(textOf(status.reply)).toContain("/recap schedule");
  });

  it("given a schedule already there, then replaces it and un-pauses it, keeping its watermark", async () => {
    await recap("schedule", { channel: general, time: "09:00" });
    const first = schedules()[0]!;
    recordRecapFailure(w.db, {
      id: first.id,
      expectNext: first.nextSlot,
      now: w.clock.now,
      failure: "403 50001 Missing Access",
      pauseAfter: 1,
      pauseReason: "no_access",
    });
    expect(schedules()[0]!.pausedReason).toBe("no_access");
    w.setNow("2024-06-01T10:00:00Z");
    await recap("schedule", { channel: news, time: "07:15", timezone: "Europe/London" });
    const all = schedules();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: first.id,
      channelId: news,
      time: "07:15",
      timezone: "Europe/London",
      pausedReason: null,
      failureCount: 0,
      watermark: first.watermark,
    });
    expect(all[0]!.nextSlot).toBe(Date.parse("2024-06-02T06:15:00Z"));
  });

  it("turns the recap off, and says so when there is nothing to turn off", async () => {
    await recap("schedule", { channel: general, time: "09:00" });
    const out = await recap("off");
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("A small story");
    expect(schedules()).toEqual([]);
    expect(textOf((await recap("off")).reply)).toContain("no daily recap to turn off");
  });

  it("shows the channel, time, zone and next run, then the last post with a jump link, a quiet run and a pause", async () => {
    await recap("schedule", { channel: general, time: "09:00" });
    let text = textOf((await recap("status")).reply);
    expect(text).toContain(`<#${general}>`);
    expect(text).toContain("09:00 (UTC)");
    expect(text).toContain(`<t:${Date.parse("2024-06-01T09:00:00Z") / 1000}:F>`);
    expect(text).toContain("No recap has been posted yet");

    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    const [post] = w.posts(general);
    text = textOf((await recap("status")).reply);
    expect(text).toContain(`https://discord.com/channels/${guildId}/${general}/${post!.id}`);

    w.setNow("2024-06-02T09:00:30Z");
    await w.scheduler.tick();
    text = textOf((await recap("status")).reply);
    expect(text).toContain("nothing new");
    expect(text).toContain(`https://discord.com/channels/${guildId}/${general}/${post!.id}`);

    const s = schedules()[0]!;
    recordRecapFailure(w.db, {
      id: s.id,
      expectNext: s.nextSlot,
      now: w.clock.now,
      failure: "404 10003 Unknown Channel",
      pauseAfter: 1,
      pauseReason: "channel_gone",
    });
    text = textOf((await recap("status", {}, { locale: "zh-CN" })).reply);
    expect(text).toContain("已暂停");
    expect(text).toContain("该频道已不存在");
    expect(text).toContain("Unknown Channel");
  });

  it("suggests time zones as they are typed", async () => {
    const complete = async (value: string) =>
      (
        await (
          await w.t.fake.autocomplete({ name: "recap", subcommand: "schedule", options: { channel: general, time: "09:00" }, focused: "timezone", value })
        ).settled()
      ).choices ?? [];
    const common = await complete("");
    expect(common[0]).toMatchObject({ value: "UTC" });
    expect(common.map((c) => c.value)).toContain("Asia/Shanghai");
    const shang = await complete("shang");
    expect(shang[0]).toEqual({ name: "Asia/Shanghai (UTC+08:00)", value: "Asia/Shanghai" });
    expect((await complete("a")).length).toBe(25);
  });
});

describe("/recap now", () => {
  let w: RecapWorld;
  beforeAll(async () => {
    w = await startRecapWorld({ start: "2024-06-01T00:00:00Z" });
    w.setNow("2024-06-03T10:00:00Z");
    // Two outlets: the digest marks it corroborated by 2.
    w.addEvents(
      `${eventYaml("board-vote", "2024-06-02", "The board votes", ["ada", "acme"])}      - { name: "Other Daily", url: "https://other.example.net/vote" }\n`,
    );
    w.setNow("2024-06-03T20:00:00Z");
  });
  afterAll(async () => {
    await w.stop();
  });

  it("posts a visible digest of what was added in the last 24 hours", async () => {
    const out = await (await w.t.fake.command({ name: "recap", subcommand: "now" })).settled();
    expect(out.ephemeral).toBe(false);
    expect(checkMessage({ embeds: out.reply!.embeds as never })).toEqual([]);
    const text = textOf(out.reply);
    expect(text).toContain("The board votes");
    expect(text).toContain("https://example.org/board-vote");
    expect(text).toMatch(/The board votes.*https:\/\/example\.org\/board-vote\) · ◉2\n/);
    expect(text).toContain("◉ corroborated");
    expect(text).not.toContain("Ada joins Acme");
    expect(text).toContain(`<t:${Date.parse("2024-06-02T20:00:00Z") / 1000}:f>`);
  });

  it("given a window with nothing added, then says so privately", async () => {
    const out = await (await w.t.fake.command({ name: "recap", subcommand: "now", options: { hours: 2 } })).settled();
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("Nothing new in the last 2 hours");
    const week = await (await w.t.fake.command({ name: "recap", subcommand: "now", options: { hours: 168 }, locale: "zh-CN" })).settled();
    expect(textOf(week.reply)).toContain("阿达加入微软");
  });

  it("cannot be sent with 0 or 169 hours, and a payload with 500 that got past Discord is refused", async () => {
    await expect(w.t.fake.command({ name: "recap", subcommand: "now", options: { hours: 0 } })).rejects.toThrow(/min_value/);
    await expect(w.t.fake.command({ name: "recap", subcommand: "now", options: { hours: 169 } })).rejects.toThrow(/max_value/);
    const id = (w.t.fake.commandsFor(w.t.fake.defaultGuild().id) as { id: string; name: string }[]).find((c) => c.name === "recap")!.id;
    const out = await (
      await w.t.fake.sendInteraction({
        type: 2,
        guild_id: w.t.fake.defaultGuild().id,
        data: { id, name: "recap", type: 1, options: [{ name: "now", type: 1, options: [{ name: "hours", type: 4, value: 500 }] }] },
      })
    ).settled();
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("168");
  });
});
