import { beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../db/audit.ts";
import { getEvent, latestEvents } from "../db/events.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { Lang } from "../db/types.ts";
import { readAuditArgs } from "../src/audit/args.ts";
import { auditLine } from "../src/audit/format.ts";
import { isEditor } from "../src/editor/access.ts";
import { cleanTitle, formFields, parseImportance, parseSourceLine, parseSources, splitNames } from "../src/editor/fields.ts";
import { readCorrection, readNewEvent } from "../src/editor/form.ts";
import { asShown, fromInputs, splitTitleSummary, toInputs } from "../src/editor/inputs.ts";
import { writingLang } from "../src/editor/lang.ts";
import { resolveName, type PeopleLookup } from "../src/editor/people.ts";
import { peopleLookup } from "../src/command-kit/editor.ts";
import { diffValues, prefill, valuesOf } from "../src/editor/values.ts";
import { ordinal } from "../src/i18n/editor.ts";
import { renderEditorProblems, renderHistory } from "../src/render/editor.ts";
import { renderEditorModal } from "../src/render/editor-form.ts";
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

  it("keeps a title as typed, a leading ! included, on one line", () => {
    expect(cleanTitle("! Board fires Altman")).toBe("! Board fires Altman");
    expect(cleanTitle(" 董事会  解雇\n奥特曼 ")).toBe("董事会 解雇 奥特曼");
  });

  it("reads the importance as 1 to 5, nothing chosen as null, anything else as a problem", () => {
    expect(["1", " 5 ", "", "0", "6", "3.5", "五"].map(parseImportance)).toEqual([
      1,
      5,
      null,
      { kind: "badImportance", value: "0" },
      { kind: "badImportance", value: "6" },
      { kind: "badImportance", value: "3.5" },
      { kind: "badImportance", value: "五" },
    ]);
  });

  it("shares one box between title and summary: the first line, then the rest", () => {
    expect(splitTitleSummary("\n  \nBoard fires Altman\r\n\r\nHe was not candid.\nMore.")).toEqual({
      title: "Board fires Altman",
      summary: "He was not candid.\nMore.",
    });
    expect(splitTitleSummary("Only a title")).toEqual({ title: "Only a title", summary: "" });
    const fields = formFields({ title: "T", summary: "S", when: "2023-11-20", people: "p", source: "x", importance: "4" });
    expect(toInputs(fields)).toEqual({ title: "T\n\nS", when: "2023-11-20", importance: "4", people: "p", source: "x" });
    expect(fromInputs(toInputs(fields))).toEqual(fields);
    expect(fromInputs({ title: "T", summary: "ignored: no such input" }).summary).toBe("");
  });

  it("splits names on commas, Chinese commas, 、 and semicolons, each once", () => {
    expect(splitNames("emmett, openai  board、董事会，微软; Emmett;;")).toEqual(["emmett", "openai board", "董事会", "微软"]);
  });

  it("reads a form with missing fields as empty ones", () => {
    expect(formFields({ title: "x", other: "y" })).toEqual({ title: "x", when: "", summary: "", people: "", source: "", importance: "" });
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
      const read = readCorrection(asShown(base), base, ev, { localeLang: lang, people });
      expect(read, ev.key).toMatchObject({ ok: true, changes: {} });
      // Every field typed again as it was: read afresh (names resolved again), still no change.
      const retyped = readCorrection(base, formFields({}), ev, { localeLang: lang, people });
      expect(retyped, ev.key).toMatchObject({ ok: true, changes: {} });
    }
  });

  it("changes the importance only from its own field, never from the title", () => {
    const ev = getEvent(db, storyId, latestEvents(db, storyId, 100).find((e) => e.key === "altman-fired")!.id)!;
    expect(ev.importance).toBe(5);
    const base = prefill(ev, "en");
    expect(base).toMatchObject({ importance: "5", title: ev.title.en });
    const ctx = { localeLang: "en" as const, people };
    const retitled = readCorrection({ ...base, title: "Board fires Altman" }, base, ev, ctx);
    expect(retitled.ok && Object.keys(retitled.changes)).toEqual(["title_en"]);
    expect(retitled.ok && retitled.update.importance).toBe(5);
    const marked = readCorrection({ ...base, title: "! Board fires Altman" }, base, ev, ctx);
    expect(marked.ok && marked.update).toMatchObject({ importance: 5, title: { en: "! Board fires Altman" } });
    expect(readCorrection({ ...base, importance: "2" }, base, ev, ctx)).toMatchObject({ ok: true, changes: { importance: { before: 5, after: 2 } } });
    expect(readCorrection({ ...base, importance: "9" }, base, ev, ctx)).toEqual({ ok: false, problems: [{ kind: "badImportance", value: "9" }] });
  });

  it("does not take a text cut to fit the form for a change", () => {
    const ev = getEvent(db, storyId, latestEvents(db, storyId, 1)[0]!.id)!;
    const long = { ...ev, summary: { en: "s".repeat(5000), zh: null } };
    const base = prefill(long, "en");
    const read = readCorrection({ ...asShown(base), when: "2023-11-30" }, base, long, { localeLang: "en", people });
    expect(read.ok && Object.keys(read.changes)).toEqual(["when"]);
    expect(read.ok && read.update.summary.en).toHaveLength(5000);
  });

  it("records an addition's non-empty fields only, its importance 3 unless chosen", () => {
    const read = readNewEvent(formFields({ title: "Board names Shear", when: "2023-11-19", people: "emmett", source: "X" }), { localeLang: "en", people });
    expect(read.ok && Object.keys(read.changes)).toEqual(["title_en", "when", "importance", "people", "sources"]);
    expect(read.ok && read.event.importance).toBe(3);
    const major = readNewEvent(formFields({ title: "! Board names Shear", when: "2023-11-19", source: "X", importance: "5" }), { localeLang: "en", people });
    expect(major.ok && major.event).toMatchObject({ importance: 5, title: { en: "! Board names Shear" } });
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
    expect(modal.components).toHaveLength(5);
    type Input = { type: number; label?: string; placeholder?: string; value?: string; max_length?: number; options?: { label: string }[] };
    for (const label of modal.components as unknown as { type: number; label: string; description?: string; component: Input }[]) {
      expect(label.type).toBe(18);
      expect(label.label.length).toBeLessThanOrEqual(45);
      expect((label.description ?? "").length).toBeLessThanOrEqual(100);
      const input = label.component;
      expect(input.label).toBeUndefined();
      if (input.type === 3) {
        expect(input.options!.map((o) => o.label.length <= 100)).toEqual([true, true, true, true, true]);
        continue;
      }
      expect(input.placeholder!.length).toBeLessThanOrEqual(100);
      expect(input.max_length).toBeLessThanOrEqual(4000);
      expect((input.value ?? "").length).toBeLessThanOrEqual(input.max_length!);
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

describe("ordinal", () => {
  it("writes English ordinals, teens with th", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112, 1000].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
      "112th",
      "1000th",
    ]);
  });
});
