import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import type { StoryInput } from "../db/types.ts";
import { importFiles } from "../src/story/import.ts";
import { parseStoryText } from "../src/story/parse.ts";
import { huge, startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const FIXTURES = join(ROOT, "test", "fixtures", "draft");
const SEED_NAME = "000_3c9c0935a83521ab.txt";

/**
 * The seed article lives in shared/ beside the repository (CI clones the repo with shared/
 * next to it; a developer's worktree may sit one level deeper). It is someone else's text,
 * so it is never copied into the repository.
 */
function seedArticle(): string {
  const places = [join(ROOT, "..", "shared", "seed", SEED_NAME), join(ROOT, "..", "..", "shared", "seed", SEED_NAME)];
  const found = places.find((p) => existsSync(p));
  if (!found) throw new Error(`the seed article is not beside the repository (looked in ${places.join(" and ")})`);
  return found;
}

const tmp = tempDir("storyline-draft-");
let n = 0;

async function draft(args: string[], env: Record<string, string> = {}) {
  const p = runScript("src/draft/cli.ts", args, env, ROOT);
  const code = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

/** Drafts `input` into a fresh file; returns the run, the YAML and the story as the importer reads it. */
async function drafted(input: string, extra: string[] = [], env: Record<string, string> = {}) {
  const out = join(tmp.dir, `draft-${++n}.yaml`);
  const run = await draft([input, "--out", out, ...extra], env);
  expect(run.err).toBe("");
  expect(run.code).toBe(0);
  const yaml = readFileSync(out, "utf8");
  const parsed = parseStoryText(yaml, out);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return { ...run, path: out, yaml, story: parsed.story };
}

/** Imports files into a fresh database, as `npm run import` does. */
function importsCleanly(...paths: string[]) {
  const db = openDatabase(join(tmp.dir, `import-${++n}.db`));
  try {
    const outcome = importFiles(db, paths);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusals));
    return outcome.results;
  } finally {
    db.close();
  }
}

const day = (at: number) => new Date(at).toISOString().slice(0, 10);
const eventsOn = (s: StoryInput, d: string) => s.events.filter((e) => day(e.at) === d);
const entityOf = (s: StoryInput, key: string) => s.entities.find((e) => e.key === key);
const speakerNames = (s: StoryInput) => s.events.flatMap((e) => e.quotes.map((q) => entityOf(s, q.byKey)?.name));

afterAll(() => tmp.cleanup());

describe("npm run draft on the seed article", () => {
  it("writes a draft that imports and holds at least 70% of the bundled story's facts", async () => {
    const r = await drafted(seedArticle(), ["--date", "2023-11-21", "--facts", join(FIXTURES, "seed-facts.yaml")]);
    const m = /recovers (\d+) of (\d+) facts \((\d+)%\)/.exec(r.out);
    expect(m, r.out).not.toBeNull();
    expect(Number(m![2])).toBeGreaterThanOrEqual(40);
    expect(Number(m![1]) / Number(m![2])).toBeGreaterThanOrEqual(0.7);
    expect(r.out).toMatch(/Facts the story takes from elsewhere: the draft recovers 0 of \d+ facts/);
    const [counts] = importsCleanly(r.path);
    expect(counts!.events).toBe(r.story.events.length);

    // What the operator is told: counts, and the paragraphs it could not date.
    expect(r.out).toMatch(/events: \d+ \(\d+ dated by their own text/);
    expect(r.out).toContain("could not date: 2 paragraphs:");
    expect(r.out).toContain("早在 2019 年");
    // The staff letter, dated from "20日", with Wired as its source and the article itself.
    const letter = eventsOn(r.story, "2023-11-20").find((e) => e.title.zh?.includes("770"));
    expect(letter?.sources.map((s) => s.name)).toEqual(["连线杂志", "智药局《亚马逊、谷歌加入OpenAI争夺战》"]);
    expect(r.yaml).toContain('at: "2023-11-20" # from "20日"');
    // Texts only in the article's language, each marked for review.
    expect(r.story.events.every((e) => e.title.en === null && e.summary.en === null)).toBe(true);
    expect(r.yaml.match(/# drafted from the article, for review; en: for the editor/g)!.length).toBeGreaterThan(r.story.events.length * 2);
  });

  it("extends the bundled story with --story: all its entities with their ids, quotes linked to them", async () => {
    const r = await drafted(seedArticle(), ["--date", "2023-11-21", "--story", "openai-board-crisis-2023"], { STORIES_DIR: join(ROOT, "stories") });
    expect(r.story.slug).toBe("openai-board-crisis-2023-draft-2023-11-21");
    const bundled = parseStoryText(readFileSync(join(ROOT, "stories", "openai-board-crisis-2023.yaml"), "utf8"), "bundled.yaml");
    if (!bundled.ok) throw new Error("the bundled story does not parse");
    for (const e of bundled.story.entities) expect(entityOf(r.story, e.key)?.name).toEqual(e.name);
    const quotes = r.story.events.flatMap((e) => e.quotes.map((q) => q.byKey));
    expect(quotes).toEqual(expect.arrayContaining(["ilya-sutskever", "elon-musk", "openai-employees", "microsoft"]));
    expect(r.out).toMatch(/people and organisations: \d+ \(33 from openai-board-crisis-2023, \d+ new\)/);
    // Imported beside the story it extends, it leaves that story alone.
    const results = importsCleanly(join(ROOT, "stories", "openai-board-crisis-2023.yaml"), r.path);
    expect(results.map((c) => [c.slug, c.events])).toEqual([
      ["openai-board-crisis-2023", bundled.story.events.length],
      ["openai-board-crisis-2023-draft-2023-11-21", r.story.events.length],
    ]);
  });
});

describe("npm run draft on articles of our own", () => {
  it("drafts a short English article: dates resolved against its dateline, speakers, reports cited", async () => {
    const r = await drafted(join(FIXTURES, "harbor-bridge.txt"));
    importsCleanly(r.path);
    expect(r.out).toContain("(English, dated 2024-03-06 from dateline)");
    const titled = (word: string) => r.story.events.find((e) => e.title.en?.includes(word));
    expect(day(titled("shut the Eastgate Bridge")!.at)).toBe("2024-03-05"); // late Tuesday night
    expect(day(titled("Tom Okafor")!.at)).toBe("2024-03-04"); // On Monday
    expect(day(titled("Mayor Maria Chen")!.at)).toBe("2024-03-06"); // on Wednesday, the article's day
    expect(r.yaml).toContain('# from "last week"; approximate: some day in the week of 2024-02-26 to 2024-03-03');
    expect(speakerNames(r.story)).toEqual([
      { en: "Maria Chen", zh: null },
      { en: "Tom Okafor", zh: null }, // "…," he said.
    ]);
    const cited = new Set(r.story.events.flatMap((e) => e.sources.map((s) => s.name)));
    for (const s of ["The Harbor Ledger", "Bloomberg TV", "Reuters", "people familiar with the matter"]) expect(cited).toContain(s);
    expect(r.out).toContain("could not date: 1 paragraph:\n    The bridge opened in 1968.");
    expect(r.story.events.every((e) => e.title.zh === null)).toBe(true);
  });

  it("drafts a short Chinese article: 上周五, 11月20日, 周一, 周末 and 20日, and who said what", async () => {
    const r = await drafted(join(FIXTURES, "board-zh.txt"));
    importsCleanly(r.path);
    expect(r.out).toContain("(Chinese, dated 2023-11-21 from dateline)");
    const titled = (word: string) => r.story.events.find((e) => e.title.zh?.includes(word));
    expect(day(titled("解除萨姆·奥尔特曼")!.at)).toBe("2023-11-17");
    expect(day(titled("数百名OpenAI员工")!.at)).toBe("2023-11-20");
    expect(day(titled("纳德拉接受彭博电视采访")!.at)).toBe("2023-11-20");
    expect(day(titled("一百多家企业客户")!.at)).toBe("2023-11-18");
    expect(day(titled("齐声喊出")!.at)).toBe("2023-11-20");
    expect(speakerNames(r.story).map((n) => n?.zh)).toEqual(["伊利亚·苏茨克维", "马斯克"]);
    expect(r.yaml).toContain("# quote, speaker not named: “没有员工，公司什么都不是，我们会一起留下或一起离开”");
    const names = r.story.entities.map((e) => e.name.zh ?? e.name.en);
    expect(names).toEqual(expect.arrayContaining(["萨姆·奥尔特曼", "伊利亚·苏茨克维", "马斯克", "纳德拉", "纽约时报", "彭博电视", "The Information"]));
    expect(r.out).toContain("could not date: 1 paragraph:\n    早在2019年");
  });
});

describe("npm run draft on a web page", () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route("/article.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(readFileSync(join(FIXTURES, "harbor-bridge.html")));
    });
    server.route("/moved", (_req, res) => void res.writeHead(301, { location: "/article.html" }).end());
  });
  afterAll(() => server.stop());

  it("fetches it, keeps only the article's text, and takes the date and publisher from its metadata", async () => {
    const r = await drafted(server.url("/moved"));
    importsCleanly(r.path);
    expect(r.out).toContain("(English, dated 2024-03-06 from metadata)");
    const article = r.story.events.find((e) => e.title.en === "Harbor City closes its old bridge after inspectors find cracks");
    expect(article?.sources).toEqual([
      { name: 'Harbor Ledger, "Harbor City closes its old bridge after inspectors find cracks"', url: server.url("/article.html") },
    ]);
    for (const furniture of ["Most read", "Subscribe", "newsletter", "All rights reserved", "Council ends free parking"])
      expect(r.yaml).not.toContain(furniture);
    expect(day(r.story.events.find((e) => e.title.en?.includes("Tom Okafor"))!.at)).toBe("2024-03-04");
  });

  it("refuses a page larger than the fetcher's 5 MB and a page that is not there, writing nothing", async () => {
    server.route("/huge.html", huge(6 * 1024 * 1024));
    for (const [path, why] of [
      ["/huge.html", /could not fetch .*huge\.html: the page is larger than 5\.0 MB/],
      ["/gone.html", /could not fetch .*gone\.html: the server answered with an error \(404\)/],
    ] as const) {
      const out = join(tmp.dir, `refused-${++n}.yaml`);
      const r = await draft([server.url(path), "--out", out, "--date", "2024-03-06"]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(why);
      expect(existsSync(out)).toBe(false);
    }
  });
});
