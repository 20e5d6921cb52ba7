import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { TEST_TOKEN, textOf } from "./helpers/bot.ts";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("npm start", () => {
  it("without a token, exits 1 at once with one clear message and no stack trace", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const p = runScript("src/index.ts", [], {}, tmp.dir);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain("DISCORD_TOKEN is not set");
    expect(p.stderr()).toContain("npm run sandbox");
    expect(p.stderr()).not.toMatch(/\n\s+at /);
  });

  it("given a database path that is not a database, exits 1 with a clear message", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const bad = tmp.file("bad.db", "not a database at all ".repeat(50));
    const p = runScript("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DATABASE_PATH: bad }, tmp.dir);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain("not a SQLite database");
    expect(p.stderr()).not.toMatch(/\n\s+at /);
    expect(p.stderr()).not.toContain(TEST_TOKEN);
  });

  it("on SIGTERM, exits 0 with the database closed", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, "live.db");
    const p = runScript(
      "src/index.ts",
      [],
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: fake.apiBase, DATABASE_PATH: dbPath, STORIES_DIR: join(ROOT, "stories"), LOG_LEVEL: "info" },
      tmp.dir,
    );
    cleanups.push(() => void p.child.kill("SIGKILL"));
    await p.waitFor(/"msg":"ready"/);
    const answered = await (await fake.command({ name: "help" })).settled();
    expect(textOf(answered.reply)).toContain("/who");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    // SQLite removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(existsSync(dbPath)).toBe(true);
    expect(p.stderr()).toContain('"msg":"stopped"');
    expect(p.stderr() + p.stdout()).not.toContain(TEST_TOKEN);
  });
});

describe("npm run deploy-commands", () => {
  it("registers every command in one bulk overwrite in the given guild", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const guild = fake.defaultGuild().id;
    const p = runScript("src/bot/deploy-cli.ts", ["--guild", guild], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: fake.apiBase }, tmp.dir);
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toMatch(new RegExp(`Registered \\d+ commands in server ${guild}`));
    expect(fake.registrations).toHaveLength(1);
    expect(fake.registrations[0]?.scope).toBe(guild);
    expect(fake.requests.filter((r) => r.method === "PUT")).toHaveLength(1);
  });

  it("without a token, refuses with a clear message", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const p = runScript("src/bot/deploy-cli.ts", [], {}, tmp.dir);
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toContain("DISCORD_TOKEN");
  });
});

describe("npm run sandbox", () => {
  it("from a pipe, runs each line against the real bot and exits 0 without a token or network", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const p = runScript("src/sandbox/cli.ts", ["--db", join(tmp.dir, "s.db")], { STORIES_DIR: join(ROOT, "stories") }, tmp.dir);
    p.child.stdin?.end("/help\nnonsense\n");
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toContain("> /help");
    expect(p.stdout()).toContain("/who");
    expect(p.stdout()).toContain('Unknown input "nonsense"');
  });

  it("answers in Chinese with --locale zh-CN", async () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const p = runScript("src/sandbox/cli.ts", ["--db", join(tmp.dir, "s.db"), "--locale", "zh-CN"], { STORIES_DIR: join(ROOT, "stories") }, tmp.dir);
    p.child.stdin?.end("/help\n");
    expect(await p.exited).toBe(0);
    expect(p.stdout()).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
