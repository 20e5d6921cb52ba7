import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const tmp = tempDir("storyline-draft-refusals-");
afterAll(() => tmp.cleanup());
let n = 0;

async function draft(args: string[], env: Record<string, string> = {}) {
  const p = runScript("src/draft/cli.ts", args, env, ROOT);
  const code = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4f10000000049454e44ae426082",
  "hex",
);
const FRENCH =
  "La mairie a fermé le vieux pont mardi soir après que des inspecteurs ont trouvé des fissures dans deux de ses piliers. " +
  "Selon le journal local, les habitants se plaignaient depuis des semaines de bruits inquiétants venant de la structure.";
/** Each bad input the issue names: the file's content, and the answer it must get (more kinds in draft-units.test.ts). */
const CASES: [name: string, make: (path: string) => void, answer: RegExp][] = [
  ["an empty file", (p) => writeFileSync(p, ""), /draft: .*empty\.txt is empty\. Nothing was written\./],
  ["an image", (p) => writeFileSync(p, PNG), /is not text: it holds binary data/],
  ["a 20 MB file", (p) => writeFileSync(p, Buffer.alloc(20 * 1024 * 1024, "a")), /is too large \(20\.0 MB; an article may be at most 5\.0 MB\)/],
  ["a French article", (p) => writeFileSync(p, FRENCH), /looks like a language other than English or Chinese/],
];

describe("npm run draft on bad input", () => {
  it.each(CASES)("answers %s with one clear line, exit code 1 and no file written", async (name, make, answer) => {
    const input = join(tmp.dir, name === "an empty file" ? "empty.txt" : `input-${++n}.txt`);
    make(input);
    const out = join(tmp.dir, `out-${++n}.yaml`);
    const r = await draft([input, "--out", out, "--date", "2024-03-06"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(answer);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a missing file, a non-http address, a bad --date and an unknown --story", async () => {
    const article = join(ROOT, "test", "fixtures", "draft", "harbor-bridge.txt");
    const out = join(tmp.dir, "never.yaml");
    const cases: [string[], RegExp][] = [
      [[join(tmp.dir, "nowhere.txt")], /no such file: .*nowhere\.txt/],
      [["ftp://example.org/article.html"], /cannot fetch ftp:\/\/example\.org\/article\.html: only http\(s\) addresses can be fetched/],
      [[article, "--date", "2024-02-30"], /--date 2024-02-30: expected a date as YYYY-MM-DD/],
      [[article, "--story", "no-such-story"], /--story no-such-story: no such story in .*stories \(stories there: openai-board-crisis-2023\)/],
    ];
    for (const [args, answer] of cases) {
      const r = await draft([...args, "--out", out], { STORIES_DIR: join(ROOT, "stories") });
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.err).toMatch(answer);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(out)).toBe(false);
    }
  });

  it("asks for the date when the article gives none", async () => {
    const input = join(tmp.dir, "undated.txt");
    writeFileSync(input, readFileSync(join(ROOT, "test", "fixtures", "draft", "harbor-bridge.txt"), "utf8").replace("March 6, 2024\n", ""));
    const r = await draft([input, "--out", join(tmp.dir, "undated.yaml")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("the article's date could not be found: give it with --date YYYY-MM-DD");
  });

  it("never replaces an existing file unless told to with --force", async () => {
    const article = join(ROOT, "test", "fixtures", "draft", "harbor-bridge.txt");
    const out = join(tmp.dir, "kept.yaml");
    writeFileSync(out, "# the editor's work\n");
    const refused = await draft([article, "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("kept.yaml already exists: give --out another path, or --force to replace it");
    expect(readFileSync(out, "utf8")).toBe("# the editor's work\n");
    const forced = await draft([article, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("slug: harbor-city-closes-its-old-bridge");
  });

  it("explains its usage when run without an article", async () => {
    const r = await draft([]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("usage: npm run draft -- <article.txt|article.html|url>");
  });
});
