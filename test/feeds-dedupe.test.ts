import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/index.ts";
import { listFeeds } from "../db/feeds.ts";
import type { FeedPoller } from "../src/feeds/poller.ts";
import { isGlobalGuid, storyKeys } from "../src/feeds/keys.ts";
import { hasControl } from "../src/text/clean.ts";
import { feedEvents, follow, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.stop();
});

describe("feed items without a link", () => {
  let db: Db;
  let poller: FeedPoller;
  const { log } = memoryLog();
  beforeEach(() => {
    ({ db } = storyDb(":memory:", { withoutEvents: true }));
    poller = testPoller(db, log);
  });
  afterEach(async () => {
    await poller.stop();
    db.close();
  });

  it("given two feeds carrying the same link-less items, then each article becomes one event, and a guid local to each feed keys nothing across them", async () => {
    follow(db, server.url("/f/nolink-a.xml"));
    follow(db, server.url("/f/nolink-b.xml"));
    const report = await poller.pollNow();
    expect(report.failed).toBe(0);
    const titles = feedEvents(db).map((e) => e.title_en);
    // Same guid "item-17", title (up to case and an apostrophe), day and summary: one event.
    expect(titles.filter((t) => /^Sutskever regrets/i.test(t ?? ""))).toHaveLength(1);
    // Same tag: guid, headline rewritten: one event.
    expect(titles.filter((t) => /Murati/.test(t ?? ""))).toHaveLength(1);
    // Both feeds number their items "1": two different articles, two events.
    expect(titles).toContain("Microsoft hires Sam Altman");
    expect(titles).toContain("OpenAI staff letter: 700 threaten to quit");
    expect(titles).toHaveLength(4);
    expect(report.created).toBe(4);
    // Each feed still remembers all three of its items.
    expect(listFeeds(db).map((f) => f.itemsSeen)).toEqual([3, 3]);
  });

  it("given the same link-less item again in a third poll after the validators are gone, then nothing new is made", async () => {
    follow(db, server.url("/f/nolink-a.xml"));
    await poller.pollNow();
    const before = feedEvents(db);
    follow(db, server.url("/f/nolink-b.xml"));
    db.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
    await poller.pollNow();
    const after = feedEvents(db);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.map((e) => e.title_en).slice(before.length)).toEqual(["OpenAI staff letter: 700 threaten to quit"]);
  });

  it("given a rejected item, then the same article from another feed does not come back", async () => {
    follow(db, server.url("/f/nolink-a.xml"));
    await poller.pollNow();
    db.prepare("UPDATE events SET status = 'rejected' WHERE origin = 'feed'").run();
    follow(db, server.url("/f/nolink-b.xml"));
    await poller.pollNow();
    expect(
      feedEvents(db)
        .filter((e) => e.status === "pending")
        .map((e) => e.title_en),
    ).toEqual(["OpenAI staff letter: 700 threaten to quit"]);
  });
});

describe("feed texts with control characters", () => {
  it("given NUL, BEL, ESC and C1 characters in a feed's title, item title and summary, then they are cleaned when read", async () => {
    const { db } = storyDb(":memory:", { withoutEvents: true });
    const { log } = memoryLog();
    const poller = testPoller(db, log);
    try {
      follow(db, server.url("/f/control.json"));
      const report = await poller.pollNow();
      expect(report.created).toBe(1);
      const [event] = feedEvents(db);
      expect(event?.title_en).toBe("Ilya Sutskever[2J regrets the board's move");
      expect(event?.summary_en).toBe("He said so on X. Later more.");
      expect(listFeeds(db)[0]?.title).toBe("Noisy Wire");
      const sources = db.prepare<[number], { name: string }>("SELECT name FROM sources WHERE event_id = ?").all(event!.id);
      expect(sources.map((s) => s.name)).toEqual(["Noisy Wire"]);
      for (const text of [event?.title_en, event?.summary_en]) expect(hasControl(text ?? "")).toBe(false);
    } finally {
      await poller.stop();
      db.close();
    }
  });
});

describe("story-wide item keys", () => {
  const base = { link: null, guid: null, title: "Sutskever regrets his part", summary: "He said so on X.", at: Date.parse("2023-11-20T14:00:00Z") };

  it("takes a guid across feeds only when it looks global: a URL, a tag: or a urn:", () => {
    for (const g of ["https://wire.example/a/1", "tag:wire.example,2023:1", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"])
      expect(isGlobalGuid(g), g).toBe(true);
    for (const g of ["1", "item-17", "a-1", "urn", "tag:", "wire.example/1"]) expect(isGlobalGuid(g), g).toBe(false);
    expect(storyKeys({ ...base, guid: "tag:wire.example,2023:1" })).toContain("guid:tag:wire.example,2023:1");
    expect(storyKeys({ ...base, guid: "item-17" }).some((k) => k.startsWith("guid"))).toBe(false);
  });

  it("gives the same content key to the same article spelt differently on the same day, and another to another day or summary", () => {
    const [key] = storyKeys(base);
    expect(storyKeys({ ...base, title: "SUTSKEVER  regrets his part!", summary: "He said so, on X…", at: base.at + 3_600_000 })).toEqual([key]);
    expect(storyKeys({ ...base, at: base.at + 86_400_000 })).not.toEqual([key]);
    expect(storyKeys({ ...base, summary: "Another story entirely." })).not.toEqual([key]);
    expect(storyKeys({ ...base, link: "https://wire.example/x" })).toEqual(["https://wire.example/x", key]);
    // A title of emoji alone names no article: no content key.
    expect(storyKeys({ ...base, title: "🔥🔥", summary: "" })).toEqual([]);
  });
});
