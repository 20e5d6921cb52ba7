import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEntities, getEntityByKey } from "../db/entities.ts";
import { getEventByKey, searchEventTitles } from "../db/events.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { prefixQuery, titleMatcher } from "../db/search-text.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { EntityResolution } from "../db/types.ts";
import { cleanText } from "../src/command-kit/options.ts";
import { UserError } from "../src/context.ts";
import { resolveName } from "../src/editor/people.ts";
import { peopleLookup } from "../src/command-kit/editor.ts";
import { entityAutocomplete, resolveEntity } from "../src/resolvers/entity.ts";
import { eventFromOption, eventSuggestions, readEvent } from "../src/resolvers/event.ts";
import { storyAutocomplete, storyFromOption } from "../src/resolvers/story.ts";
import { importFiles } from "../src/story/import.ts";
import { tempDir } from "./helpers/tmp.ts";

const BUNDLED = "openai-board-crisis-2023";

/**
 * A story made to stretch the resolvers: 40 people sharing the alias "crowd", 300 events —
 * the oldest the only one with a rare word, the newest 299 "routine" ones — and two events
 * with "regatta", only one of them in its title.
 */
function crowdStory(): string {
  const entities = [
    ...Array.from({ length: 40 }, (_, i) => ({ id: `crowd-${i}`, kind: "person", name: `Crowd Member ${i}`, aliases: ["crowd"] })),
    { id: "solo", kind: "person", name: "Solitary Sam", aliases: [] },
  ];
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  const events = [
    { id: "oldest", at: day(0), title: { en: "Zygomorphic flowers found", zh: "发现两侧对称的花" }, entities: ["solo"], sources: [{ name: "Gazette" }] },
    ...Array.from({ length: 297 }, (_, i) => ({
      id: `routine-${i}`,
      at: day(i + 1),
      title: `Routine update ${i} on the market`,
      entities: ["solo"],
      sources: [{ name: "Gazette" }],
    })),
    { id: "regatta-won", at: day(298), title: "Regatta won by the home team", entities: ["solo"], sources: [{ name: "Gazette" }] },
    {
      id: "harbour-closed",
      at: day(299),
      title: "Harbour closed for the weekend",
      summary: "The regatta crowds are expected back on Monday.",
      entities: ["solo"],
      sources: [{ name: "Gazette" }],
    },
  ];
  return JSON.stringify({ story: { slug: "crowd-story", title: "A crowded story" }, entities, events });
}

let db: Db;
let bundled: number;
let crowd: number;
const tmp = tempDir("storyline-resolvers-");

beforeAll(() => {
  db = openDatabase(":memory:");
  const r = importFiles(db, ["stories/openai-board-crisis-2023.yaml", tmp.file("crowd.json", crowdStory())], 1_000);
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  bundled = getStoryBySlug(db, BUNDLED)!.id;
  crowd = getStoryBySlug(db, "crowd-story")!.id;
});
afterAll(() => {
  db.close();
  tmp.cleanup();
});

/** A resolution in short: the entity key, "many:N" (+ when there are more), "none" or "blank". */
function short(r: EntityResolution): string {
  if (r.kind === "one") return r.entity.key;
  if (r.kind === "many") return `many:${r.matches.length}${r.more ? "+" : ""}`;
  return r.kind;
}

/** What readEvent made of a value, in short: the event key, "many:N" (+), "none" or "blank". */
function eventShort(storyId: number, value: string): string {
  const r = readEvent(db, storyId, value);
  if (r.kind === "one") return r.event.key;
  if (r.kind === "many") return `many:${r.candidates.length}${r.more ? "+" : ""}`;
  return r.kind;
}

describe("option text", () => {
  it("loses its control characters: NUL, escape and DEL go, line breaks and tabs become spaces", () => {
    expect(cleanText("ilya\0")).toBe("ilya");
    expect(cleanText("a\u001b[31mb\u007f\u0085c")).toBe("a[31mb c");
    expect(cleanText("two\nlines\tand\r\na tab")).toBe("two lines and  a tab");
    expect(cleanText("董事会 🦄 Sutskéver")).toBe("董事会 🦄 Sutskéver");
  });
});

describe("the entity resolver", () => {
  it.each([
    ["an entity id", () => String(getEntityByKey(db, bundled, "greg-brockman")!.id), "greg-brockman"],
    ["a key", () => "ilya-sutskever", "ilya-sutskever"],
    ["a key in capitals", () => "ILYA-SUTSKEVER", "ilya-sutskever"],
    ["an exact alias", () => "ilya", "ilya-sutskever"],
    ["a Chinese name", () => "纳德拉", "satya-nadella"],
    ["a typo", () => "sutskevar", "ilya-sutskever"],
    ["a name with control characters", () => "ilya\0\u0007", "ilya-sutskever"],
  ])("given %s, then names that entity", (_, value, key) => {
    expect(short(resolveEntity(db, bundled, value()))).toBe(key);
  });

  it("given equally good matches, then offers them all, counted truly", () => {
    const r = resolveEntity(db, bundled, "amodei");
    expect(r.kind === "many" && r.matches.map((m) => m.entity.key).sort()).toEqual(["daniela-amodei", "dario-amodei"]);
    expect(short(r)).toBe("many:2");
  });

  it("given a name forty people answer to, then offers 25 and says there are more", () => {
    expect(short(resolveEntity(db, crowd, "crowd"))).toBe("many:25+");
    expect(short(resolveEntity(db, crowd, "crowd member 3"))).toBe("crowd-3");
  });

  it.each([["🦄"], ["("], ["%"], ["   "], [""], ["\0"], ["——"]])("given %j, then there is nothing to look up, not 25 arbitrary people", (value) => {
    expect(resolveEntity(db, bundled, value)).toEqual({ kind: "blank" });
    if (value.trim()) expect(findEntities(db, bundled, value)).toEqual([]);
  });

  it("given a name nobody has, then suggests names starting like its words", () => {
    const r = resolveEntity(db, bundled, "Zaphod Nadela");
    expect(r.kind === "none" && r.suggestions.map((e) => e.key)).toEqual(["satya-nadella"]);
  });

  it("reads the editor's people field by the same rules", () => {
    const people = peopleLookup(db, bundled);
    for (const value of ["ilya", "ILYA-SUTSKEVER", "sutskevar", String(getEntityByKey(db, bundled, "greg-brockman")!.id)]) {
      const r = resolveName(value, people);
      const direct = resolveEntity(db, bundled, value);
      expect("entity" in r && r.entity.key, value).toBe(direct.kind === "one" && direct.entity.key);
    }
    expect(resolveName("amodei", people)).toMatchObject({ problem: { kind: "ambiguousPerson" } });
    expect(resolveName("🦄", people)).toEqual({ problem: { kind: "notAName", typed: "🦄" } });
    const crowded = resolveName("crowd", peopleLookup(db, crowd));
    expect("problem" in crowded && crowded.problem.kind === "ambiguousPerson" && crowded.problem.matches).toHaveLength(5);
  });

  it("autocompletes with ids, and offers nothing for text that names nobody", () => {
    const choices = entityAutocomplete(db, bundled, "ilya", "en");
    expect(choices[0]!.value).toBe(String(getEntityByKey(db, bundled, "ilya-sutskever")!.id));
    expect(entityAutocomplete(db, bundled, "🦄", "en")).toEqual([]);
    expect(entityAutocomplete(db, bundled, "", "en").length).toBe(25);
  });
});

describe("the event resolver", () => {
  const key = (k: string) => getEventByKey(db, bundled, k)!;

  it.each([
    ["its id", () => String(key("employee-letter").id), "employee-letter"],
    ["its key", () => "employee-letter", "employee-letter"],
    ["its key in capitals, with spaces around", () => "  EMPLOYEE-LETTER ", "employee-letter"],
    ["the first letters of a title word", () => "regre", "ilya-regret-tweet"],
    ["a whole word and the start of the next", () => "greg brock", "brockman-quits"],
    ["Chinese characters of its title", () => "联名", "employee-letter"],
    ["words only one title has, though others' texts have them too", () => "letter", "employee-letter"],
  ])("given %s, then names that event", (_, value, expected) => {
    expect(eventShort(bundled, value())).toBe(expected);
  });

  it("given words several titles have, then names the candidates, titles having them first", () => {
    const r = readEvent(db, bundled, "Brock");
    expect(r.kind).toBe("many");
    const keys = r.kind === "many" ? r.candidates.map((e) => e.key) : [];
    expect(keys.slice(0, 2).sort()).toEqual(["brockman-quits", "microsoft-hires-altman"]);
  });

  it("given words hundreds of events have, then says there are more than 25", () => {
    expect(eventShort(crowd, "routine")).toBe("many:25+");
    expect(() => eventFromOption(db, crowd, "routine", "en")).toThrow(/More than 25 events match “routine”/);
  });

  it("given a prefix one title and another event's summary have, then takes the title", () => {
    expect(eventShort(crowd, "regat")).toBe("regatta-won");
  });

  it.each([["🦄"], ["   "], ["(%)"]])("given %j, then there is nothing to look up", (value) => {
    expect(eventShort(bundled, value)).toBe("blank");
    expect(() => eventFromOption(db, bundled, value, "en")).toThrow(/nothing to look up/);
  });

  it("given a typo or 6,000 characters, then says there is no such event, quoting at most 100 characters", () => {
    expect(eventShort(bundled, "emplyee-leter")).toBe("none");
    const long = "x".repeat(6000);
    const refusal = (() => {
      try {
        eventFromOption(db, bundled, long, "zh");
      } catch (err) {
        return err as UserError;
      }
    })();
    expect(refusal).toBeInstanceOf(UserError);
    expect(refusal!.message).toContain("本新闻中没有");
    expect(refusal!.message.length).toBeLessThan(300);
  });

  it("suggests events by the first letters of any title word, in English or Chinese, titles that have them first", () => {
    const keys = (typed: string) => eventSuggestions(db, bundled, typed).map((e) => e.key);
    expect(keys("Brock").slice(0, 2).sort()).toEqual(["brockman-quits", "microsoft-hires-altman"]);
    expect(keys("regre")).toContain("ilya-regret-tweet");
    expect(keys("emplo")).toContain("nothing-without-its-people");
    expect(keys("董事")).toContain("employee-letter");
    expect(keys("辞")).toContain("brockman-quits");
    expect(keys("")).toHaveLength(25);
    expect(keys("🦄")).toEqual([]);
  });

  it("finds an old event by a half-typed word, however many newer events there are", () => {
    expect(eventSuggestions(db, crowd, "zygo").map((e) => e.key)).toEqual(["oldest"]);
    expect(eventSuggestions(db, crowd, "两侧").map((e) => e.key)).toEqual(["oldest"]);
    expect(eventShort(crowd, "zygo")).toBe("oldest");
  });

  it("fills the title words of a story indexed before they were kept, on its first search", () => {
    const other = openDatabase(":memory:");
    const r = importFiles(other, [tmp.file("crowd2.json", crowdStory())], 1_000);
    if (!r.ok) throw new Error("import refused");
    const id = getStoryBySlug(other, "crowd-story")!.id;
    other.prepare("DELETE FROM search_words").run();
    other.prepare("INSERT INTO search_words_pending (story_id) VALUES (?)").run(id);
    expect(searchEventTitles(other, id, "zygo").map((e) => e.key)).toEqual(["oldest"]);
    expect(other.prepare("SELECT count(*) AS n FROM search_words_pending").get()).toEqual({ n: 0 });
    other.close();
  });
});

describe("reading what is typed into an event option", () => {
  it("takes the last word as a prefix while it is being typed, and every other as a whole term", () => {
    expect(prefixQuery("greg brock")).toEqual({ terms: ['"greg"'], prefix: { kind: "word", text: "brock" } });
    expect(prefixQuery("greg ")).toEqual({ terms: ['"greg"'], prefix: null });
    expect(prefixQuery("Sutskéver")).toEqual({ terms: [], prefix: { kind: "word", text: "sutskever" } });
    expect(prefixQuery("董事")).toEqual({ terms: ['"董事"'], prefix: null });
    expect(prefixQuery("OpenAI董")).toEqual({ terms: ['"OpenAI"'], prefix: { kind: "char", text: "董" } });
    expect(prefixQuery('"*( NEAR')).toEqual({ terms: [], prefix: { kind: "word", text: "near" } });
  });

  it("checks titles for the typed words: a title word starting with each, each Chinese run inside", () => {
    expect(titleMatcher("brock")("Greg Brockman quits OpenAI")).toBe(true);
    expect(titleMatcher("employees")("Over 700 employee sign")).toBe(true);
    expect(titleMatcher("employee letter")("Over 700 employees sign")).toBe(false);
    expect(titleMatcher("后悔")("苏茨克维表示后悔")).toBe(true);
    expect(titleMatcher("regat")("A title that goes on and on, well past sixty-four characters, before the Régatta")).toBe(true);
  });
});

describe("the story resolver", () => {
  it.each([[BUNDLED], [BUNDLED.toUpperCase()], [`  ${BUNDLED}  `], [`${BUNDLED}\0`]])("given %j, then names the story", (value) => {
    expect(storyFromOption(db, value, "en").slug).toBe(BUNDLED);
  });

  it("refuses an unknown slug naming the stories there are, and blank as nothing to look up", () => {
    expect(() => storyFromOption(db, "no-such-story", "en")).toThrow(/There is no story called “no-such-story”[\s\S]*crowd-story/);
    expect(() => storyFromOption(db, "  ", "en")).toThrow(/nothing to look up/);
  });

  it("autocompletes by slug or title, in any case", () => {
    expect(storyAutocomplete(db, "CROWD", "en").map((c) => c.value)).toEqual(["crowd-story"]);
    expect(storyAutocomplete(db, "董事会", "zh").map((c) => c.value)).toEqual([BUNDLED]);
  });
});
