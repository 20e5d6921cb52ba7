import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/index.ts";
import { renderStoryList } from "../src/render/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { STORY_LIMITS } from "../src/story/limits.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { kill9, registerCommands, runNode, startBotProcess } from "./helpers/drills.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function temp() {
  const tmp = tempDir("storyline-limits-");
  cleanups.push(tmp.cleanup);
  return tmp;
}

const problemsOf = (text: string, name = "story.yaml") => {
  const r = parseStoryText(text, name);
  return r.ok ? [] : r.problems;
};

/** Milliseconds `fn` takes. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

/** A YAML story whose events reuse one source through an anchor, `uses` times in all. */
function anchoredStory(uses: number): string {
  const events = Array.from({ length: uses }, (_, i) => {
    const source = i === 0 ? '&nyt { name: "The New York Times", url: "https://www.nytimes.com/" }' : "*nyt";
    return `  - { id: ev-${i}, at: "2024-01-${String(1 + (i % 28)).padStart(2, "0")}", title: "Event ${i}", sources: [${source}] }`;
  });
  return `story: { slug: anchored, title: "Anchored" }\nevents:\n${events.join("\n")}\n`;
}

/** "Billion laughs": ten levels of nine aliases each, a billion strings from a few hundred bytes. */
function yamlBomb(): string {
  const lines = ["story: { slug: bomb, title: Bomb }", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

describe("the size of a story file", () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(":memory:");
    cleanups.push(() => void db.close());
  });

  it("given a 6 MB file, then it is refused for its size at once, and nothing is written", () => {
    const tmp = temp();
    const path = tmp.file("big.yaml", `story: [${"x, ".repeat(2 * 1024 * 1024)}x]\n`);
    const { value, ms } = timed(() => importFiles(db, [path]));
    expect(value).toEqual({ ok: false, refusals: [{ path, problems: ["the file is 6 MB; the limit is 5 MB (split the story into several files)"] }] });
    expect(ms).toBeLessThan(500);
    expect(db.prepare("SELECT count(*) AS n FROM stories").get()).toEqual({ n: 0 });
  });

  it("given a 40 GB file, then it is refused from its size alone, without reading it", () => {
    const tmp = temp();
    const path = tmp.file("huge.json", "");
    truncateSync(path, 40 * 1024 ** 3); // sparse: no disk used, but 40 GB to read
    const { value, ms } = timed(() => importFiles(db, [path]));
    expect(!value.ok && value.refusals[0]?.problems).toEqual(["the file is 40 GB; the limit is 5 MB (split the story into several files)"]);
    expect(ms).toBeLessThan(500);
  });

  it("given a FIFO named like a story file, then it is refused at once instead of waiting for a writer", () => {
    const tmp = temp();
    const path = join(tmp.dir, "pipe.yaml");
    execFileSync("mkfifo", [path]);
    expect(importFiles(db, [path])).toEqual({ ok: false, refusals: [{ path, problems: ["cannot read file: not a regular file"] }] });
  });

  it("given 5 MB of tiny values, then it is refused before the YAML is built, in well under the time building it takes", () => {
    const text = `story: [${"x, ".repeat(1_700_000)}x]\n`;
    const { value, ms } = timed(() => problemsOf(text));
    expect(value).toEqual(["the file has more than 300,000 values (each use of an alias counts as all it stands for); split the story or shorten it"]);
    expect(ms).toBeLessThan(3_000);
  });

  it("given the same values in JSON, then it is refused with the same sentence", () => {
    const text = JSON.stringify({ story: Array(1_000_000).fill(0) });
    expect(problemsOf(text, "story.json")).toEqual([
      "the file has more than 300,000 values (each use of an alias counts as all it stands for); split the story or shorten it",
    ]);
  });
});

describe("a story file too big for the bot", () => {
  /** A stories folder with a good story and a 6 MB file next to it. */
  function storiesWithHugeFile() {
    const tmp = temp();
    mkdirSync(join(tmp.dir, "stories"));
    tmp.file("stories/good.yaml", miniStory("good-story"));
    writeFileSync(join(tmp.dir, "stories", "huge.yaml"), `story: [${"x, ".repeat(2 * 1024 * 1024)}x]\n`);
    return tmp;
  }

  it("given one in STORIES_DIR, then npm start still starts, answers from the good story and logs the refusal", async () => {
    const tmp = storiesWithHugeFile();
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    await registerCommands(fake);
    const env = { DATABASE_PATH: join(tmp.dir, "bot.db"), STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: "good-story" };
    const bot = await startBotProcess(fake, env, tmp.dir);
    cleanups.push(() => kill9(bot));
    const latest = await (await fake.command({ name: "latest" })).settled();
    expect(textOf(latest.reply)).toContain("Ada joins Acme");
    expect(bot.stderr()).toMatch(/"path":"[^"]*huge\.yaml","problems":\["the file is 6 MB; the limit is 5 MB[^"]*"\],"msg":"story file refused/);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
  }, 30_000);

  it("given one in STORIES_DIR, then npm run sandbox still starts and answers", async () => {
    const tmp = storiesWithHugeFile();
    const p = runNode(
      "src/sandbox/cli.ts",
      ["--db", join(tmp.dir, "sandbox.db")],
      { STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: "good-story" },
      tmp.dir,
    );
    cleanups.push(() => kill9(p));
    p.child.stdin?.end("/latest count:1\n");
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toContain("Acme ships the engine");
    expect(p.stderr()).toContain("the file is 6 MB; the limit is 5 MB");
  }, 30_000);
});

describe("the length of every text", () => {
  const long = (n: number) => "x".repeat(n);
  it.each([
    ["a story title", miniStory().replace('title: { en: "A small story"', `title: { en: "${long(257)}"`), "story.title.en", 257, STORY_LIMITS.title],
    [
      "an event summary",
      miniStory().replace('{ en: "The engine impounded by customs was released."', `{ en: "${long(4_001)}"`),
      "events[0].summary.en",
      4_001,
      4_000,
    ],
    ["a quote", miniStory().replace('{ en: "The engine weaves patterns"', `{ en: "${long(1_001)}"`), "events[0].quotes[0].text.en", 1_001, 1_000],
    ["an entity name", miniStory().replace('name: "Acme Corporation"', `name: "${long(101)}"`), "entities[1].name", 101, 100],
    ["an alias", miniStory().replace("aliases: [ada, lovelace]", `aliases: [ada, ${long(101)}]`), "entities[0].aliases[1]", 101, 100],
    ["a role", miniStory().replace('name: "Acme Corporation"', `name: "Acme Corporation"\n    role: "${long(201)}"`), "entities[1].role", 201, 200],
    ["a source name", miniStory().replace('{ name: "Courier" }', `{ name: "${long(201)}" }`), "events[1].sources[0].name", 201, 200],
    ["a source url", miniStory().replace("https://example.org/a", `https://example.org/${long(1_981)}`), "events[0].sources[0].url", 2_001, 2_000],
    ["a slug", miniStory(long(506)), "story.slug", 506, 100],
    ["an entity id", miniStory().replace(/\bacme\b/g, long(101)), "entities[1].id", 101, 100],
    ["an event id", miniStory().replace("- id: first", `- id: ${long(101)}`), "events[0].id", 101, 100],
  ])("refuses %s over its limit, naming the length and the limit", (_what, text, path, length, limit) => {
    expect(problemsOf(text)).toContain(`${path}: is ${length.toLocaleString("en-US")} characters long; the limit is ${limit.toLocaleString("en-US")}`);
  });

  it("counts characters, not UTF-16 units: a title of 256 emoji or CJK extension characters is accepted", () => {
    expect(problemsOf(miniStory().replace('title: "Acme ships the engine"', `title: "${"😀".repeat(256)}"`))).toEqual([]);
    expect(problemsOf(miniStory().replace('title: "Acme ships the engine"', `title: "${"𠀀".repeat(257)}"`))).toEqual([
      "events[1].title: is 257 characters long; the limit is 256",
    ]);
  });

  it("given a 50,000-character date, then the problem quotes only a short piece of it", () => {
    const problems = problemsOf(miniStory().replace('at: "2024-01-02"', `at: "${long(50_000)}"`));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.length).toBeLessThan(200);
    expect(problems[0]).toMatch(/^events\[0\]\.at: "x{60}…" is not a date/);
  });
});

describe("how many items a file holds", () => {
  const event = (i: number) => ({ id: `e${i}`, at: "2024-01-01", title: "t", sources: [{ name: "s" }] });
  it("refuses more than 20,000 events, with one problem rather than one per event", () => {
    const text = JSON.stringify({ story: { slug: "many", title: "Many" }, events: Array.from({ length: 20_001 }, (_, i) => event(i)) });
    expect(problemsOf(text, "many.json")).toEqual(["events: has 20,001 events; the limit is 20,000"]);
  });

  it("refuses more than 50 sources on one event and more than 50 aliases on one entity", () => {
    const story = {
      story: { slug: "many", title: "Many" },
      entities: [{ id: "a", kind: "person", name: "A", aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) }],
      events: [{ ...event(0), sources: Array.from({ length: 51 }, (_, i) => ({ name: `s${i}` })) }],
    };
    expect(problemsOf(JSON.stringify(story), "many.json")).toEqual([
      "entities[0].aliases: has 51 aliases; the limit is 50",
      "events[0].sources: has 51 sources; the limit is 50",
    ]);
  });
});

describe("YAML anchors and aliases", () => {
  it("given one anchor used by 101 events, then the file is imported with the source on every event", () => {
    const db = openDatabase(":memory:");
    cleanups.push(() => void db.close());
    const tmp = temp();
    const r = importFiles(db, [tmp.file("anchored.yaml", anchoredStory(101))]);
    expect(r.ok && r.results[0]).toMatchObject({ slug: "anchored", events: 101, created: 101 });
    expect(db.prepare("SELECT count(*) AS n, count(DISTINCT name) AS names FROM sources").get()).toEqual({ n: 101, names: 1 });
  });

  it("given a billion laughs, then it is refused at once with a clear sentence", () => {
    const { value, ms } = timed(() => problemsOf(yamlBomb()));
    expect(value).toEqual(["the file has more than 300,000 values (each use of an alias counts as all it stands for); split the story or shorten it"]);
    expect(ms).toBeLessThan(500);
  });

  it("given an alias inside its own anchor, or one with no anchor, then each is refused with its line", () => {
    expect(problemsOf("story: &s { slug: a, title: *s }\n")).toEqual(["line 1, column 29: the alias *s is inside its own anchor, so it never ends"]);
    expect(problemsOf("story: { slug: a, title: *t }\n")).toEqual(["line 1, column 26: the alias *t has no anchor &t before it"]);
  });
});

describe("npm run import with several files", () => {
  it("reports every file's problems in the README's format, writes nothing, and leaves no database at a new path", async () => {
    const tmp = temp();
    const good = tmp.file("anchored.yaml", anchoredStory(120));
    const bomb = tmp.file("bomb.yaml", yamlBomb());
    const bad = tmp.file("bad.yaml", miniStory("bad-story").replace('"2024-01-02"', '"2023-13-01"').replace("entities: [acme]", "entities: [acme, ilya]"));
    const dbPath = join(tmp.dir, "new", "story.db");
    const p = runNode("src/story/cli.ts", [good, bomb, bad, "--db", dbPath], {}, tmp.dir);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toBe(
      [
        `${bomb}: refused, 1 problem`,
        "  the file has more than 300,000 values (each use of an alias counts as all it stands for); split the story or shorten it",
        `${bad}: refused, 2 problems`,
        '  events[0].at: "2023-13-01" is not a date (expected YYYY-MM-DD or an ISO date-time with offset, e.g. 2023-11-20T09:30:00-08:00)',
        '  events[1].entities[1]: unknown entity "ilya"',
        "Nothing was imported.",
        "",
      ].join("\n"),
    );
    expect(existsSync(dbPath)).toBe(false);
    expect(existsSync(join(tmp.dir, "new"))).toBe(false);
  }, 30_000);

  it("given good files, then it imports each and prints its counts", async () => {
    const tmp = temp();
    const dbPath = join(tmp.dir, "story.db");
    const p = runNode("src/story/cli.ts", [tmp.file("anchored.yaml", anchoredStory(120)), tmp.file("mini.yaml", miniStory()), "--db", dbPath], {}, tmp.dir);
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toBe(
      "anchored: 0 entities, 120 events (120 new, 0 updated, 0 removed)\nmini-story: 2 entities, 2 events (2 new, 0 updated, 0 removed)\n",
    );
  }, 30_000);
});

describe("slugs", () => {
  it("given a stored slug longer than Discord's 100 (from before the limit), then /story list shows it cut with …", () => {
    const slug = `a-${"very-long-".repeat(20)}slug`;
    const reply = renderStoryList(
      [{ id: 1, slug, title: { en: "Long", zh: null }, summary: { en: null, zh: null }, language: "en", eventCount: 1 }],
      null,
      "en",
    );
    const shown = /`([^`]*)`/.exec(textOf(reply as { embeds?: unknown[] }))?.[1] ?? "";
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBe(100);
    expect(slug.startsWith(shown.slice(0, -1))).toBe(true);
  });
});
