import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DatabaseOpenError, openDatabase, schemaVersion, type Db } from "../db/index.ts";
import { describeImport, importFiles, syncStories } from "../src/story/import.ts";
import { parseDay } from "../src/story/dates.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const BUNDLED = "stories/openai-board-crisis-2023.yaml";

/** Every row of every table, to prove that nothing changed. */
function snapshot(db: Db): string {
  const tables = ["stories", "entities", "entity_names", "events", "event_entities", "quotes", "sources"];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
}

function problemsOf(text: string): string[] {
  const r = parseStoryText(text, "story.yaml");
  return r.ok ? [] : r.problems;
}

describe("migrations", () => {
  it("given a fresh database, then every migration is applied and recorded in user_version", () => {
    const db = openDatabase(":memory:");
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["stories", "entities", "events", "quotes", "sources", "event_fts"]));
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("given a file database, then it runs in WAL mode and reopens without migrating again", () => {
    const tmp = tempDir();
    try {
      const path = `${tmp.dir}/sub/dir/s.db`;
      const db = openDatabase(path);
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const v = schemaVersion(db);
      db.close();
      const again = openDatabase(path);
      expect(schemaVersion(again)).toBe(v);
      again.close();
    } finally {
      tmp.cleanup();
    }
  });

  it("given a file that is not a database, then opening fails with a clear message", () => {
    const tmp = tempDir();
    try {
      const path = tmp.file("bad.db", "this is not sqlite ".repeat(100));
      expect(() => openDatabase(path)).toThrow(/not a SQLite database/);
    } finally {
      tmp.cleanup();
    }
  });
});

describe("importing story files", () => {
  let db: Db;
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    db = openDatabase(":memory:");
    tmp = tempDir();
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it("imports the bundled story with its counts", () => {
    const r = importFiles(db, [BUNDLED]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.results[0]!;
    expect(c.slug).toBe("openai-board-crisis-2023");
    expect(c.entities).toBeGreaterThanOrEqual(20);
    expect(c.events).toBeGreaterThanOrEqual(20);
    expect(c.created).toBe(c.events);
    expect(describeImport(c)).toBe(`openai-board-crisis-2023: ${c.entities} entities, ${c.events} events (${c.events} new, 0 updated, 0 removed)`);
    expect((db.prepare("SELECT count(*) n FROM events").get() as { n: number }).n).toBe(c.events);
  });

  it("given an unchanged file, then a re-import changes no row at all", () => {
    importFiles(db, [BUNDLED], 1_000);
    const before = snapshot(db);
    const r = importFiles(db, [BUNDLED], 2_000);
    expect(r.ok && r.results[0]).toMatchObject({ created: 0, updated: 0, removed: 0, storyChanged: false });
    expect(snapshot(db)).toBe(before);
  });

  it("given an edited file, then only what changed is updated and what it dropped is removed", () => {
    const path = tmp.file("mini.yaml", miniStory());
    importFiles(db, [path], 1_000);
    const firstBefore = db.prepare("SELECT * FROM events WHERE key = 'first'").get();
    const edited = miniStory()
      .replace('title: "Acme ships the engine"', 'title: "Acme ships the new engine"')
      .replace(/ {2}- id: first[\s\S]*?(?= {2}- id: second)/, "");
    tmp.file("mini.yaml", edited.replace("entities: [acme]", "entities: [acme]").replace("  - id: second", "  - id: second"));
    const r = importFiles(db, [path], 2_000);
    expect(r.ok && r.results[0]).toMatchObject({ created: 0, updated: 1, removed: 1 });
    expect(firstBefore).toBeTruthy();
    expect(db.prepare("SELECT key, title_en, added_at, updated_at FROM events").all()).toEqual([
      { key: "second", title_en: "Acme ships the new engine", added_at: 1_000, updated_at: 2_000 },
    ]);
  });

  it("given events added by other means, then a re-import never touches them", () => {
    const path = tmp.file("mini.yaml", miniStory());
    importFiles(db, [path], 1_000);
    db.prepare(
      "INSERT INTO events (story_id, key, at, precision, title_en, origin, content_hash, added_at, updated_at) VALUES (1, 'e-1', 0, 'date', 'by an editor', 'editor', '', 5, 5)",
    ).run();
    tmp.file("mini.yaml", miniStory().replace('"Acme ships the engine"', '"Changed"'));
    importFiles(db, [path], 2_000);
    expect(db.prepare("SELECT title_en FROM events WHERE key = 'e-1'").get()).toEqual({ title_en: "by an editor" });
  });

  it("given a file that reuses an editor's event id, then the import is refused and writes nothing", () => {
    const path = tmp.file("mini.yaml", miniStory());
    importFiles(db, [path], 1_000);
    db.prepare(
      "INSERT INTO events (story_id, key, at, precision, title_en, origin, content_hash, added_at, updated_at) VALUES (1, 'e-1', 0, 'date', 'by an editor', 'editor', '', 5, 5)",
    ).run();
    const before = snapshot(db);
    tmp.file("mini.yaml", miniStory("mini-story", '  - { id: e-1, at: "2024-02-02", title: "clash", sources: [{ name: x }] }\n'));
    expect(importFiles(db, [path], 2_000)).toEqual({
      ok: false,
      refusals: [{ path, problems: ['event "e-1" in mini-story was added by an editor; give the file\'s event another id'] }],
    });
    expect(snapshot(db)).toBe(before);
  });

  it("given a good file before one that clashes with an editor's event, then neither is written (all or none)", () => {
    const path = tmp.file("mini.yaml", miniStory());
    importFiles(db, [path], 1_000);
    db.prepare(
      "INSERT INTO events (story_id, key, at, precision, title_en, origin, content_hash, added_at, updated_at) VALUES (1, 'e-1', 0, 'date', 'by an editor', 'editor', '', 5, 5)",
    ).run();
    const before = snapshot(db);
    const other = tmp.file("other.yaml", miniStory("other-story"));
    tmp.file("mini.yaml", miniStory("mini-story", '  - { id: e-1, at: "2024-02-02", title: "clash", sources: [{ name: x }] }\n'));
    const r = importFiles(db, [other, path], 2_000);
    expect(!r.ok && r.refusals.map((x) => x.path)).toEqual([path]);
    expect(snapshot(db)).toBe(before);
  });

  it("given one bad file among good ones, then every problem is listed and nothing is written", () => {
    const good = tmp.file("good.yaml", miniStory("good-story"));
    const bad = tmp.file("bad.yaml", miniStory("bad-story").replace('"2024-01-02"', '"2023-13-01"').replace("entities: [ada, acme]", "entities: [ada, ilya]"));
    const r = importFiles(db, [good, bad]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusals).toEqual([
      {
        path: bad,
        problems: [
          'events[0].at: "2023-13-01" is not a date (expected YYYY-MM-DD or an ISO date-time with offset, e.g. 2023-11-20T09:30:00-08:00)',
          'events[0].entities[1]: unknown entity "ilya"',
        ],
      },
    ]);
    expect((db.prepare("SELECT count(*) n FROM stories").get() as { n: number }).n).toBe(0);
  });

  it("given a missing file, then it is one clear problem", () => {
    const r = importFiles(db, [`${tmp.dir}/nope.yaml`]);
    expect(r).toEqual({ ok: false, refusals: [{ path: `${tmp.dir}/nope.yaml`, problems: ["cannot read file: no such file"] }] });
  });

  it("given two files with the same slug, then the second is refused", () => {
    const a = tmp.file("a.yaml", miniStory("same"));
    const b = tmp.file("b.json", JSON.stringify({ story: { slug: "same", title: "Same" }, events: [] }));
    const r = importFiles(db, [a, b]);
    expect(!r.ok && r.refusals[0]?.problems[0]).toMatch(/also the slug of/);
  });

  it("accepts JSON story files", () => {
    const p = tmp.file(
      "j.json",
      JSON.stringify({
        story: { slug: "json-story", title: { en: "J" } },
        entities: [],
        events: [{ id: "a", at: "2020-01-01", title: "A", sources: [{ name: "S", url: "http://x.org" }] }],
      }),
    );
    const r = importFiles(db, [p]);
    expect(r.ok && r.results[0]).toMatchObject({ slug: "json-story", events: 1, created: 1 });
  });

  it("syncs a folder file by file, keeping good stories when one file is broken", () => {
    tmp.file("a.yaml", miniStory("story-a"));
    tmp.file("b.yaml", "story: [unclosed");
    const r = syncStories(db, tmp.dir);
    expect(r.results.map((x) => x.slug)).toEqual(["story-a"]);
    expect(r.refusals[0]?.problems[0]).toMatch(/^line \d+, column \d+:/);
  });

  it("given a database that fails while syncing (read-only here), then that is a database error, not a refused story file", () => {
    const path = `${tmp.dir}/ro.db`;
    const writable = openDatabase(path);
    writable.close();
    tmp.file("a.yaml", miniStory("story-a"));
    const readonly = openDatabase(path, { readonly: true });
    try {
      expect(() => syncStories(readonly, tmp.dir)).toThrow(
        new DatabaseOpenError(`database ${path} is read-only (check the permissions of the file and its folder)`),
      );
    } finally {
      readonly.close();
    }
  });
});

describe("story file validation", () => {
  it.each([
    ["a bad slug", miniStory("Bad Slug"), "story.slug: must use only a-z, 0-9 and single dashes"],
    ["an impossible date", miniStory().replace('"2024-01-02"', '"2023-13-01"'), 'events[0].at: "2023-13-01" is not a date'],
    ["a date-time without offset", miniStory().replace('"2024-01-03T10:00:00+01:00"', '"2024-01-03T10:00:00"'), "events[1].at:"],
    ["an unknown entity", miniStory().replace("entities: [acme]", "entities: [acme, ilya]"), 'events[1].entities[1]: unknown entity "ilya"'],
    ["a quote by an unknown entity", miniStory().replace("- by: ada", "- by: bob"), 'events[0].quotes[0].by: unknown entity "bob"'],
    [
      "a missing source",
      miniStory().replace(/ {4}sources:\n {6}- \{ name: "Courier" \}\n/, "    sources: []\n"),
      "events[1].sources: needs at least one source",
    ],
    ["a source url that is not http", miniStory().replace("https://example.org/a", "javascript:alert(1)"), "events[0].sources[0].url: must be an http(s) URL"],
    ["a duplicate event id", miniStory().replace("- id: second", "- id: first"), 'events[1].id: duplicate id "first"'],
    ["a duplicate entity id", miniStory().replace("- id: acme", "- id: ada"), 'entities[1].id: duplicate id "ada"'],
    ["an unknown kind", miniStory().replace("kind: person", "kind: robot"), "entities[0].kind:"],
    ["an unknown field", miniStory().replace("    importance: 4", "    importance: 4\n    colour: red"), 'events[0]: unknown field "colour"'],
    ["an importance out of range", miniStory().replace("importance: 4", "importance: 9"), "events[0].importance:"],
    ["a localized text with neither language", miniStory().replace('name: "Acme Corporation"', "name: { fr: Acme }"), "entities[1].name"],
    ["a missing title", miniStory().replace('    title: "Acme ships the engine"\n', ""), "events[1].title: is required"],
    ["unparsable YAML", "story:\n  slug: [a\n", "line "],
    ["duplicate YAML keys", "story:\n  slug: a\n  slug: b\n", 'story: duplicate key "slug" (line 3, column 3)'],
    ["an empty file", "# nothing yet\n", "the file is empty (a story file starts with story:)"],
    ["a list instead of a story", "- a\n- b\n", "(file): must be a mapping with story, entities and events, not a list"],
    ["a single text instead of a story", "just words\n", "(file): must be a mapping with story, entities and events, not a single text"],
  ])("refuses %s with a path-precise message", (_what, text, expected) => {
    const problems = problemsOf(text);
    expect(problems.some((p) => p.startsWith(expected) || p.includes(expected))).toBe(true);
  });

  it("lists every problem of a file at once", () => {
    const text = miniStory("Bad Slug").replace('"2024-01-02"', '"2023-13-01"').replace("entities: [acme]", "entities: [acme, ilya]");
    expect(problemsOf(text).length).toBeGreaterThanOrEqual(2);
  });

  it("given a year from 0000 to 0099, then it is that year, not one in the 1900s", () => {
    const at = (time: string) => {
      const r = parseStoryText(miniStory().replace('"2024-01-02"', `"${time}"`), "m.yaml");
      return r.ok ? new Date(r.story.events[0]!.at).toISOString() : r.problems.join("; ");
    };
    expect(at("0050-01-01")).toBe("0050-01-01T12:00:00.000Z");
    expect(at("0000-02-29")).toBe("0000-02-29T12:00:00.000Z");
    expect(at("0099-12-31T23:30:00+01:00")).toBe("0099-12-31T22:30:00.000Z");
    expect(at("0001-02-29")).toMatch(/is not a date/);
    expect(parseDay("0050-06-01")).toEqual({ start: Date.parse("0050-06-01T00:00:00Z"), end: Date.parse("0050-06-02T00:00:00Z") - 1 });
  });

  it("accepts offsets from -12:00 to +14:00 and refuses any beyond, saying so", () => {
    const problems = (time: string) => problemsOf(miniStory().replace('"2024-01-02"', `"${time}"`));
    expect(problems("2024-01-02T10:00:00+14:00")).toEqual([]);
    expect(problems("2024-01-02T10:00:00-12:00")).toEqual([]);
    expect(problems("2024-01-02T10:00:00+14:59")).toEqual([
      'events[0].at: "2024-01-02T10:00:00+14:59" has an offset outside the ones in use (from -12:00 to +14:00)',
    ]);
    expect(problems("2024-01-02T10:00:00-12:30")).toEqual([
      'events[0].at: "2024-01-02T10:00:00-12:30" has an offset outside the ones in use (from -12:00 to +14:00)',
    ]);
    expect(problems("2024-01-02T10:00:00+05:60")[0]).toMatch(/is not a date/);
  });

  it("keeps milliseconds of a date-time and ignores finer fractions", () => {
    const r = parseStoryText(miniStory().replace('"2024-01-02"', '"2024-01-02T10:00:00.123456789Z"'), "m.yaml");
    expect(r.ok && r.story.events[0]!.at).toBe(Date.UTC(2024, 0, 2, 10, 0, 0, 123));
  });

  it("stores a date at noon UTC and a date-time at its instant", () => {
    const r = parseStoryText(miniStory(), "m.yaml");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.story.events[0]).toMatchObject({ at: Date.UTC(2024, 0, 2, 12), precision: "date" });
    expect(r.story.events[1]).toMatchObject({ at: Date.UTC(2024, 0, 3, 9), precision: "datetime" });
  });

  it("takes a plain string with Chinese characters as Chinese and others as English", () => {
    const r = parseStoryText(miniStory().replace('name: "Acme Corporation"', 'name: "阿克米公司"'), "m.yaml");
    expect(r.ok && r.story.entities[1]?.name).toEqual({ en: null, zh: "阿克米公司" });
    const r2 = parseStoryText(miniStory(), "m.yaml");
    expect(r2.ok && r2.story.entities[1]?.name).toEqual({ en: "Acme Corporation", zh: null });
  });
});
