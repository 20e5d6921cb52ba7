import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/index.ts";
import { getFeed, listFeeds } from "../db/feeds.ts";
import { latestEvents, searchEvents } from "../db/events.ts";
import { getStoryById } from "../db/stories.ts";
import type { FeedPoller } from "../src/feeds/poller.ts";
import { eventLinks, feedEvents, follow, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { tempDir } from "./helpers/tmp.ts";
import { FEED_FIXTURES_DIR, startFixtureServer } from "../src/sandbox/sample-feeds.ts";

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.stop();
});

describe("polling feeds into events", () => {
  let db: Db;
  let storyId: number;
  let poller: FeedPoller;
  const { log } = memoryLog();
  beforeEach(() => {
    ({ db, storyId } = storyDb(":memory:", { withoutEvents: true }));
    poller = testPoller(db, log);
  });
  afterEach(async () => {
    await poller.stop();
    db.close();
  });

  it("given an RSS feed, then matched items become pending events with their people, source and date, and unmatched ones make nothing", async () => {
    const before = Date.now();
    follow(db, server.url("/f/rss.xml"));
    const report = await poller.pollNow();
    expect(report).toMatchObject({ skipped: false, created: 4, published: 0, failed: 0 });
    const events = feedEvents(db);
    expect(events.map((e) => e.title_en)).toEqual([
      "OpenAI's board ousts Sam Altman",
      "Big hire in Redmond",
      "Ilya Sutskever expresses regret",
      "Emmett Shear named interim chief",
    ]);
    for (const e of events) expect(e).toMatchObject({ status: "pending", origin: "feed", precision: "datetime", title_zh: null });
    for (const e of events) expect(e.key).toMatch(/^fd_\d+$/);

    const [ousted, hire, regret] = events;
    expect(ousted!.at).toBe(Date.parse("2023-11-17T20:28:00Z"));
    expect(eventLinks(db, ousted!.id)).toEqual({
      entities: ["openai", "openai-board", "sam-altman"],
      sources: [{ name: "Tech Wire", url: "https://wire.example/2023/11/17/ousted" }],
    });
    expect(hire!.summary_en).toBe("Satya Nadella says Microsoft will host a new research team.");
    expect(eventLinks(db, hire!.id).entities).toEqual(["satya-nadella", "microsoft"]);
    // No date in the feed: the fetch time stands in.
    expect(regret!.at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(regret!.at % 1000).toBe(0);
    expect(eventLinks(db, regret!.id).sources[0]?.url).toBe("https://wire.example/2023/11/20/regret");

    const feed = listFeeds(db)[0]!;
    expect(feed).toMatchObject({ title: "Tech Wire", itemsSeen: 6, eventsMade: 4, lastError: null, failures: 0 });
  });

  it("given pending events, then the story's readers see none of them", async () => {
    follow(db, server.url("/f/rss.xml"));
    const published = getStoryById(db, storyId)!.eventCount;
    const latestBefore = latestEvents(db, storyId, 100).map((e) => e.id);
    await poller.pollNow();
    expect(feedEvents(db).length).toBe(4);
    expect(latestEvents(db, storyId, 100).map((e) => e.id)).toEqual(latestBefore);
    expect(searchEvents(db, storyId, "Redmond").total).toBe(0);
    expect(getStoryById(db, storyId)!.eventCount).toBe(published);
    const indexed = db.prepare("SELECT count(*) AS n FROM event_fts WHERE rowid IN (SELECT search_key FROM events WHERE origin = 'feed')").get() as {
      n: number;
    };
    expect(indexed.n).toBe(0);
  });

  it("given a trusted feed, then its events are published at once and found by /latest and search", async () => {
    follow(db, server.url("/f/rss.xml"), { trusted: true });
    const report = await poller.pollNow();
    expect(report).toMatchObject({ created: 4, published: 4 });
    expect(feedEvents(db).every((e) => e.status === "published")).toBe(true);
    expect(latestEvents(db, storyId, 100).some((e) => e.title.en === "Ilya Sutskever expresses regret")).toBe(true);
    expect(searchEvents(db, storyId, "Redmond").hits.map((h) => h.event.title.en)).toEqual(["Big hire in Redmond"]);
  });

  it("given Atom and JSON feeds, then their titles and summaries arrive as plain text", async () => {
    follow(db, server.url("/f/atom.xml"));
    follow(db, server.url("/f/feed.json"));
    await poller.pollNow();
    const events = feedEvents(db);
    expect(events.map((e) => [e.title_en, e.summary_en])).toEqual([
      ["Greg Brockman & the president's exit", "He quit hours after the news."],
      ["Mira Murati steps in as interim CEO", "The CTO takes the helm."],
    ]);
    expect(events[0]!.at).toBe(Date.parse("2023-11-18T01:00:00Z"));
    expect(listFeeds(db).map((f) => f.title)).toEqual(["Daily Ledger", "Json Times"]);
  });

  it("given a Chinese feed, then names match inside Chinese text and the event is written in Chinese", async () => {
    follow(db, server.url("/f/zh.xml"));
    await poller.pollNow();
    const [event, ...rest] = feedEvents(db);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({
      title_zh: "微软聘请奥特曼领导新团队",
      title_en: null,
      summary_zh: "纳德拉宣布消息。",
      at: Date.parse("2023-11-20T00:00:00Z"),
    });
    expect(eventLinks(db, event!.id).entities).toEqual(["microsoft", "sam-altman", "satya-nadella"]);
  });

  it("given a feed's keywords, then an item naming nobody but a keyword becomes an event without people", async () => {
    follow(db, server.url("/f/rss.xml"), { keywords: ["Silicon Valley"] });
    await poller.pollNow();
    const valley = feedEvents(db).find((e) => e.title_en?.startsWith("Silicon Valley"));
    expect(valley).toBeDefined();
    expect(eventLinks(db, valley!.id).entities).toEqual([]);
  });

  it("given the same items fetched again in full, then nothing new is made", async () => {
    follow(db, server.url("/f/rss.xml"));
    await poller.pollNow();
    db.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
    const second = await poller.pollNow();
    expect(second.results[0]).toMatchObject({ outcome: "ok", items: 6, newItems: 0, created: 0 });
    expect(feedEvents(db)).toHaveLength(4);
  });

  it("given two feeds carrying the same article, then it becomes one event", async () => {
    follow(db, server.url("/f/dup-a.xml"));
    follow(db, server.url("/f/dup-b.xml"));
    const report = await poller.pollNow();
    expect(report.created).toBe(1);
    expect(feedEvents(db)).toHaveLength(1);
    expect(listFeeds(db).map((f) => f.itemsSeen)).toEqual([1, 1]);
  });

  it("given an unchanged feed with an ETag, then the next request is conditional and its 304 changes nothing", async () => {
    const feed = follow(db, server.url("/f/atom.xml"));
    await poller.pollNow();
    const after = getFeed(db, feed.id)!;
    expect(after.etag).toMatch(/^".+"$/);
    const events = feedEvents(db);
    const report = await poller.pollNow();
    expect(report.results[0]?.outcome).toBe("not-modified");
    const requests = server.requests.filter((r) => r.path === "/f/atom.xml");
    expect(requests.at(-1)?.headers["if-none-match"]).toBe(after.etag);
    expect(feedEvents(db)).toEqual(events);
    expect(getFeed(db, feed.id)).toMatchObject({ etag: after.etag, itemsSeen: after.itemsSeen, title: after.title });
  });
});

describe("remembering items across restarts", () => {
  it("given a new poller on the same database file, then items seen before make nothing again", async () => {
    const tmp = tempDir();
    const { log } = memoryLog();
    try {
      const path = `${tmp.dir}/feeds.db`;
      const first = storyDb(path, { withoutEvents: true });
      follow(first.db, server.url("/f/rss.xml"));
      follow(first.db, server.url("/f/zh.xml"));
      const p1 = testPoller(first.db, log);
      // The Chinese report of the Redmond hire joins the English one's development.
      expect(await p1.pollNow()).toMatchObject({ created: 4 });
      const sourcesBefore = first.db.prepare("SELECT count(*) AS n FROM sources").get();
      await p1.stop();
      first.db.close();

      const second = storyDb(path, { withoutEvents: true });
      const p2 = testPoller(second.db, log);
      // Unconditional this time: the validators are forgotten, the items are not.
      second.db.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
      const report = await p2.pollNow();
      expect(report.results.map((r) => [r.outcome, r.newItems, r.created])).toEqual([
        ["ok", 0, 0],
        ["ok", 0, 0],
      ]);
      expect(feedEvents(second.db)).toHaveLength(4);
      expect(second.db.prepare("SELECT count(*) AS n FROM sources").get()).toEqual(sourcesBefore);
      await p2.stop();
      second.db.close();
    } finally {
      tmp.cleanup();
    }
  });
});

describe("the sandbox's fixture server", () => {
  it("serves the sample feeds on 127.0.0.1 with ETags, and nothing outside its folder", async () => {
    const fixtures = await startFixtureServer(FEED_FIXTURES_DIR);
    const { db } = storyDb(":memory:", { withoutEvents: true });
    const { log } = memoryLog();
    const poller = testPoller(db, log);
    try {
      expect(fixtures.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      follow(db, `${fixtures.baseUrl}zh.xml`);
      expect((await poller.pollNow()).results[0]).toMatchObject({ outcome: "ok", title: "科技日报", created: 1 });
      expect((await poller.pollNow()).results[0]?.outcome).toBe("not-modified");
      expect((await fetch(`${fixtures.baseUrl}..%2Fpackage.json`)).status).toBe(404);
      expect(await (await fetch(fixtures.baseUrl)).text()).toContain(`${fixtures.baseUrl}rss.xml`);
    } finally {
      await poller.stop();
      db.close();
      await fixtures.stop();
    }
  });
});
