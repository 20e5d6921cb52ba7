import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../db/audit.ts";
import { getEvent, latestEvents } from "../db/events.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { Lang } from "../db/types.ts";
import { readAuditArgs } from "../src/audit/args.ts";
import { auditLine } from "../src/audit/format.ts";
import { isEditor } from "../src/editor/access.ts";
import { formFields, parseSourceLine, parseSources, parseTitle, splitNames } from "../src/editor/fields.ts";
import { readCorrection, readNewEvent } from "../src/editor/form.ts";
import { writingLang } from "../src/editor/lang.ts";
import { resolveName, type PeopleLookup } from "../src/editor/people.ts";
import { peopleLookup } from "../src/command-kit/editor.ts";
import { diffValues, prefill, valuesOf } from "../src/editor/values.ts";
import { renderEditorModal, renderEditorProblems, renderHistory } from "../src/render/editor.ts";
import { checkMessage } from "../src/render/index.ts";
import { importFiles } from "../src/story/import.ts";

let db: Db;
let storyId: number;
let people: PeopleLookup;

beforeAll(() => {
  db = openDatabase(":memory:");
  const r = importFiles(db, ["stories/openai-board-crisis-2023.yaml"], 1_000);
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  storyId = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
  people = peopleLookup(db, storyId);
});

describe("reading the form's fields", () => {
  it.each([
    ["The Information", { name: "The Information", url: null }],
    ["Wired | https://wired.com/story/a", { name: "Wired", url: "https://wired.com/story/a" }],
    ["Wired https://wired.com/story/a", { name: "Wired", url: "https://wired.com/story/a" }],
    ["Reuters |", { name: "Reuters", url: null }],
    ["https://wired.com/story/a", { kind: "sourceNoName", line: "https://wired.com/story/a" }],
    ["| https://wired.com", { kind: "sourceNoName", line: "| https://wired.com" }],
    ["Memo | ftp://example.org/memo", { kind: "sourceBadUrl", url: "ftp://example.org/memo" }],
    ["Site | www.example.org", { kind: "sourceBadUrl", url: "www.example.org" }],
    ["Bad | javascript:alert(1)", { kind: "sourceBadUrl", url: "javascript:alert(1)" }],
  ])("reads the source %j", (line, expected) => {
    expect(parseSourceLine(line)).toEqual(expected);
  });

  it("needs at least one source and takes at most ten, one per line", () => {
    expect(parseSources(" \n ").problems).toEqual([{ kind: "sourceMissing" }]);
    expect(parseSources(Array.from({ length: 11 }, (_, i) => `S${i}`).join("\n")).problems).toEqual([{ kind: "tooManySources", max: 10 }]);
    expect(parseSources("A\r\n\r\nB | https://b.org").sources).toEqual([
      { name: "A", url: null },
      { name: "B", url: "https://b.org" },
    ]);
  });

  it("reads a leading ! (or ！ or ❗) as a major development", () => {
    expect(parseTitle("! Board fires Altman")).toEqual({ text: "Board fires Altman", major: true });
    expect(parseTitle("❗董事会  解雇奥特曼")).toEqual({ text: "董事会 解雇奥特曼", major: true });
    expect(parseTitle("！大事")).toEqual({ text: "大事", major: true });
    expect(parseTitle("Altman is back!")).toEqual({ text: "Altman is back!", major: false });
    expect(parseTitle(" ! ")).toEqual({ text: "", major: true });
  });

  it("splits names on commas, Chinese commas, 、 and semicolons, each once", () => {
    expect(splitNames("emmett, openai  board、董事会，微软; Emmett;;")).toEqual(["emmett", "openai board", "董事会", "微软"]);
  });

  it("reads a form with missing fields as empty ones", () => {
    expect(formFields({ title: "x", other: "y" })).toEqual({ title: "x", when: "", summary: "", people: "", source: "" });
  });
});

describe("resolving people like /who", () => {
  const key = (typed: string) => {
    const r = resolveName(typed, people);
    return "entity" in r ? r.entity.key : r.problem.kind;
  };

  it("accepts a single exact match, an entity's key, or the only match of any rank", () => {
    expect(key("emmett")).toBe("emmett-shear");
    expect(key("OpenAI Board")).toBe("openai-board");
    expect(key("董事会")).toBe("openai-board");
    expect(key("daniela-amodei")).toBe("daniela-amodei");
    expect(key("Sutskevr")).toBe("ilya-sutskever");
  });

  it("calls several equally good matches ambiguous and suggests them", () => {
    const r = resolveName("amodei", people);
    expect("problem" in r && r.problem.kind).toBe("ambiguousPerson");
    expect("problem" in r && r.problem.kind === "ambiguousPerson" && r.problem.matches.map((e) => e.key).sort()).toEqual(["daniela-amodei", "dario-amodei"]);
  });

  it("calls an unknown name unknown, suggesting names close to its words", () => {
    const r = resolveName("Zaphod Nadela", people);
    expect("problem" in r && r.problem.kind).toBe("unknownPerson");
    expect("problem" in r && r.problem.kind === "unknownPerson" && r.problem.suggestions.map((e) => e.key)).toEqual(["satya-nadella"]);
  });
});

describe("who is an editor", () => {
  const config = { EDITOR_USER_IDS: ["111"], EDITOR_GUILD_ID: "900" };
  it("is whoever is listed, anywhere", () => {
    expect(isEditor({ userId: "111", guildId: null, managesGuild: false }, config)).toBe(true);
  });
  it("is whoever manages the editors' server, there only", () => {
    expect(isEditor({ userId: "222", guildId: "900", managesGuild: true }, config)).toBe(true);
    expect(isEditor({ userId: "222", guildId: "901", managesGuild: true }, config)).toBe(false);
    expect(isEditor({ userId: "222", guildId: "900", managesGuild: false }, config)).toBe(false);
    expect(isEditor({ userId: "222", guildId: "900", managesGuild: true }, { EDITOR_USER_IDS: [] })).toBe(false);
  });
});

describe("the language an editor writes in", () => {
  it("is Chinese for a Chinese locale or Chinese text, English otherwise", () => {
    expect(writingLang("en", ["Board", ""])).toBe("en");
    expect(writingLang("en", ["Board", "董事会"])).toBe("zh");
    expect(writingLang("zh", ["Board"])).toBe("zh");
  });
});

describe("corrections", () => {
  it.each<Lang>(["en", "zh"])("finds nothing changed in any event's form sent back as it opened (%s)", (lang) => {
    for (const summary of latestEvents(db, storyId, 100)) {
      const ev = getEvent(db, storyId, summary.id)!;
      const base = prefill(ev, lang);
      const read = readCorrection(base, base, ev, { localeLang: lang, people });
      expect(read, ev.key).toMatchObject({ ok: true, changes: {} });
      // Every field typed again as it was: read afresh (names resolved again), still no change.
      const retyped = readCorrection(base, formFields({}), ev, { localeLang: lang, people });
      expect(retyped, ev.key).toMatchObject({ ok: true, changes: {} });
    }
  });

  it("raises and lowers importance with the title's !", () => {
    const ev = getEvent(db, storyId, latestEvents(db, storyId, 100).find((e) => e.key === "altman-fired")!.id)!;
    const base = prefill(ev, "en");
    const lowered = readCorrection({ ...base, title: base.title.replace(/^! /, "") }, base, ev, { localeLang: "en", people });
    expect(lowered).toMatchObject({ ok: true, changes: { importance: { before: 5, after: 3 } } });
    expect(Object.keys(lowered.ok ? lowered.changes : {})).toEqual(["importance"]);
  });

  it("records an addition's non-empty fields only", () => {
    const read = readNewEvent(formFields({ title: "Board names Shear", when: "2023-11-19", people: "emmett", source: "X" }), { localeLang: "en", people });
    expect(read.ok && Object.keys(read.changes)).toEqual(["title_en", "when", "importance", "people", "sources"]);
    expect(
      diffValues(
        valuesOf({ at: 0, precision: "date", title: { en: "a", zh: null }, summary: { en: null, zh: null }, importance: 3, entities: [], sources: [] }),
        null,
      ),
    ).toMatchObject({ title_en: { before: "a", after: null } });
  });
});

describe("the editor's messages", () => {
  it.each<Lang>(["en", "zh"])("builds a form Discord accepts, even prefilled with very long texts (%s)", (lang) => {
    const modal = renderEditorModal(
      "edit",
      `ed:edit:1:2:${"9".repeat(15)}`,
      formFields({ title: "t".repeat(300), summary: "s".repeat(5000), source: "x" }),
      lang,
    );
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    for (const row of modal.components as unknown as { components: { label: string; placeholder?: string; value?: string; max_length: number }[] }[]) {
      const input = row.components[0]!;
      expect(input.label.length).toBeLessThanOrEqual(45);
      expect(input.placeholder!.length).toBeLessThanOrEqual(100);
      expect(input.max_length).toBeLessThanOrEqual(4000);
      expect((input.value ?? "").length).toBeLessThanOrEqual(input.max_length);
    }
  });

  it.each<Lang>(["en", "zh"])("fits any number of long problems and a long history in one message (%s)", (lang) => {
    const long = "名".repeat(3000);
    const problems = Array.from({ length: 40 }, () => ({ kind: "unknownPerson" as const, typed: long, suggestions: [] }));
    expect(checkMessage(renderEditorProblems(problems, lang, "ed:retry:1"))).toEqual([]);
    const entry: AuditEntry = {
      id: 1,
      at: 1_700_000_000_000,
      userId: "1",
      userName: "*".repeat(500),
      storyId: 1,
      storySlug: "s",
      eventId: 1,
      eventKey: "k",
      eventTitle: long,
      action: "edit",
      changes: { title_en: { before: long, after: long }, summary_zh: { before: null, after: long }, people: { before: [long], after: [] } },
    };
    expect(
      checkMessage(
        renderHistory(
          long,
          Array.from({ length: 10 }, () => entry),
          50,
          null,
          lang,
        ),
      ),
    ).toEqual([]);
  });

  it("prints one audit entry on one line, even with line breaks in its values", () => {
    const line = auditLine({
      id: 1,
      at: Date.UTC(2023, 10, 20, 9, 30),
      userId: "42",
      userName: "ada\nlovelace",
      storyId: 1,
      storySlug: "s",
      eventId: 3,
      eventKey: "ed_3",
      eventTitle: "T",
      action: "edit",
      changes: { summary_en: { before: "a\nb", after: null }, people: { before: ["x", "y"], after: ["x"] } },
    });
    expect(line).toBe('2023-11-20 09:30:00Z  edit    s/ed_3  "T"  by ada lovelace (42)  summary_en: "a\\nb" → (none); people: "x, y" → "x"');
  });
});

describe("npm run audit's arguments", () => {
  it("reads the story, the day it starts from and the database", () => {
    expect(readAuditArgs(["--story", "openai-board-crisis-2023", "--since", "2023-11-20", "--db", "x.db"])).toEqual({
      ok: true,
      args: { storySlug: "openai-board-crisis-2023", since: Date.UTC(2023, 10, 20), db: "x.db", help: false },
    });
  });

  it.each([
    [["--since", "20/11/2023"], /"20\/11\/2023" is not a date/],
    [["--story", "Bad Slug"], /not a story slug/],
    [["--verbose"], /Unknown option '--verbose'/],
    [["stray"], /Unexpected argument 'stray'/],
    [["--db", " "], /--db needs a path/],
  ])("explains what is wrong with %j, with the usage", (argv, message) => {
    const r = readAuditArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
    expect(!r.ok && r.message).toContain("usage: npm run audit");
  });
});
