import { afterEach, describe, expect, it } from "vitest";
import { latestDeliveries } from "../db/recap-deliveries.ts";
import { recapSchedulesOf } from "../db/recaps.ts";
import type { OutboxEntry } from "../db/outbox.ts";
import { recapMarker } from "../src/recap/nonce.ts";
import { ChannelKind } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { eventYaml, startRecapWorld, until, type RecapWorld } from "./helpers/recap.ts";

const NONCE_WINDOW_MS = 150;
const SLOT = Date.parse("2024-06-01T09:00:00Z");
let w: RecapWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

/**
 * A world whose fake Discord forgets nonces after 150 ms, and a crash switch: while
 * `crash.at` names a part, the bot dies (the hook throws) right after Discord confirmed that
 * part and before the ledger recorded it.
 */
async function crashingWorld() {
  const crash = { part: -1 };
  const world = await startRecapWorld({
    start: "2024-06-01T08:00:00Z",
    nonceWindowMs: NONCE_WINDOW_MS,
    hooks: {
      afterSend: (entry: OutboxEntry) => {
        if (entry.key.endsWith(`:${crash.part}`)) {
          crash.part = -1;
          throw new Error("killed between sending and recording");
        }
      },
    },
  });
  w = world;
  return { world, crash };
}

const schedule = async (world: RecapWorld, channel: string) =>
  (await world.t.fake.command({ name: "recap", subcommand: "schedule", options: { channel, time: "09:00", timezone: "UTC" }, admin: true })).settled();

/** Restarts the bot once Discord has forgotten the nonces it was sent. */
async function restartAfterTheNonceWindow(world: RecapWorld): Promise<void> {
  await world.restart();
  await new Promise((r) => setTimeout(r, NONCE_WINDOW_MS * 2));
}

const manyEvents = () =>
  Array.from({ length: 60 }, (_, i) =>
    eventYaml(`n-${i}`, `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`, `Development ${i}, ${"with many more words ".repeat(8)}`),
  );

describe("exactly once, past Discord's nonce window", () => {
  it("given a crash between sending a recap and recording it, then a restart after the window finds the post instead of posting it again", async () => {
    const { world, crash } = await crashingWorld();
    const channel = world.t.fake.defaultChannel().id;
    await schedule(world, channel);
    crash.part = 0;
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.posts(channel)).toHaveLength(1);
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)[0]).toMatchObject({ lastSlot: null, lastResult: "failed" });

    await restartAfterTheNonceWindow(world);
    world.setNow("2024-06-01T09:01:00Z");
    await world.scheduler.tick();
    const posts = world.posts(channel);
    expect(posts).toHaveLength(1);
    const [sched] = recapSchedulesOf(world.db, world.t.fake.defaultGuild().id);
    expect(sched).toMatchObject({ lastSlot: SLOT, lastResult: "posted", lastMessageId: posts[0]!.id });
    const marker = recapMarker(sched!.id, SLOT, 0);
    expect(textOf(posts[0])).toContain(`ref ${marker}`);
    expect(latestDeliveries(world.db, sched!.guildId)).toMatchObject([
      { result: "posted", kind: "recap", ref: marker, messageId: posts[0]!.id },
      { result: "failed", detail: expect.stringContaining("killed between sending and recording") },
    ]);
  });

  it("given a crash in the middle of a long recap, then the restart posts only the parts that were missing", async () => {
    const { world, crash } = await crashingWorld();
    const channel = world.t.fake.defaultChannel().id;
    await schedule(world, channel);
    world.setNow("2024-06-01T08:30:00Z");
    world.addEvents(...manyEvents());
    crash.part = 1;
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.posts(channel)).toHaveLength(2);

    await restartAfterTheNonceWindow(world);
    world.setNow("2024-06-01T09:01:00Z");
    await world.scheduler.tick();
    const texts = world.posts(channel).map(textOf);
    expect(texts.length).toBeGreaterThan(2);
    expect(new Set(texts).size).toBe(texts.length);
    for (const [i, text] of texts.entries()) expect(text).toContain(`(${i + 1}/${texts.length})`);
  });

  it("given a crash while opening a forum post, then the restart finds the post by its starter message and opens no second one", async () => {
    const { world, crash } = await crashingWorld();
    const forum = world.t.fake.addChannel({ name: "daily", type: ChannelKind.Forum });
    await until(() => world.t.bot.client.channels.cache.has(forum.id), "the forum");
    await schedule(world, forum.id);
    crash.part = 0;
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    expect(world.t.fake.threadsOf(forum.id)).toHaveLength(1);

    await restartAfterTheNonceWindow(world);
    world.setNow("2024-06-01T09:01:00Z");
    await world.scheduler.tick();
    const posts = world.t.fake.threadsOf(forum.id);
    expect(posts).toHaveLength(1);
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)[0]).toMatchObject({
      lastSlot: SLOT,
      lastMessageId: posts[0]!.id,
      lastPostChannelId: posts[0]!.id,
    });
  });

  it("given the forum post archived while the bot was down, then the restart still finds it among the archived posts", async () => {
    const { world, crash } = await crashingWorld();
    const forum = world.t.fake.addChannel({ name: "daily", type: ChannelKind.Forum });
    await until(() => world.t.bot.client.channels.cache.has(forum.id), "the forum");
    await schedule(world, forum.id);
    crash.part = 0;
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    world.t.fake.archiveThread(world.t.fake.threadsOf(forum.id)[0]!.id);

    await restartAfterTheNonceWindow(world);
    world.setNow("2024-06-01T09:01:00Z");
    await world.scheduler.tick();
    expect(world.t.fake.threadsOf(forum.id)).toHaveLength(1);
    expect(world.t.fake.requests.some((r) => r.path === `/channels/${forum.id}/threads/archived/public`)).toBe(true);
  });

  it("given a crash and two days of downtime, then the restart finishes the slot it began instead of posting it again under a new one", async () => {
    const { world, crash } = await crashingWorld();
    const channel = world.t.fake.defaultChannel().id;
    await schedule(world, channel);
    crash.part = 0;
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    await restartAfterTheNonceWindow(world);
    world.setNow("2024-06-03T10:00:00Z");
    await world.scheduler.tick();
    expect(world.posts(channel)).toHaveLength(1);
    expect(recapSchedulesOf(world.db, world.t.fake.defaultGuild().id)[0]).toMatchObject({
      lastSlot: SLOT,
      watermark: SLOT,
      nextSlot: Date.parse("2024-06-04T09:00:00Z"),
    });
  });
});

describe("/recap log", () => {
  it("shows each delivery's ref, matching the one printed in the post, and a failure with Discord's reason", async () => {
    const { world } = await crashingWorld();
    const channel = world.t.fake.defaultChannel().id;
    await schedule(world, channel);
    world.t.fake.failNext("POST", new RegExp(`^/channels/${channel}/messages$`), 403, 1, { code: 50013, message: "Missing Permissions" });
    world.setNow("2024-06-01T09:00:00Z");
    await world.scheduler.tick();
    await schedule(world, channel);
    world.setNow("2024-06-02T09:00:00Z");
    await world.scheduler.tick();
    const [post] = world.posts(channel);
    const ref = /ref (\w+)/.exec(textOf(post))?.[1];
    expect(ref).toBeDefined();
    const log = textOf((await (await world.t.fake.command({ name: "recap", subcommand: "log", admin: true })).settled()).reply);
    expect(log).toContain(`ref \`${ref}\``);
    expect(log).toContain("paused: I'm not allowed to post in the channel (Missing Permissions)");
    expect(log).toContain("50013");
    const zh = textOf((await (await world.t.fake.command({ name: "recap", subcommand: "log", admin: true, locale: "zh-CN" })).settled()).reply);
    expect(zh).toContain(`编号 \`${ref}\``);
  });
});
