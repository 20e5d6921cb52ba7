import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/index.ts";
import { importFiles } from "../src/story/import.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

let db: Db;
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  db = openDatabase(":memory:");
  tmp = tempDir("storyline-encoding-");
});
afterEach(() => {
  db.close();
  tmp.cleanup();
});

/** Writes `bytes` as a story file and imports it: the problems, or [] when it was imported. */
function importBytes(name: string, bytes: Uint8Array): string[] {
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  const r = importFiles(db, [path]);
  return r.ok ? [] : r.refusals.flatMap((x) => x.problems);
}

const storedTitles = () => db.prepare("SELECT title_en, title_zh FROM stories").all();
const jsonStory = (title: string) => `{ "story": { "slug": "json-story", "title": ${title} }, "events": [] }`;

describe("the encoding of a story file", () => {
  it("given bytes that are not UTF-8, then the file is refused with where, not stored with �", () => {
    const text = Buffer.concat([Buffer.from('story: { slug: latin, title: "Caf'), Buffer.from([0xe9]), Buffer.from('" }\n')]);
    expect(importBytes("latin1.yaml", text)).toEqual(["the file is not valid UTF-8 (byte 0xE9 at line 1, column 34); save it as UTF-8"]);
    expect(storedTitles()).toEqual([]);
  });

  it("given UTF-16, with or without a byte order mark, then it says so instead of 'expected object, received string'", () => {
    expect(importBytes("bom16.yaml", Buffer.from(`\uFEFF${miniStory()}`, "utf16le"))).toEqual(["the file is UTF-16; save it as UTF-8"]);
    expect(importBytes("plain16.json", Buffer.from(jsonStory('"T"'), "utf16le"))).toEqual([
      "the file looks like UTF-16 (it is full of zero bytes); save it as UTF-8",
    ]);
    expect(importBytes("bom32.yaml", Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x73, 0, 0, 0]))).toEqual(["the file is UTF-32; save it as UTF-8"]);
  });

  it("given a UTF-8 byte order mark, then YAML and JSON files are both accepted", () => {
    expect(importBytes("bom.yaml", Buffer.from(`\uFEFF${miniStory()}`))).toEqual([]);
    expect(importBytes("bom.json", Buffer.from(`\uFEFF${jsonStory('"Titled"')}`))).toEqual([]);
    expect(storedTitles()).toContainEqual({ title_en: "Titled", title_zh: null });
  });
});

describe("characters a story text may not hold", () => {
  it("given a JSON lone surrogate escape, then the text is refused by its path, not stored as invalid UTF-8", () => {
    expect(importBytes("lone.json", Buffer.from(jsonStory('"A \\ud800 B"')))).toEqual([
      "story.title: contains half of a surrogate pair (U+D800), which is not a character",
    ]);
    expect(storedTitles()).toEqual([]);
  });

  it("given a paired surrogate escape (an emoji), then it is accepted", () => {
    expect(importBytes("emoji.json", Buffer.from(jsonStory('"\\ud83d\\ude00"')))).toEqual([]);
    expect(storedTitles()).toEqual([{ title_en: "😀", title_zh: null }]);
  });

  it("given control characters in YAML or JSON, then each is refused by its path and code point", () => {
    const yaml = miniStory().replace('title: { en: "Ada joins Acme"', 'title: { en: "Ada\\0 joins Acme"').replace('name: "Courier"', 'name: "Cou\\x1Brier"');
    expect(parseProblems(yaml, "story.yaml")).toEqual([
      "events[0].title.en: contains a control character (U+0000)",
      "events[1].sources[0].name: contains a control character (U+001B)",
    ]);
    expect(importBytes("nul.json", Buffer.from(jsonStory('"bell \\u0007"')))).toEqual(["story.title: contains a control character (U+0007)"]);
  });

  it("keeps tabs and line breaks, which texts may hold", () => {
    expect(importBytes("tabs.json", Buffer.from(jsonStory('"a\\tb\\nc"')))).toEqual([]);
  });
});

function parseProblems(text: string, name: string): string[] {
  const r = parseStoryText(text, name);
  return r.ok ? [] : r.problems;
}

describe("the same rules for YAML and JSON", () => {
  it("given a JSON object with a key twice, then it is refused as YAML is, by the object's path and line", () => {
    const json = '{\n  "story": { "slug": "a", "title": "One", "title": "Two" },\n  "events": []\n}';
    expect(parseProblems(json, "story.json")).toEqual(['story: duplicate key "title" (line 2, column 43)']);
    expect(parseProblems("story:\n  slug: a\n  title: One\n  title: Two\n", "story.yaml")).toEqual(['story: duplicate key "title" (line 4, column 3)']);
  });

  it("given duplicate keys deep in a JSON list, then the path names the item", () => {
    const json = JSON.stringify({ story: { slug: "a", title: "A" }, events: [{ id: "x" }, { id: "y" }] }).replace('"id":"y"', '"id":"y","id":"z"');
    expect(parseProblems(json, "s.json")).toEqual(['events[1]: duplicate key "id" (line 1, column 66)']);
  });

  it.each([
    ["!!binary", "story: { slug: a, title: !!binary aGVsbG8= }\n", "line 1, column 26: the tag !!binary is not allowed"],
    [
      "!!timestamp",
      'story: { slug: a, title: "A" }\nevents:\n  - { id: a, at: !!timestamp 2023-11-20, title: t, sources: [{ name: s }] }\n',
      "line 3, column 18: the tag !!timestamp is not allowed",
    ],
    ["a custom tag", "story: { slug: a, title: !secret A }\n", "line 1, column 26: the tag !secret is not allowed"],
  ])("refuses %s with one sentence, instead of listing a Buffer's methods as fields", (_what, text, expected) => {
    const problems = parseProblems(text, "story.yaml");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(`${expected}; a story file holds only texts, numbers, true/false, lists and mappings`);
  });

  it("given YAML 1.1 directives, then dates and yes/no stay plain texts (the core schema)", () => {
    const r = parseStoryText(
      '%YAML 1.1\n---\nstory: { slug: a, title: yes }\nevents:\n  - { id: e, at: 2023-11-20, title: "T", sources: [{ name: s }] }\n',
      "s.yaml",
    );
    expect(r.ok && [r.story.title.en, r.story.events[0]?.precision]).toEqual(["yes", "date"]);
  });

  it("given broken JSON, then the line and column are named, also where JSON.parse names no position", () => {
    expect(parseProblems('{\n  "story": { "slug": "a",, }\n}', "s.json")).toEqual(["line 2, column 26: not valid JSON (Expected double-quoted property name)"]);
    expect(parseProblems('{\n  "story": {\n    "slug": "a",\n    "title": tru\n  }\n}', "s.json")).toEqual([
      'line 4, column 17: not valid JSON (Unexpected token "\\n")',
    ]);
  });
});
