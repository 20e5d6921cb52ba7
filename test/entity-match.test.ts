import { beforeAll, describe, expect, it } from "vitest";
import { findEntities, getEntityByKey, invalidateEntityCache, topEntities } from "../db/entities.ts";
import { editDistance, fuzzyThreshold } from "../db/fuzzy.ts";
import { importStory } from "../db/import.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { EntityInput, StoryInput } from "../db/types.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { importFiles } from "../src/story/import.ts";

let db: Db;
let bundled: number;
let tiny: number;

/** The tiny story: one name per rank for "mark", and mentions to order ties. */
const TINY = `story:
  slug: tiny-ranks
  title: "Ranks"
entities:
  - { id: mark, kind: person, name: "Mark Twain", aliases: [mark] }
  - { id: markus, kind: person, name: "Markus Wolf" }
  - { id: marko, kind: person, name: "Marko Polo" }
  - { id: bismark, kind: person, name: "Otto Bismark" }
  - { id: zed, kind: person, name: "Zed Alpha" }
  - { id: abe, kind: person, name: "Abe Alpha" }
  - { id: anna, kind: person, name: { en: "Anna Berdowski", zh: "安娜·贝尔多夫斯基" }, aliases: [berdowski] }
events:
  - { id: e1, at: "2024-01-01", title: "One", entities: [marko, mark], sources: [{ name: S }] }
  - { id: e2, at: "2024-01-02", title: "Two", entities: [marko, anna], sources: [{ name: S }] }
  - { id: e3, at: "2024-01-03", title: "Three", entities: [bismark], sources: [{ name: S }] }
`;

function keys(story: number, typed: string, limit?: number): string[] {
  return findEntities(db, story, typed, limit).map((m) => m.entity.key);
}

beforeAll(() => {
  db = openDatabase(":memory:");
  const r = importFiles(db, ["stories/openai-board-crisis-2023.yaml"]);
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  const t = parseStoryText(TINY, "tiny.yaml");
  if (!t.ok) throw new Error(t.problems.join("\n"));
  importStory(db, t.story);
  bundled = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
  tiny = getStoryBySlug(db, "tiny-ranks")!.id;
});

describe("finding people and organisations by what someone typed", () => {
  it("finds Ilya Sutskever by his first name, exactly", () => {
    const [m] = findEntities(db, bundled, "ilya");
    expect(m).toMatchObject({ rank: "exact", matched: "ilya", entity: { key: "ilya-sutskever" } });
    expect(m!.mentions).toBe(3);
  });

  it("finds him by his Chinese name", () => {
    expect(findEntities(db, bundled, "伊利亚")[0]).toMatchObject({ rank: "exact", entity: { key: "ilya-sutskever" } });
  });

  it("ignores case and accents", () => {
    expect(findEntities(db, bundled, "ILYA")[0]).toMatchObject({ rank: "exact", entity: { key: "ilya-sutskever" } });
    expect(findEntities(db, bundled, "Sutskéver")[0]).toMatchObject({ rank: "exact", matched: "sutskever", entity: { key: "ilya-sutskever" } });
  });

  it("forgives a typo in a surname, matching a word of the full name", () => {
    const found = findEntities(db, bundled, "sutskevar");
    expect(found.map((m) => m.entity.key)).toEqual(["ilya-sutskever"]);
    expect(found[0]!.rank).toBe("fuzzy");
    expect(findEntities(db, bundled, "Ilya Sutskevar")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "ilya-sutskever" } });
    expect(findEntities(db, bundled, "伊利压")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "ilya-sutskever" } });
  });

  it("returns both Amodeis as exact matches for their shared surname", () => {
    const found = findEntities(db, bundled, "amodei");
    const exact = found.filter((m) => m.rank === "exact").map((m) => m.entity.key);
    expect(exact.sort()).toEqual(["daniela-amodei", "dario-amodei"]);
    expect(found.slice(0, 2).every((m) => m.rank === "exact")).toBe(true);
  });

  it("finds Microsoft (微软) from the first Chinese character, as a prefix", () => {
    const found = findEntities(db, bundled, "微");
    expect(found.find((m) => m.entity.key === "microsoft")).toMatchObject({ rank: "prefix", matched: "微软" });
  });

  it("puts prefix matches before substring matches for a two-letter start", () => {
    const found = findEntities(db, bundled, "il");
    expect(found[0]).toMatchObject({ rank: "prefix", entity: { key: "ilya-sutskever" } });
    const ranks = found.map((m) => m.rank);
    expect(ranks.indexOf("substring")).toBeGreaterThan(ranks.lastIndexOf("prefix"));
  });

  it("offers the most mentioned first when nothing is typed", () => {
    const found = findEntities(db, bundled, "  ");
    expect(found).toHaveLength(25);
    expect(found[0]!.entity.key).toBe("openai");
    const mentions = found.map((m) => m.mentions);
    expect([...mentions].sort((a, b) => b - a)).toEqual(mentions);
    expect(topEntities(db, bundled, 5).map((t) => t.entity.key)).toEqual(found.slice(0, 5).map((m) => m.entity.key));
  });

  it("finds nothing for a nonsense string", () => {
    expect(findEntities(db, bundled, "zzqxvw")).toEqual([]);
    expect(findEntities(db, bundled, "qqqqqqqqqqqqqqqqqqqq")).toEqual([]);
  });

  it("respects the limit and stays inside the story asked about", () => {
    expect(findEntities(db, bundled, "", 3)).toHaveLength(3);
    expect(keys(bundled, "berdowski")).toEqual([]);
    expect(keys(tiny, "ilya")).toEqual([]);
  });
});

describe("ranking", () => {
  it("orders exact before prefix before substring, one result per entity", () => {
    const found = findEntities(db, tiny, "mark");
    expect(found.map((m) => [m.entity.key, m.rank])).toEqual([
      ["mark", "exact"],
      ["marko", "prefix"],
      ["markus", "prefix"],
      ["bismark", "substring"],
    ]);
  });

  it("orders a rank by mentions, then by name", () => {
    // marko has two mentions, markus none; without mentions, names decide.
    expect(keys(tiny, "mark").slice(1, 3)).toEqual(["marko", "markus"]);
    // zed and abe have no mentions at all: "Abe Alpha" sorts before "Zed Alpha".
    expect(findEntities(db, tiny, "alpha").map((m) => [m.entity.key, m.rank])).toEqual([
      ["abe", "substring"],
      ["zed", "substring"],
    ]);
  });

  it("uses close spelling only when nothing matches better", () => {
    expect(findEntities(db, tiny, "marq").map((m) => [m.entity.key, m.rank])).toEqual([["mark", "fuzzy"]]);
    expect(findEntities(db, tiny, "marx").every((m) => m.rank === "fuzzy")).toBe(true);
    expect(findEntities(db, tiny, "mar").every((m) => m.rank !== "fuzzy")).toBe(true);
  });

  it("finds a Berdowski when someone types berdowsky", () => {
    expect(findEntities(db, tiny, "berdowsky")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "anna" } });
    expect(findEntities(db, tiny, "Anna Berdowsky")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "anna" } });
  });
});

describe("edit distance", () => {
  it("counts an adjacent swap as one edit and stops past the bound", () => {
    expect(editDistance("sutskevar", "sutskever", 3)).toBe(1);
    expect(editDistance("ilay", "ilya", 1)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("", "abc", 3)).toBe(3);
  });

  it("allows more edits for longer words", () => {
    expect([2, 3, 4, 5, 8, 9, 20].map(fuzzyThreshold)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });
});

describe("the name cache", () => {
  it("sees a re-imported story's new alias without being told", () => {
    const t = parseStoryText(TINY.replace("aliases: [mark]", "aliases: [mark, sammy clemens]"), "tiny.yaml");
    if (!t.ok) throw new Error(t.problems.join("\n"));
    expect(keys(tiny, "clemens")).toEqual([]);
    importStory(db, t.story);
    expect(keys(tiny, "clemens")).toEqual(["mark"]);
  });

  it("can be dropped explicitly", () => {
    invalidateEntityCache(db, tiny);
    invalidateEntityCache(db);
    expect(keys(tiny, "mark")[0]).toBe("mark");
  });

  it("does not keep what it read inside a transaction that rolls back", () => {
    const anna = getEntityByKey(db, tiny, "anna")!;
    expect(() =>
      db.transaction(() => {
        db.prepare("INSERT INTO entity_names (entity_id, name) VALUES (?, 'ghost')").run(anna.id);
        expect(keys(tiny, "ghost")).toEqual(["anna"]);
        throw new Error("roll back");
      })(),
    ).toThrow("roll back");
    expect(keys(tiny, "ghost")).toEqual([]);
  });
});

describe("a story with 3,000 entities", () => {
  it("still finds people by a misspelt surname and by prefix", () => {
    const syllables = ["ber", "dow", "ka", "lin", "mar", "to", "ven", "ol", "ga", "ni", "ro", "pe", "tra", "zu", "mi", "chel", "son", "ha", "ri", "vic"];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const word = (n: number): string => Array.from({ length: n }, () => syllables[next() % syllables.length]!).join("");
    const entities: EntityInput[] = Array.from({ length: 3000 }, (_, i) => {
      const first = word(2);
      const last = word(3);
      return { key: `p${i}`, kind: "person", name: { en: `${first} ${last}`, zh: null }, role: { en: null, zh: null }, aliases: [first, last] };
    });
    entities.push({ key: "target", kind: "person", name: { en: "Quentin Xylophonist", zh: null }, role: { en: null, zh: null }, aliases: [] });
    const story: StoryInput = { slug: "big-cast", title: { en: "Big cast", zh: null }, summary: { en: null, zh: null }, language: "en", entities, events: [] };
    importStory(db, story);
    const big = getStoryBySlug(db, "big-cast")!.id;
    expect(findEntities(db, big, "xylofonist")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "target" } });
    expect(findEntities(db, big, "quentn xylophonist")[0]).toMatchObject({ rank: "fuzzy", entity: { key: "target" } });
    const someone = entities[1234]!;
    const last = someone.aliases[1]!;
    const typo = `${last.slice(0, 3)}q${last.slice(4)}`;
    expect(findEntities(db, big, typo, 100).map((m) => m.entity.key)).toContain(someone.key);
    expect(findEntities(db, big, "mar", 10)).toHaveLength(10);
    expect(findEntities(db, big, "mar", 10).every((m) => m.rank === "exact" || m.rank === "prefix")).toBe(true);
  });
});
