import type { PermissionResolvable } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { recapSchedulesOf } from "../db/recaps.ts";
import { ChannelKind, Perm, REQUIRE_TAG, type FakeChannel, type FakeChannelInit } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { CHINESE } from "./helpers/commands.ts";
import { eventYaml, startRecapWorld, until, type RecapWorld } from "./helpers/recap.ts";

let w: RecapWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/** A world with a server (in `locale`) holding one text channel. */
async function startWorld(locale = "en-US"): Promise<RecapWorld> {
  w = await startRecapWorld({ start: "2024-06-01T08:00:00Z", guilds: [{ name: "News", preferredLocale: locale, channels: [{ name: "general" }] }] });
  return w;
}

/** Whether the bot's cache says it has `perm` in channel `id` (an overwrite reached it). */
const botCan = (world: RecapWorld, id: string, perm: PermissionResolvable) => {
  const c = world.t.bot.client.channels.cache.get(id);
  return !!c && !c.isDMBased() && !!c.permissionsFor(world.t.bot.client.user!.id)?.has(perm);
};

/** Adds a channel while the bot runs and waits until the bot's cache has it. */
async function add(world: RecapWorld, init: FakeChannelInit): Promise<FakeChannel> {
  const channel = world.t.fake.addChannel(init);
  await until(() => world.t.bot.client.channels.cache.has(channel.id), `the bot to see ${init.name}`);
  return channel;
}

const schedule = async (world: RecapWorld, channel: string, opts: { locale?: string } = {}) => {
  const out = await (
    await world.t.fake.command({ name: "recap", subcommand: "schedule", options: { channel, time: "09:00", timezone: "UTC" }, admin: true, ...opts })
  ).settled();
  return textOf(out.reply);
};

const status = async (world: RecapWorld) => textOf((await (await world.t.fake.command({ name: "recap", subcommand: "status" })).settled()).reply);

/** Sixty long events: a digest of several messages. */
const manyEvents = () =>
  Array.from({ length: 60 }, (_, i) =>
    eventYaml(`n-${i}`, `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`, `Development ${i}, ${"with many more words ".repeat(8)}`),
  );

describe("recaps in a forum channel", () => {
  it("open one post per slot, titled with its date and carrying the forum's Recap tag when the forum requires one", async () => {
    const world = await startWorld();
    const forum = await add(world, { name: "daily", type: ChannelKind.Forum, flags: REQUIRE_TAG, availableTags: [{ name: "Discussion" }, { name: "Recap" }] });
    const reply = await schedule(world, forum.id);
    expect(reply).toContain("new post in the forum");
    expect(reply).toContain("“Recap · Jun 1, 2024”");
    expect(reply).toContain("tag “Recap”");
    expect(await status(world)).toContain("new post tagged “Recap”");

    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    world.setNow("2024-06-01T12:00:00Z");
    world.addEvents(eventYaml("sequel", "2024-06-01", "A sequel"));
    world.setNow("2024-06-02T09:00:00Z");
    await world.scheduler.tick();
    await world.scheduler.tick();

    const posts = world.t.fake.threadsOf(forum.id);
    const recapTag = world.t.bot.client.channels.cache.get(forum.id);
    expect(posts.map((p) => p.name)).toEqual(["Recap · Jun 1, 2024", "Recap · Jun 2, 2024"]);
    const tagId = recapTag && "availableTags" in recapTag ? recapTag.availableTags.find((t) => t.name === "Recap")?.id : undefined;
    expect(tagId).toBeDefined();
    for (const p of posts) expect(p.appliedTags).toEqual([tagId]);
    const [first, second] = posts.map((p) => world.t.fake.channelMessages(p.id));
    expect(first).toHaveLength(1);
    expect(first![0]!.id).toBe(posts[0]!.id);
    expect(textOf(first![0])).toContain("Ada joins Acme");
    expect(textOf(second![0])).toContain("A sequel");
    expect(textOf(second![0])).not.toContain("Ada joins Acme");
    const [sched] = recapSchedulesOf(world.db, world.t.fake.defaultGuild().id);
    expect(sched).toMatchObject({ lastPostChannelId: posts[1]!.id, lastMessageId: posts[1]!.id });
  });

  it("put a long recap's first part in the post and the rest in its thread", async () => {
    const world = await startWorld();
    const forum = await add(world, { name: "daily", type: ChannelKind.Forum });
    await schedule(world, forum.id);
    world.setNow("2024-06-01T08:30:00Z");
    world.addEvents(...manyEvents());
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    const posts = world.t.fake.threadsOf(forum.id);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.appliedTags).toEqual([]);
    const parts = world.t.fake.channelMessages(posts[0]!.id);
    expect(parts.length).toBeGreaterThan(1);
    expect(textOf(parts[0])).toContain("(1/");
    expect(textOf(parts[1])).toContain("(2/");
  });

  it("are titled and tagged in the server's language", async () => {
    const world = await startWorld("zh-CN");
    const forum = await add(world, { name: "daily", type: ChannelKind.Forum, flags: REQUIRE_TAG, availableTags: [{ name: "讨论" }, { name: "回顾" }] });
    const reply = await schedule(world, forum.id, { locale: "zh-CN" });
    expect(reply).toContain("动态摘要 · 2024年6月1日");
    expect(reply).toContain("回顾");
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    const [post] = world.t.fake.threadsOf(forum.id);
    expect(post?.name).toBe("动态摘要 · 2024年6月1日");
    expect(textOf(world.t.fake.channelMessages(post!.id)[0])).toMatch(CHINESE);
  });

  it("take the first tag the bot may apply when the forum requires one and none is named Recap", async () => {
    const world = await startWorld();
    const forum = await add(world, {
      name: "daily",
      type: ChannelKind.Forum,
      flags: REQUIRE_TAG,
      availableTags: [{ name: "Staff only", moderated: true }, { name: "News" }],
    });
    expect(await schedule(world, forum.id)).toContain("tag “News”");
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.t.fake.threadsOf(forum.id)).toHaveLength(1);
  });

  it("are refused at schedule time, in both languages and saving nothing, when the forum requires a tag and has none the bot may apply", async () => {
    const world = await startWorld();
    const bare = await add(world, { name: "bare", type: ChannelKind.Forum, flags: REQUIRE_TAG });
    const moderated = await add(world, { name: "moderated", type: ChannelKind.Forum, flags: REQUIRE_TAG, availableTags: [{ name: "Staff", moderated: true }] });
    expect(await schedule(world, bare.id)).toContain("requires a tag on every post");
    expect(await schedule(world, moderated.id)).toContain("moderated tags need Manage Threads");
    const zh = await schedule(world, bare.id, { locale: "zh-CN" });
    expect(zh).toContain("要求每个帖子都带标签");
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)).toEqual([]);
  });

  it("are refused without Send Messages (which creates posts) in the forum", async () => {
    const world = await startWorld();
    const forum = await add(world, { name: "daily", type: ChannelKind.Forum });
    world.t.fake.setChannelPermission(forum.id, Perm.SendMessages);
    await until(() => !botCan(world, forum.id, "SendMessages"), "the overwrite");
    expect(await schedule(world, forum.id)).toContain("I'm missing **Send Messages**");
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)).toEqual([]);
  });
});

describe("recaps in threads and announcement channels", () => {
  it("post in a thread, and reopen an archived one", async () => {
    const world = await startWorld();
    const parent = world.t.fake.defaultChannel();
    const thread = await add(world, { name: "recaps", type: ChannelKind.PublicThread, parentId: parent.id });
    world.t.fake.archiveThread(thread.id);
    await until(() => {
      const c = world.t.bot.client.channels.cache.get(thread.id);
      return !!c?.isThread() && !!c.archived;
    }, "the archive to reach the bot");
    expect(await schedule(world, thread.id)).toContain("each recap reopens it");
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    const posts = world.posts(thread.id);
    expect(posts).toHaveLength(1);
    expect(textOf(posts[0])).toContain("Ada joins Acme");
    expect(world.t.fake.threadsOf(parent.id)[0]?.archived).toBe(false);
    expect(world.posts(parent.id)).toHaveLength(0);
  });

  it("refuse a private thread the bot is not in, and a locked archived thread, saying how to fix it", async () => {
    const world = await startWorld();
    const parent = world.t.fake.defaultChannel();
    const secret = await add(world, { name: "secret", type: ChannelKind.PrivateThread, parentId: parent.id, botJoined: false });
    const locked = await add(world, { name: "locked", type: ChannelKind.PublicThread, parentId: parent.id });
    world.t.fake.archiveThread(locked.id, { locked: true });
    await until(() => {
      const c = world.t.bot.client.channels.cache.get(locked.id);
      return !!c?.isThread() && !!c.locked;
    }, "the lock to reach the bot");
    expect(await schedule(world, secret.id)).toContain("private thread and I'm not in it");
    expect(await schedule(world, locked.id)).toContain("archived and locked");
    expect(await schedule(world, locked.id, { locale: "zh-CN" })).toContain("已归档并锁定");
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)).toEqual([]);
  });

  it("post in a private thread the bot was added to", async () => {
    const world = await startWorld();
    const parent = world.t.fake.defaultChannel();
    const thread = await add(world, { name: "editors", type: ChannelKind.PrivateThread, parentId: parent.id });
    expect(await schedule(world, thread.id)).toContain(`<#${thread.id}>`);
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.posts(thread.id)).toHaveLength(1);
  });

  it("refuse a thread without Send Messages in Threads in its channel", async () => {
    const world = await startWorld();
    const parent = world.t.fake.defaultChannel();
    const thread = await add(world, { name: "recaps", type: ChannelKind.PublicThread, parentId: parent.id });
    world.t.fake.setChannelPermission(parent.id, Perm.SendMessagesInThreads);
    await until(() => !botCan(world, parent.id, "SendMessagesInThreads"), "the overwrite");
    expect(await schedule(world, thread.id)).toContain("**Send Messages in Threads**");
  });

  it("post in an announcement channel without crossposting", async () => {
    const world = await startWorld();
    const news = await add(world, { name: "announcements", type: ChannelKind.Announcement });
    await schedule(world, news.id);
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.posts(news.id)).toHaveLength(1);
    expect(world.t.fake.requests.filter((r) => r.path.endsWith("/crosspost"))).toEqual([]);
  });
});
