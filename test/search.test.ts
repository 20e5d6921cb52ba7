import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/index.ts";
import { searchEventIds } from "../db/search.ts";
import { matchTerms, segmentForIndex } from "../db/search-text.ts";
import { importFiles } from "../src/story/import.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

let db: Db;
let storyId: number;
let bundledId: number;

function keys(story: number, q: string): string[] {
  return searchEventIds(db, story, q).map((id) => (db.prepare("SELECT key FROM events WHERE id = ?").get(id) as { key: string }).key);
}

beforeAll(() => {
  db = openDatabase(":memory:");
  const tmp = tempDir();
  const r = importFiles(db, [tmp.file("mini.yaml", miniStory()), "stories/openai-board-crisis-2023.yaml"]);
  tmp.cleanup();
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  storyId = (db.prepare("SELECT id FROM stories WHERE slug = 'mini-story'").get() as { id: number }).id;
  bundledId = (db.prepare("SELECT id FROM stories WHERE slug = 'openai-board-crisis-2023'").get() as { id: number }).id;
});

describe("full-text search", () => {
  it("finds English words in summaries, with stemming", () => {
    expect(keys(storyId, "impound")).toEqual(["first"]);
    expect(keys(storyId, "IMPOUNDED")).toEqual(["first"]);
  });

  it("finds words in quotes", () => {
    expect(keys(storyId, "weaves")).toEqual(["first"]);
  });

  it("finds two-character Chinese terms", () => {
    expect(keys(storyId, "微软")).toEqual(["first"]);
    expect(keys(bundledId, "微软").length).toBeGreaterThan(3);
  });

  it("finds three-character and longer Chinese terms, and single characters", () => {
    expect(keys(storyId, "被放行")).toEqual(["first"]);
    expect(keys(storyId, "扣押的机器")).toEqual(["first"]);
    expect(keys(storyId, "放行机器")).toEqual([]);
    expect(keys(storyId, "押")).toEqual(["first"]);
    expect(keys(bundledId, "伊利亚").length).toBeGreaterThan(0);
  });

  it("returns results newest first", () => {
    expect(keys(storyId, "engine")).toEqual(["second", "first"]);
    const ats = searchEventIds(db, bundledId, "OpenAI", 50).map((id) => (db.prepare("SELECT at FROM events WHERE id = ?").get(id) as { at: number }).at);
    expect(ats.length).toBeGreaterThan(5);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
  });

  it("stays inside the story it is asked about", () => {
    expect(keys(bundledId, "impound")).toEqual([]);
    expect(keys(storyId, "Sutskever")).toEqual([]);
  });

  it("ignores accents", () => {
    expect(keys(storyId, "wéaves ÉNGINE")).toEqual(["first"]);
  });

  it.each([
    ['"'],
    ["*"],
    ["-"],
    [":"],
    ["^"],
    ["NEAR"],
    ["NEAR("],
    ["AND"],
    ["a AND"],
    ["OR OR"],
    ["("],
    [")"],
    ["body:x"],
    ["story:s1"],
    ["😀🎉"],
    ["'; DROP TABLE events; --"],
    ["x".repeat(500)],
    ["微".repeat(500)],
    ["\u0000"],
    ["\u200b\u202e"],
    ["\ud800"],
    [""],
    ["   "],
  ])("never throws on hostile input %#", (q) => {
    expect(() => searchEventIds(db, storyId, q)).not.toThrow();
    expect(Array.isArray(searchEventIds(db, storyId, q))).toBe(true);
  });

  it("treats FTS operators typed by a user as plain words", () => {
    expect(keys(storyId, "engine NOT weaves")).toEqual([]);
    expect(keys(storyId, '"engine" story:s1')).toEqual([]);
  });
});

describe("search text segmentation", () => {
  it("turns Chinese runs into overlapping pairs and keeps Latin words", () => {
    expect(segmentForIndex("OpenAI的员工").trim().split(/\s+/)).toEqual(["OpenAI", "的员", "员工", "工"]);
  });

  it("quotes every term so operators are inert", () => {
    expect(matchTerms('NEAR(a "b") 微软公司 押')).toEqual(['"微软 软公 公司"', '"押"*', '"NEAR"', '"a"', '"b"']);
    expect(matchTerms("🙂 ** --")).toEqual([]);
  });
});
