import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/index.ts";
import { eventSources, eventStanding } from "../db/event-sources.ts";
import { listNewsItems } from "../db/news-items.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import { approveEvent, rejectEvent } from "../db/review.ts";
import type { FeedPoller } from "../src/feeds/poller.ts";
import { feedEvents, follow, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";
import { fixture, startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { tempDir } from "./helpers/tmp.ts";

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  for (const f of ["newsroom-wire.xml", "newsroom-zh.xml", "newsroom-ledger.xml"]) server.route(`/f/${f}`, fixture(f));
});
afterAll(async () => {
  await server.stop();
});

const FEEDS = ["/f/newsroom-wire.xml", "/f/newsroom-zh.xml", "/f/newsroom-ledger.xml"];

/** Polls three times, following one more of the three sample feeds before each poll. */
async function threePolls(db: Db, poller: FeedPoller): Promise<void> {
  for (const path of FEEDS) {
    follow(db, server.url(path));
    await poller.pollNow();
  }
}

const sourcesOf = (db: Db, eventId: number) => eventSources(db, eventId).map((s) => [s.name, s.language]);

describe("the newsroom in the feed poller", () => {
  let db: Db;
  let storyId: number;
  let poller: FeedPoller;
  const { log } = memoryLog();
  beforeEach(() => {
    ({ db, storyId } = storyDb());
    poller = testPoller(db, log);
  });
  afterEach(async () => {
    await poller.stop();
    db.close();
  });

  it("given reports in two languages of one development over three polls from three feeds, then they form one pending development", async () => {
    await threePolls(db, poller);
    const pending = feedEvents(db).filter((e) => e.status === "pending");
    expect(pending.map((e) => [e.title_en, e.title_zh])).toEqual([
      ["OpenAI board hires law firm WilmerHale to review Sam Altman's firing", "OpenAI董事会聘请律所WilmerHale调查奥尔特曼被解雇一事"],
      ["Microsoft gets a non-voting observer seat on the OpenAI board", "微软获得OpenAI董事会无投票权观察员席位"],
    ]);
    expect(sourcesOf(db, pending[0]!.id)).toEqual([
      ["Harbour Wire", "en"],
      ["港湾科技", "zh"],
      ["Quay Ledger", "en"],
    ]);
    const items = listNewsItems(db, { storyId }).filter((i) => i.eventId === pending[0]!.id);
    expect(items).toHaveLength(3);
    expect(new Set(items.map((i) => i.groupId))).toEqual(new Set([`g:${items.at(-1)!.id}`]));
    expect(items.every((i) => i.fate === "suggested" && i.reason.length > 0)).toBe(true);
  });

  it("given an item reporting an event the story has, then it becomes a further source of it with its language and date, and the event is corroborated", async () => {
    const event = eventIdByKey(db, storyId, "altman-return-agreed")!;
    const before = eventStanding(db, event.id);
    await threePolls(db, poller);
    const sources = eventSources(db, event.id);
    expect(sources.at(-1)).toEqual({
      name: "Quay Ledger",
      url: "https://quay.example/news/summers-joins",
      language: "en",
      publishedAt: Date.parse("2023-11-22T08:00:00Z"),
    });
    expect(eventStanding(db, event.id)).toEqual({ status: "corroborated", note: null, outlets: before.outlets + 1 });
    const item = listNewsItems(db, { storyId }).find((i) => i.url === "https://quay.example/news/summers-joins")!;
    expect(item).toMatchObject({ fate: "attached", eventKey: "altman-return-agreed", groupId: "altman-return-agreed" });
    expect(item.reason).toMatch(/^attached to altman-return-agreed: shares Larry Summers/);
  });

  it("given a development approved, then it is one published event whose sources are all its reports, and later reports attach to it", async () => {
    follow(db, server.url(FEEDS[0]!));
    follow(db, server.url(FEEDS[1]!));
    await poller.pollNow();
    const [review] = feedEvents(db);
    expect(approveEvent(db, review!.id, Date.now())).toBe(true);
    follow(db, server.url(FEEDS[2]!));
    await poller.pollNow();
    expect(eventStanding(db, review!.id)).toEqual({ status: "corroborated", note: null, outlets: 3 });
    const items = listNewsItems(db, { storyId }).filter((i) => i.eventId === review!.id);
    expect(items.map((i) => i.fate).sort()).toEqual(["attached", "published", "published"]);
    expect(items.every((i) => i.eventKey === review!.key)).toBe(true);
  });

  it("given a development rejected, then a later report of it is rejected too and nothing new waits", async () => {
    follow(db, server.url(FEEDS[0]!));
    await poller.pollNow();
    for (const e of feedEvents(db)) rejectEvent(db, e.id, Date.now());
    follow(db, server.url(FEEDS[1]!));
    await poller.pollNow();
    expect(feedEvents(db).map((e) => e.status)).toEqual(["rejected", "rejected"]);
    const zh = listNewsItems(db, { storyId }).filter((i) => i.language === "zh");
    expect(zh.map((i) => i.fate)).toEqual(["rejected", "rejected"]);
  });
});

describe("the newsroom across restarts", () => {
  it("given a restart between polls, then new reports join the developments of before and nothing is lost or doubled", async () => {
    const tmp = tempDir();
    const { log } = memoryLog();
    try {
      const path = `${tmp.dir}/newsroom.db`;
      const first = storyDb(path);
      follow(first.db, server.url(FEEDS[0]!));
      const p1 = testPoller(first.db, log);
      await p1.pollNow();
      await p1.stop();
      const before = listNewsItems(first.db);
      first.db.close();

      const second = storyDb(path);
      const p2 = testPoller(second.db, log);
      second.db.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
      follow(second.db, server.url(FEEDS[1]!));
      follow(second.db, server.url(FEEDS[2]!));
      const report = await p2.pollNow();
      expect(report.created).toBe(0);
      const events = feedEvents(second.db);
      expect(events).toHaveLength(2);
      for (const e of events) expect(sourcesOf(second.db, e.id).map(([, lang]) => lang)).toEqual(["en", "zh", "en"]);
      const after = listNewsItems(second.db);
      expect(after.filter((i) => before.some((b) => b.id === i.id))).toEqual(before);
      expect(after.filter((i) => i.fate === null)).toEqual([]);
      await p2.stop();
      second.db.close();
    } finally {
      tmp.cleanup();
    }
  });
});
