import { beforeAll, describe, expect, it } from "vitest";
import { findEntities, getEntity, getEntityByKey, getEntityProfile } from "../db/entities.ts";
import { eventsAddedBetween, getEvent, getEventByKey, latestEvents, searchEvents, searchEventTitles, timelinePage } from "../db/events.ts";
import { getGuildStorySlug, setGuildStory } from "../db/guilds.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { getStoryById, getStoryBySlug, listStories } from "../db/stories.ts";
import { parseDay } from "../src/story/dates.ts";
import { importFiles } from "../src/story/import.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const BUNDLED = "stories/openai-board-crisis-2023.yaml";
let db: Db;
let story: number;
let mini: number;

/** Every event key of the bundled story in timeline order, straight from SQL. */
function allKeys(): string[] {
  return (db.prepare("SELECT key FROM events WHERE story_id = ? ORDER BY at, id").all(story) as { key: string }[]).map((r) => r.key);
}

function entityId(key: string, s = story): number {
  return getEntityByKey(db, s, key)!.id;
}

beforeAll(() => {
  db = openDatabase(":memory:");
  const tmp = tempDir();
  const r = importFiles(db, [BUNDLED, tmp.file("mini.yaml", miniStory())], 1_000);
  tmp.cleanup();
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  story = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
  mini = getStoryBySlug(db, "mini-story")!.id;
});

describe("stories", () => {
  it("lists every story by slug with its number of events", () => {
    const stories = listStories(db);
    expect(stories.map((s) => s.slug)).toEqual(["mini-story", "openai-board-crisis-2023"]);
    expect(stories[1]).toMatchObject({ id: story, eventCount: 26, language: "zh", title: { en: expect.stringContaining("board crisis") } });
    expect(stories[0]!.eventCount).toBe(2);
  });

  it("finds a story by slug or id, and null for one that does not exist", () => {
    expect(getStoryById(db, story)?.slug).toBe("openai-board-crisis-2023");
    expect(getStoryBySlug(db, "mini-story")?.summary).toEqual({ en: null, zh: null });
    expect(getStoryBySlug(db, "nope")).toBeNull();
    expect(getStoryById(db, 9999)).toBeNull();
  });
});

describe("guild settings", () => {
  it("has no story for a server that never chose one", () => {
    expect(getGuildStorySlug(db, "111")).toBeNull();
  });

  it("remembers a server's story and replaces it on a second choice", () => {
    setGuildStory(db, { guildId: "222", storySlug: "mini-story", setBy: "u1", now: 5_000 });
    expect(getGuildStorySlug(db, "222")).toBe("mini-story");
    setGuildStory(db, { guildId: "222", storySlug: "openai-board-crisis-2023", setBy: "u2", now: 6_000 });
    expect(getGuildStorySlug(db, "222")).toBe("openai-board-crisis-2023");
    expect(db.prepare("SELECT * FROM guild_settings WHERE guild_id = '222'").all()).toEqual([
      { guild_id: "222", story_slug: "openai-board-crisis-2023", updated_at: 6_000, updated_by: "u2" },
    ]);
    setGuildStory(db, { guildId: "222", storySlug: null, setBy: "u3", now: 7_000 });
    expect(getGuildStorySlug(db, "222")).toBeNull();
  });
});

describe("entities", () => {
  it("loads an entity with its aliases and how many events mention it", () => {
    const ilya = getEntityByKey(db, story, "ilya-sutskever")!;
    expect(ilya).toMatchObject({ kind: "person", storyId: story, name: { en: "Ilya Sutskever", zh: "伊利亚·苏茨克维" }, mentions: 3 });
    expect(ilya.aliases).toContain("苏茨克弗");
    expect(ilya.role.en).toContain("chief scientist");
    expect(getEntity(db, story, ilya.id)).toEqual(ilya);
    expect(getEntity(db, mini, ilya.id)).toBeNull();
    expect(getEntityByKey(db, story, "nobody")).toBeNull();
  });

  it("builds a profile: events oldest first, quotes with their events, sources once each", () => {
    const p = getEntityProfile(db, story, entityId("ilya-sutskever"), 10)!;
    expect(p.totalEvents).toBe(3);
    expect(p.events.map((e) => e.key)).toEqual(["nyt-letter-ilya-signs", "ilya-regret-tweet", "musk-replies-to-ilya"]);
    expect(p.quotes).toHaveLength(1);
    expect(p.quotes[0]!.text.en).toMatch(/^I deeply regret/);
    expect(p.quotes[0]!.event).toMatchObject({ key: "ilya-regret-tweet", precision: "date", title: { en: expect.stringContaining("regrets") } });
    const names = p.sources.map((s) => s.name);
    expect(names.filter((n) => n.startsWith("智药局"))).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(["The New York Times", "智药局 (WeChat), republished by 投资界 (PEdaily)", "Ilya Sutskever's post on X", "Elon Musk's reply on X"]);
  });

  it("limits a profile's events but still counts them all", () => {
    const p = getEntityProfile(db, story, entityId("microsoft"), 2)!;
    expect(p.events).toHaveLength(2);
    expect(p.totalEvents).toBe(14);
    expect(p.events.map((e) => e.key)).toEqual(["microsoft-quarterly-profit", "microsoft-record-close-nov-16"]);
    expect(p.sources.map((s) => s.name)).toEqual([
      "智药局 (WeChat), republished by 投资界 (PEdaily)",
      "Microsoft earnings release for fiscal 2024 Q1 (24 October 2023)",
    ]);
    expect(getEntityProfile(db, story, 99_999, 5)).toBeNull();
  });
});

describe("events", () => {
  it("lists the latest events newest first, with entities in the file's order", () => {
    const latest = latestEvents(db, story, 5);
    expect(latest).toHaveLength(5);
    const ats = latest.map((e) => e.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(latest[0]!.key).toBe("altman-return-agreed");
    expect(latest[0]!.entities.map((e) => e.key)).toEqual(["sam-altman", "openai", "openai-board", "bret-taylor", "larry-summers", "adam-dangelo"]);
    expect(latest[0]).toMatchObject({ storyId: story, origin: "file", importance: 5, addedAt: 1_000 });
    expect(latestEvents(db, story, 100)).toHaveLength(26);
  });

  it("loads one event with its summary, quotes and who said them, and sources in order", () => {
    const id = getEventByKey(db, story, "ilya-regret-tweet")!.id;
    const ev = getEvent(db, story, id)!;
    expect(ev.summary.en).toContain("deeply regretted");
    expect(ev.quotes).toHaveLength(1);
    expect(ev.quotes[0]!.by).toMatchObject({ key: "ilya-sutskever", kind: "person", name: { en: "Ilya Sutskever" } });
    expect(ev.sources).toEqual([
      { name: "Ilya Sutskever's post on X", url: null },
      { name: "智药局 (WeChat), republished by 投资界 (PEdaily)", url: null },
    ]);
    expect(getEventByKey(db, story, "altman-fired")!.sources[0]!.url).toBe("https://openai.com/blog/openai-announces-leadership-transition");
    expect(getEvent(db, mini, id)).toBeNull();
    expect(getEventByKey(db, story, "no-such-event")).toBeNull();
  });

  it("lists the events added in a window, in the order they happened", () => {
    const tmp = tempDir();
    const extra = `  - id: third
    at: "2023-12-31"
    title: "Added later, happened earlier"
    sources: [{ name: "Late" }]
  - id: fourth
    at: "2024-02-01"
    title: "Added later too"
    sources: [{ name: "Late" }]
`;
    const r = importFiles(db, [tmp.file("mini.yaml", miniStory("mini-story", extra))], 2_000);
    tmp.cleanup();
    expect(r.ok).toBe(true);
    expect(eventsAddedBetween(db, mini, 1_000, 2_000).map((e) => e.key)).toEqual(["third", "fourth"]);
    expect(eventsAddedBetween(db, mini, 0, 1_000).map((e) => e.key)).toEqual(["first", "second"]);
    expect(eventsAddedBetween(db, mini, 2_000, 3_000)).toEqual([]);
  });
});

describe("the timeline", () => {
  it("pages oldest first, and every page together is the whole story", () => {
    const first = timelinePage(db, story, { page: 0, pageSize: 10 });
    expect(first).toMatchObject({ page: 0, pageCount: 3, total: 26 });
    expect(first.events[0]!.key).toBe("openai-lp-structure-2019");
    const seen: string[] = [];
    for (let page = 0; page < 7; page++) seen.push(...timelinePage(db, story, { page, pageSize: 4 }).events.map((e) => e.key));
    expect(seen).toEqual(allKeys());
  });

  it("clamps a page past the end to the last page, and a negative one to the first", () => {
    const last = timelinePage(db, story, { page: 99, pageSize: 10 });
    expect(last.page).toBe(2);
    expect(last.events.map((e) => e.key)).toEqual(allKeys().slice(20));
    expect(timelinePage(db, story, { page: -3, pageSize: 10 }).page).toBe(0);
  });

  it("filters by entity", () => {
    const ms = entityId("microsoft");
    const page = timelinePage(db, story, { entityId: ms, page: 1, pageSize: 5 });
    expect(page).toMatchObject({ page: 1, pageCount: 3, total: 14 });
    expect(page.events.every((e) => e.entities.some((x) => x.key === "microsoft"))).toBe(true);
    const all = [0, 1, 2].flatMap((p) => timelinePage(db, story, { entityId: ms, page: p, pageSize: 5 }).events.map((e) => e.at));
    expect(all).toHaveLength(14);
    expect([...all].sort((a, b) => a - b)).toEqual(all);
  });

  it("filters by date range, alone or with an entity", () => {
    const day = parseDay("2023-11-20")!;
    const page = timelinePage(db, story, { from: day.start, to: day.end, page: 0, pageSize: 50 });
    expect(page.total).toBe(16);
    expect(page.events.every((e) => e.at >= day.start && e.at <= day.end)).toBe(true);
    const ilya = timelinePage(db, story, { entityId: entityId("ilya-sutskever"), from: day.start, to: day.end, page: 0, pageSize: 10 });
    expect(ilya.total).toBe(3);
    expect(timelinePage(db, story, { from: day.end, to: day.start, page: 4, pageSize: 10 })).toMatchObject({ events: [], page: 0, pageCount: 1, total: 0 });
  });
});

describe("search", () => {
  it("finds Microsoft newest first, with summaries and quotes for snippets", () => {
    const r = searchEvents(db, story, "Microsoft", 3);
    expect(r.hits).toHaveLength(3);
    expect(r.total).toBeGreaterThan(10);
    expect(r.capped).toBe(false);
    const ats = r.hits.map((h) => h.event.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(r.hits.every((h) => h.summary.en !== null || h.summary.zh !== null)).toBe(true);
    const canadian = searchEvents(db, story, "stronger position").hits.find((h) => h.event.key === "canadian-bank-note")!;
    expect(canadian.quotes[0]!.en).toContain("stronger position on AI");
  });

  it("finds 微软 as well as Microsoft", () => {
    const r = searchEvents(db, story, "微软", 50);
    expect(r.total).toBe(r.hits.length);
    expect(r.hits.map((h) => h.event.key)).toContain("microsoft-hires-altman");
    expect(r.hits.every((h) => h.event.storyId === story)).toBe(true);
  });

  it("returns quietly for hostile input", () => {
    for (const q of ['"', "NEAR(", "*", "a".repeat(500), "OR AND NOT", "story:s1", ")(", ""]) {
      const r = searchEvents(db, story, q);
      expect(Array.isArray(r.hits)).toBe(true);
      expect(r.total).toBeGreaterThanOrEqual(0);
    }
    expect(searchEvents(db, story, '"').total).toBe(0);
  });

  it("offers event titles for autocomplete: matches newest first, the latest when blank", () => {
    const refs = searchEventTitles(db, story, "Sutskever");
    expect(refs.map((r) => r.key)).toContain("ilya-regret-tweet");
    const ats = refs.map((r) => r.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    expect(searchEventTitles(db, story, "   ", 3).map((r) => r.key)).toEqual(latestEvents(db, story, 3).map((e) => e.key));
    expect(searchEventTitles(db, story, "伊利亚")[0]).toMatchObject({ title: { zh: expect.any(String) } });
    expect(searchEventTitles(db, story, "NEAR(")).toEqual([]);
  });

  it("finds entities and events of the same story through both modules", () => {
    const who = findEntities(db, story, "nadella")[0]!;
    const page = timelinePage(db, story, { entityId: who.entity.id, page: 0, pageSize: 10 });
    expect(page.total).toBe(who.mentions);
  });
});
