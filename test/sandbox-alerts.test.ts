import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe("alerts in the sandbox", () => {
  it("given /alerts channel:#news role:@readers and an /editor add of an importance-5 event, then the alert shows in #news mentioning @readers", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const stories = join(tmp.dir, "stories");
    mkdirSync(stories);
    copyFileSync(join(ROOT, "stories", "openai-board-crisis-2023.yaml"), join(stories, "openai-board-crisis-2023.yaml"));
    const p = runScript("src/sandbox/cli.ts", ["--db", join(tmp.dir, "sandbox.db"), "--as-admin", "--feeds-port", "0"], { STORIES_DIR: stories }, tmp.dir);
    cleanups.push(() => void p.child.kill("SIGKILL"));
    const lines = [
      "/alerts channel:#news role:@readers",
      "/editor add",
      'modal title="The board names a new chief" when=2024-05-01 importance=5 source="Wire | https://example.org/chief"',
      "wait 7",
      "/alerts",
    ];
    p.child.stdin?.end(`${lines.join("\n")}\n`);
    expect(await p.exited).toBe(0);
    const out = p.stdout();
    expect(out).toContain("Each alert mentions @readers, and only that role.");
    expect(out).toContain("[#news] @readers 🔔 The board names a new chief");
    expect(out).toMatch(/· ref [0-9a-z]{1,12}/);
    expect(out).toContain("→ #news, importance 4 or more · mentions @readers");
  }, 60_000);
});
