import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { alertChannelsOfGuild } from "../db/alerts.ts";
import { pendingOutbox } from "../db/outbox.ts";
import { queueAlerts } from "../src/courier/alerts.ts";
import { Perm } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { CHINESE, expectWithinLimits } from "./helpers/commands.ts";
import { addEvent } from "./helpers/editor.ts";
import { QUIET_ROLE_ID, ROLE_ID, startAlertWorld, storyEvent, type AlertWorld } from "./helpers/alerts.ts";
import { until } from "./helpers/recap.ts";

let w: AlertWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

async function world(opts: Parameters<typeof startAlertWorld>[0] = {}): Promise<AlertWorld> {
  w = await startAlertWorld(opts);
  return w;
}

/** Waits until the bot's cache has its overwrite in #alerts (the CHANNEL_UPDATE arrived). */
async function overwriteSeen(a: AlertWorld): Promise<void> {
  await until(() => {
    const c = a.t.bot.client.channels.cache.get(a.alerts);
    return !!c && "permissionOverwrites" in c && c.permissionOverwrites.cache.has(a.t.fake.botUserId);
  }, "the channel update");
}

/** Sets alerts up in #alerts and checks the command said so. */
async function setUp(a: AlertWorld, options: Record<string, string | number> = {}): Promise<void> {
  const out = await a.alertsCommand({ channel: a.alerts, ...options });
  expect(out.ephemeral).toBe(true);
  expect(alertChannelsOfGuild(a.db, a.guildId)).toHaveLength(1);
}

describe("/alerts and the alert courier", () => {
  it("given an event of importance 5 added with /editor add, then one alert is posted in the alert channel, and a second run posts nothing more", async () => {
    const a = await world({ publicUrl: "https://news.example" });
    await setUp(a);
    const added = await addEvent(a.t, { title: "The engine is switched on", when: "2024-02-01", importance: "5", source: "Gazette | https://example.org/on" });
    expect(textOf(added.reply)).toContain("The engine is switched on");
    await a.courier.tick();
    await a.courier.tick();
    const posts = a.posts(a.alerts);
    expect(posts).toHaveLength(1);
    const [alert] = posts;
    expectWithinLimits(alert);
    const text = textOf(alert);
    expect(alert!.content).toBe("🔔 The engine is switched on");
    expect(text).toContain("5/5");
    expect(text).toContain("Feb 1, 2024");
    expect(text).toMatch(/ref [0-9a-z]{1,12}/);
    expect(alert!.allowedMentions).toEqual({ parse: [] });
    expect(JSON.stringify(alert!.components)).toContain("https://news.example/s/mini-story/e/");
    expect(a.posts(a.general)).toEqual([]);
  });

  it("given a changed story file imported, then its new event of importance 4 is alerted once and its event of importance 3 is not", async () => {
    const a = await world();
    await setUp(a);
    a.addEvents(storyEvent("big", "Acme is sold", 4), storyEvent("small", "Acme repaints its sign", 3));
    await a.courier.tick();
    const posts = a.posts(a.alerts);
    expect(posts.map((m) => m.content)).toEqual(["🔔 Acme is sold"]);
    expect(textOf(posts[0])).toContain("Ada Lovelace");
    expect(textOf(posts[0])).toContain("1 source");
  });

  it("given min_importance 2, then an event of importance 3 is alerted; below the minimum nothing is", async () => {
    const a = await world();
    await setUp(a, { min_importance: 2 });
    a.addEvents(storyEvent("mid", "Acme hires", 3), storyEvent("tiny", "Acme tweets", 1));
    await a.courier.tick();
    expect(a.posts(a.alerts).map((m) => m.content)).toEqual(["🔔 Acme hires"]);
  });

  it("does not alert what was published before alerts were set up", async () => {
    const a = await world();
    await a.alertsCommand({ channel: a.alerts, min_importance: 1 });
    a.addEvents(storyEvent("after", "After set-up", 5));
    await a.alertsCommand({ channel: a.alerts, min_importance: 1 });
    a.addEvents(storyEvent("later", "Later still", 5));
    await a.courier.tick();
    expect(a.posts(a.alerts).map((m) => m.content)).toEqual(["🔔 Later still"]);
  });

  it("given role:, then the alert mentions that role and allowed_mentions names exactly that role", async () => {
    const a = await world();
    const out = await a.alertsCommand({ channel: a.alerts, role: ROLE_ID });
    expect(textOf(out.reply)).toContain(`<@&${ROLE_ID}>`);
    a.addEvents(storyEvent("ping", "Acme goes public", 5));
    await a.courier.tick();
    const [alert] = a.posts(a.alerts);
    expect(alert!.content).toBe(`<@&${ROLE_ID}> 🔔 Acme goes public`);
    expect(alert!.allowedMentions).toEqual({ parse: [], roles: [ROLE_ID] });
  });

  it("given a title with @everyone and another role's mention, then the alert pings only the chosen role (and without a role, no one)", async () => {
    const a = await world();
    await setUp(a, { role: ROLE_ID });
    a.addEvents(storyEvent("sneaky", "@everyone look <@&123> @here", 5));
    await a.courier.tick();
    const [alert] = a.posts(a.alerts);
    expect(alert!.content).toContain("@everyone look <@&123> @here");
    expect(alert!.allowedMentions).toEqual({ parse: [], roles: [ROLE_ID] });
    await a.alertsCommand({ channel: a.alerts });
    a.addEvents(storyEvent("sneaky2", "@everyone again <@&123>", 5));
    await a.courier.tick();
    const second = a.posts(a.alerts)[1];
    expect(second!.content).toBe("🔔 @everyone again <@&123>");
    expect(second!.allowedMentions).toEqual({ parse: [] });
  });

  it.each([
    ["en-US", "not mentionable"],
    ["zh-CN", "不允许被提及"],
  ])("given a role nobody may mention, then %s refuses it unless the bot may mention all roles in the channel", async (locale, why) => {
    const a = await world();
    const out = await a.alertsCommand({ channel: a.alerts, role: QUIET_ROLE_ID }, { locale });
    expect(out.reply?.content).toContain(why);
    expect(out.reply?.content).toContain(`<@&${QUIET_ROLE_ID}>`);
    expect(alertChannelsOfGuild(a.db, a.guildId)).toEqual([]);
    a.t.fake.setChannelPermission(a.alerts, 0n, PermissionFlagsBits.MentionEveryone);
    await overwriteSeen(a);
    await setUp(a, { role: QUIET_ROLE_ID });
    expect(alertChannelsOfGuild(a.db, a.guildId)[0]?.roleId).toBe(QUIET_ROLE_ID);
  });

  it("refuses @everyone as the role to mention, and saves nothing", async () => {
    const a = await world();
    const out = await a.alertsCommand({ channel: a.alerts, role: a.guildId });
    expect(out.reply?.content).toContain("not @everyone");
    expect(alertChannelsOfGuild(a.db, a.guildId)).toEqual([]);
  });

  it.each([
    ["en-US", "Embed Links", "Read Message History"],
    ["zh-CN", "嵌入链接", "读取消息历史"],
  ])("given a channel where the bot lacks permissions, then %s refuses naming them and saves nothing", async (locale, embed, history) => {
    const a = await world();
    a.t.fake.setChannelPermission(a.alerts, Perm.EmbedLinks | Perm.ReadMessageHistory);
    await overwriteSeen(a);
    const out = await a.alertsCommand({ channel: a.alerts }, { locale });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain(`<#${a.alerts}>`);
    expect(out.reply?.content).toContain(embed);
    expect(out.reply?.content).toContain(history);
    expect(alertChannelsOfGuild(a.db, a.guildId)).toEqual([]);
  });

  it("refuses members without Manage Server, and saves nothing", async () => {
    const a = await world();
    const out = await a.alertsCommand({ channel: a.alerts }, { admin: false });
    expect(out.reply?.content).toContain("Manage Server");
    expect(alertChannelsOfGuild(a.db, a.guildId)).toEqual([]);
  });

  it("given the alert channel deleted, then alerts pause with the reason, /alerts says so and /recap log shows the failure", async () => {
    const a = await world();
    await setUp(a);
    a.t.fake.deleteChannel(a.alerts);
    a.addEvents(storyEvent("lost", "Into the void", 5), storyEvent("lost2", "Also into the void", 5));
    await a.courier.tick();
    await a.courier.tick();
    expect(alertChannelsOfGuild(a.db, a.guildId)[0]?.pausedReason).toBe("channel_gone");
    expect(pendingOutbox(a.db, "alert")).toEqual([]);
    const status = textOf((await a.alertsCommand()).reply);
    expect(status).toContain("Paused");
    expect(status).toContain("the channel no longer exists");
    const log = await (await a.t.fake.command({ name: "recap", subcommand: "log", channelId: a.general, admin: true })).settled();
    const text = textOf(log.reply);
    expect(text).toContain(`<#${a.alerts}>`);
    expect(text).toContain("alerts paused: the channel no longer exists");
    expect(text).toContain("404");
    // One paused entry is logged; the second alert is dropped quietly, not logged as another failure.
    expect(text.match(/paused:/g)).toHaveLength(1);
  });

  it("given Embed Links taken away after set-up, then alerts pause saying so instead of posting an alert without its embed", async () => {
    const a = await world();
    await setUp(a);
    a.t.fake.setChannelPermission(a.alerts, Perm.EmbedLinks);
    await overwriteSeen(a);
    a.addEvents(storyEvent("bare", "Would be bare", 5));
    await a.courier.tick();
    expect(a.posts(a.alerts)).toEqual([]);
    expect(alertChannelsOfGuild(a.db, a.guildId)[0]?.pausedReason).toBe("no_permission");
    expect(textOf((await a.alertsCommand()).reply)).toContain("not allowed to post in the channel");
  });

  it("given a 5xx, then the alert is tried again on the next run and posted once, both attempts in /recap log", async () => {
    const a = await world();
    await setUp(a);
    a.t.fake.failNext("POST", new RegExp(`^/channels/${a.alerts}/messages$`), 500, 4);
    a.addEvents(storyEvent("retry", "Try again", 5));
    await a.courier.tick();
    expect(a.posts(a.alerts)).toEqual([]);
    await a.courier.tick();
    expect(a.posts(a.alerts).map((m) => m.content)).toEqual(["🔔 Try again"]);
    const text = textOf((await (await a.t.fake.command({ name: "recap", subcommand: "log", channelId: a.general, admin: true })).settled()).reply);
    expect(text).toContain("alert failed (attempt 1 of 5, tried again within seconds");
    expect(text).toContain("🔔 alert posted — [open the alert]");
    expect(text).toMatch(/ref `[0-9a-z]+`/);
  });

  it("given Discord rate-limiting the alert channel, then discord.js waits and retries, the alert is posted once and /recap log notes the rate limits", async () => {
    const a = await world();
    await setUp(a);
    a.t.fake.failNext("POST", new RegExp(`^/channels/${a.alerts}/messages$`), 429, 2);
    a.addEvents(storyEvent("slow", "Slow down", 5));
    await a.courier.tick();
    expect(a.posts(a.alerts).map((m) => m.content)).toEqual(["🔔 Slow down"]);
    const text = textOf((await (await a.t.fake.command({ name: "recap", subcommand: "log", channelId: a.general, admin: true })).settled()).reply);
    expect(text).toMatch(/alert posted .*rate limited (once|\d+ times), retried/);
  });

  it("given off:True, then alerts stop; /alerts alone shows the setting before and none after", async () => {
    const a = await world();
    await setUp(a, { role: ROLE_ID, min_importance: 3 });
    const status = textOf((await a.alertsCommand()).reply);
    expect(status).toContain(`<#${a.alerts}>`);
    expect(status).toContain("importance 3 or more");
    expect(status).toContain(`<@&${ROLE_ID}>`);
    const off = await a.alertsCommand({ off: true });
    expect(off.reply?.content).toContain("Alerts are off");
    a.addEvents(storyEvent("quiet", "Nobody hears this", 5));
    await a.courier.tick();
    expect(a.posts(a.alerts)).toEqual([]);
    expect(textOf((await a.alertsCommand()).reply)).toContain("No alerts are set up");
    expect((await a.alertsCommand({ off: true })).reply?.content).toContain("no alerts to turn off");
  });

  it("given alerts turned off while one was queued, then it is not posted", async () => {
    const a = await world();
    await setUp(a);
    a.addEvents(storyEvent("queued", "Queued, then off", 5));
    expect(queueAlerts(a.db, Date.now())).toBe(1);
    await a.alertsCommand({ off: true });
    await a.courier.tick();
    expect(a.posts(a.alerts)).toEqual([]);
    expect(a.db.prepare("SELECT state, detail FROM outbox").all()).toEqual([{ state: "failed", detail: "alerts were turned off" }]);
  });

  it("refuses off:True with a channel, and min_importance without one", async () => {
    const a = await world();
    expect((await a.alertsCommand({ off: true, channel: a.alerts })).reply?.content).toContain("give it alone");
    expect((await a.alertsCommand({ min_importance: 2 })).reply?.content).toContain("/alerts channel:");
    expect(alertChannelsOfGuild(a.db, a.guildId)).toEqual([]);
  });

  it("in a Chinese server, sets up and posts the alert in Chinese", async () => {
    const a = await world({ locale: "zh-CN" });
    const out = await a.alertsCommand({ channel: a.alerts, role: ROLE_ID });
    expect(textOf(out.reply)).toMatch(CHINESE);
    expect(textOf(out.reply)).toContain("只提及这个身份组");
    await addEvent(a.t, { title: "机器正式启动", when: "2024-02-01", importance: "5", source: "公报 | https://example.org/zh" }, { locale: "zh-CN" });
    await a.courier.tick();
    const [alert] = a.posts(a.alerts);
    const text = textOf(alert);
    expect(alert!.content).toBe(`<@&${ROLE_ID}> 🔔 机器正式启动`);
    expect(text).toContain("重要程度");
    expect(text).toContain("2024年2月1日");
    expect(text).toMatch(/编号 [0-9a-z]{1,12}/);
    expect(textOf((await a.alertsCommand({}, { locale: "zh-CN" })).reply)).toContain("重要程度不低于 4");
  });
});
