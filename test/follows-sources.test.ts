/**
 * A follow DM for every way an event becomes published — a trusted feed and a story import
 * here (the editor in follows.test.ts) — exactly once each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importStory } from "../db/import.ts";
import { approveEvent } from "../db/review.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { readStoryFile } from "../src/story/read.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { follow as followFeed, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { READER, dmTexts, testCourier } from "./helpers/follows.ts";

let t: TestBot;
let server: FeedServer;

beforeAll(async () => {
  server = await startFeedServer();
  // The fixtures report the story's own events; without them each feed item starts an event.
  const { db } = storyDb(":memory:", { withoutEvents: true });
  t = await startTestBot({ db });
});
afterAll(async () => {
  await t.stop();
  t.db.close();
  await server.stop();
});

describe("follow DMs for feeds and imports", () => {
  it("given a trusted feed publishes an event naming the person, then the follower gets it once, also after the next poll", async () => {
    await run(t, { name: "follow", options: { who: "ilya" }, user: READER });
    const courier = testCourier(t, { bundleWindowMs: 0 });
    followFeed(t.db, server.url("/f/rss.xml"), { trusted: true });
    const poller = testPoller(t.db, memoryLog().log);
    expect(await poller.pollNow()).toMatchObject({ published: 4 });
    await courier.tick();
    await poller.pollNow();
    await courier.tick();
    await poller.stop();
    await courier.stop();
    const dms = dmTexts(t, READER.id);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain("Ilya Sutskever expresses regret");
    expect(dms[0]).not.toContain("Big hire in Redmond");
  });

  it("given an editor approves a feed's suggestions that are major developments, then a story follower gets them in one DM", async () => {
    const before = dmTexts(t, READER.id).length;
    t.db.exec("DELETE FROM feeds");
    followFeed(t.db, server.url("/f/atom.xml"), { keywords: ["silicon valley"] });
    const poller = testPoller(t.db, memoryLog().log);
    await poller.pollNow();
    await poller.stop();
    const pending = t.db.prepare<[], { id: number; title_en: string }>("SELECT id, title_en FROM events WHERE status = 'pending' ORDER BY id").all();
    expect(pending.length).toBeGreaterThan(0);
    await run(t, { name: "follow", options: { story: BUNDLED_STORY }, user: READER });
    t.db.prepare("UPDATE events SET importance = 5 WHERE status = 'pending'").run();
    const courier = testCourier(t, { bundleWindowMs: 0 });
    await courier.tick();
    expect(dmTexts(t, READER.id)).toHaveLength(before);
    for (const e of pending) expect(approveEvent(t.db, e.id, Date.now())).toBe(true);
    await courier.tick();
    await courier.tick();
    await courier.stop();
    const dms = dmTexts(t, READER.id).slice(before);
    expect(dms).toHaveLength(1);
    for (const e of pending) expect(dms[0]).toContain(e.title_en);
    await run(t, { name: "unfollow", options: { story: BUNDLED_STORY }, user: READER });
  });

  it("given a story import adds an event naming the person, then the follower gets it once, and a re-import sends nothing", async () => {
    const before = dmTexts(t, READER.id).length;
    const read = readStoryFile("stories/openai-board-crisis-2023.yaml");
    if (!read.ok) throw new Error(read.problems.join("; "));
    const added = {
      key: "ilya-speaks-2031",
      at: Date.UTC(2023, 10, 28, 12),
      precision: "date" as const,
      title: { en: "Sutskever speaks about the board", zh: "苏茨克维谈董事会" },
      summary: { en: null, zh: null },
      importance: 3,
      entityKeys: ["ilya-sutskever"],
      quotes: [],
      sources: [{ name: "Wire", url: "https://example.com/ilya" }],
    };
    const changed = { ...read.story, events: [...read.story.events, added] };
    const courier = testCourier(t, { bundleWindowMs: 0 });
    importStory(t.db, changed);
    await courier.tick();
    importStory(t.db, changed);
    await courier.tick();
    await courier.stop();
    const dms = dmTexts(t, READER.id).slice(before);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain("Sutskever speaks about the board");
    expect(dms[0]).toContain("`/event id:ilya-speaks-2031`");
  });
});
