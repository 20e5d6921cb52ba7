import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** Runs `npm run sandbox` on a fresh database with `lines` piped in. */
async function sandbox(args: string[], lines: string[]): Promise<string> {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const stories = join(tmp.dir, "stories");
  mkdirSync(stories);
  copyFileSync(join(ROOT, "stories", "openai-board-crisis-2023.yaml"), join(stories, "openai-board-crisis-2023.yaml"));
  const p = runScript("src/sandbox/cli.ts", ["--db", join(tmp.dir, "sandbox.db"), "--feeds-port", "0", ...args], { STORIES_DIR: stories }, tmp.dir);
  cleanups.push(() => void p.child.kill("SIGKILL"));
  p.child.stdin?.end(`${lines.join("\n")}\n`);
  expect(await p.exited).toBe(0);
  return p.stdout();
}

const STEPS = [
  "/follow who:ilya",
  "/editor add",
  'modal title="Sutskever leaves the board" when="2023-11-29" people="ilya" source="Wire | https://example.com/a"',
  "wait 7",
  "exit",
];

describe("the sandbox's follow DMs", () => {
  it("given /follow who:ilya and /editor add naming him, then prints the DM once after the short bundle window", async () => {
    const out = await sandbox([], STEPS);
    expect(out).toContain("You now follow **Ilya Sutskever**");
    const dms = out.split("[DM to Sandbox User]");
    expect(dms).toHaveLength(2);
    expect(dms[1]).toContain("New on what you follow");
    expect(dms[1]).toContain("**Sutskever leaves the board**");
    expect(dms[1]).toContain("You follow **Ilya Sutskever**");
  }, 60_000);

  it("given --locale zh-CN, then the DM is in Chinese", async () => {
    const out = await sandbox(["--locale", "zh-CN"], STEPS);
    expect(out).toContain("[DM to Sandbox User] ■ 你关注的内容有新事件");
    expect(out).toContain("你关注了 **伊利亚·苏茨克维**");
  }, 60_000);
});
