import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDatabase, DatabaseOpenError, openDatabase } from "../db/index.ts";
import { setGuildStory } from "../db/guilds.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { importFiles } from "../src/story/import.ts";
import { startTestBot, TEST_TOKEN } from "./helpers/bot.ts";
import { dbHealth, HEALTHY, kill9, query, registerCommands, runNode, startBotProcess, unprivileged } from "./helpers/drills.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLUG = "mini-story";
const hash = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** A folder the unprivileged bot can read, with a story file and a database holding it. */
function world() {
  const tmp = tempDir("storyline-db-drill-");
  cleanups.push(tmp.cleanup);
  chmodSync(tmp.dir, 0o755);
  mkdirSync(join(tmp.dir, "stories"));
  tmp.file(`stories/${SLUG}.yaml`, miniStory(SLUG));
  const folder = join(tmp.dir, "data");
  mkdirSync(folder);
  const dbPath = join(folder, "bot.db");
  const db = openDatabase(dbPath);
  expect(importFiles(db, [join(tmp.dir, "stories", `${SLUG}.yaml`)]).ok).toBe(true);
  db.close();
  const env = { DATABASE_PATH: dbPath, STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: SLUG };
  return { tmp, folder, dbPath, env };
}

/** Starts a fake Discord with the commands registered. */
async function fakeDiscord(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start();
  cleanups.push(() => fake.stop());
  await registerCommands(fake);
  return fake;
}

/** Output a user or operator may see: one clear line, no stack trace, no token. */
function expectClear(output: string, pattern: RegExp): void {
  expect(output).toMatch(pattern);
  expect(output).not.toMatch(/\n\s+at /);
  expect(output).not.toContain(TEST_TOKEN);
}

describe("drill: the database is read-only", () => {
  it("given the file and its folder read-only, then start-up exits 1 with a clear message and the file is unchanged", async () => {
    const w = world();
    const before = hash(w.dbPath);
    chmodSync(w.dbPath, 0o444);
    chmodSync(w.folder, 0o555);
    cleanups.push(() => chmodSync(w.folder, 0o755));
    const p = runNode("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", ...w.env }, w.tmp.dir, unprivileged());
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expectClear(p.stderr(), /Storyline cannot start: .*bot\.db.*read-?only/i);
    chmodSync(w.folder, 0o755);
    expect(hash(w.dbPath)).toBe(before);
    expect(dbHealth(w.dbPath)).toEqual(HEALTHY);
  }, 30_000);

  it("given only the file read-only, then start-up exits 1 naming the database read-only, blaming no story file", async () => {
    const w = world();
    const before = hash(w.dbPath);
    chmodSync(w.dbPath, 0o444);
    // The unprivileged bot may create the log files next to it, not change the database.
    if (unprivileged().uid !== undefined) chmodSync(w.folder, 0o777);
    const p = runNode("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", ...w.env }, w.tmp.dir, unprivileged());
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toBe(`Storyline cannot start: database ${w.dbPath} is read-only (check the permissions of the file and its folder)\n`);
    expect(hash(w.dbPath)).toBe(before);
  }, 30_000);

  it("given a running bot whose database is read-only, then it still answers, and a command that writes gets a clear ephemeral refusal", async () => {
    const w = world();
    const before = hash(w.dbPath);
    const db = openDatabase(w.dbPath, { readonly: true });
    const t = await startTestBot({ db, config: { DEFAULT_STORY: SLUG } });
    cleanups.push(async () => {
      await t.stop();
      db.close();
    });
    const read = await (await t.fake.command({ name: "latest" })).settled();
    expect(read.reply?.embeds.length).toBeGreaterThan(0);
    const write = await (await t.fake.command({ name: "story", subcommand: "use", options: { slug: SLUG }, admin: true })).settled();
    expect(write.ephemeral).toBe(true);
    expectClear(write.reply?.content ?? "", /can't save|cannot save|read-only|busy/i);
    expect(t.logs.join("")).not.toContain('"msg":"interaction failed"');
    expect(hash(w.dbPath)).toBe(before);
  }, 30_000);
});

describe("drill: the database is locked by another writer past the busy timeout", () => {
  it("given a new database held in an exclusive transaction, then start-up exits 1 once, saying it is locked", async () => {
    const tmp = tempDir("storyline-db-drill-");
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, "locked.db");
    const holder = new Database(dbPath);
    holder.exec("CREATE TABLE x (y); BEGIN EXCLUSIVE; INSERT INTO x VALUES (1);");
    cleanups.push(() => void holder.close());
    const p = runNode(
      "src/index.ts",
      [],
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", DATABASE_PATH: dbPath, STORIES_DIR: tmp.dir },
      tmp.dir,
    );
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expectClear(p.stderr(), /Storyline cannot start: .*locked by another process/);
    expect(p.stderr().match(/cannot start/g)).toHaveLength(1);
    holder.exec("ROLLBACK");
  }, 30_000);

  it("given a database that holds the story and another process holding its write lock, then start-up exits 1 saying so, blaming no story file", async () => {
    const w = world();
    const holder = new Database(w.dbPath);
    holder.exec("BEGIN IMMEDIATE");
    cleanups.push(() => void holder.close());
    const p = runNode("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", ...w.env }, w.tmp.dir);
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toBe(`Storyline cannot start: database ${w.dbPath} is locked by another process\n`);
    holder.exec("ROLLBACK");
  }, 30_000);

  it("given a running bot and a writer holding the lock, then a write is refused clearly within 3 s, reads go on, and writes work once the lock is gone", async () => {
    const w = world();
    const fake = await fakeDiscord();
    const bot = await startBotProcess(fake, w.env, w.tmp.dir);
    cleanups.push(() => kill9(bot));
    const holder = new Database(w.dbPath);
    cleanups.push(() => void holder.close());
    holder.exec("BEGIN EXCLUSIVE");
    const use = { name: "story", subcommand: "use", options: { slug: SLUG }, admin: true } as const;

    const handle = await fake.command(use);
    await handle.acknowledged(3000);
    const refused = await handle.settled();
    expect(refused.ephemeral).toBe(true);
    expectClear(refused.reply?.content ?? "", /busy|try again/i);
    const read = await (await fake.command({ name: "latest" })).settled();
    expect(read.reply?.embeds.length).toBeGreaterThan(0);

    holder.exec("ROLLBACK");
    const done = await (await fake.command(use)).settled();
    expect(done.reply?.content ?? "").not.toMatch(/busy|try again/i);
    expect(query<{ n: number }>(w.dbPath, "SELECT count(*) AS n FROM guild_settings")[0]?.n).toBe(1);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).not.toContain('"msg":"interaction failed"');
  }, 40_000);
});

describe("drill: the database is damaged", () => {
  it("given a database whose pages were overwritten, then start-up exits 1 with a clear message", async () => {
    const w = world();
    const damaged = join(w.folder, "damaged.db");
    copyFileSync(w.dbPath, damaged);
    const size = statSync(damaged).size;
    const fd = openSync(damaged, "r+");
    writeSync(fd, Buffer.alloc(size - 4096 * 3, 0x5a), 0, size - 4096 * 3, 4096 * 2);
    closeSync(fd);
    const p = runNode(
      "src/index.ts",
      [],
      { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", ...w.env, DATABASE_PATH: damaged },
      w.tmp.dir,
    );
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expectClear(p.stderr(), /Storyline cannot start: .*(malformed|not a SQLite database|is corrupt)/);
  }, 30_000);

  it("given a migrated database with one damaged page (the events), then start-up exits 1 naming it corrupt, blaming no story file", async () => {
    const w = world();
    damagePage(w.dbPath, "events");
    const p = runNode("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: "http://127.0.0.1:9/api", ...w.env }, w.tmp.dir);
    cleanups.push(() => kill9(p));
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(new RegExp(`^Storyline cannot start: database ${w.dbPath} is corrupt \\(quick_check: [^\\n]+\\); restore it from a backup\\n$`));
  }, 30_000);

  it("given the same damage, then the sandbox does not start either, in one line", async () => {
    const w = world();
    damagePage(w.dbPath, "events");
    const p = runNode("src/sandbox/cli.ts", ["--db", w.dbPath], { STORIES_DIR: w.env.STORIES_DIR, DEFAULT_STORY: SLUG }, w.tmp.dir);
    cleanups.push(() => kill9(p));
    p.child.stdin?.end("/latest\n");
    expect(await p.exited).toBe(1);
    expect(p.stderr()).toMatch(/^sandbox could not start: database .*bot\.db is corrupt \(quick_check: [^\n]+\); restore it from a backup\n$/);
    expect(p.stdout()).toBe("");
  }, 30_000);

  it("given a database too big for a full check at start, then the settings tables are still checked", () => {
    const w = world();
    const db = openDatabase(w.dbPath);
    setGuildStory(db, { guildId: "123456789012345678", storySlug: SLUG, setBy: null });
    db.close();
    damagePage(w.dbPath, "guild_settings");
    const damaged = new Database(w.dbPath);
    cleanups.push(() => void damaged.close());
    expect(() => checkDatabase(damaged, { fullCheckMaxBytes: 0 })).toThrow(DatabaseOpenError);
    expect(() => checkDatabase(damaged, { fullCheckMaxBytes: 0 })).toThrow(/^database .*bot\.db is corrupt \(.+\); restore it from a backup$/);
  });

  it("given a whole, writable database, then the check passes and changes nothing", () => {
    const w = world();
    const before = hash(w.dbPath);
    const db = new Database(w.dbPath);
    checkDatabase(db);
    db.close();
    expect(hash(w.dbPath)).toBe(before);
  });
});

/** Overwrites the first page of `table` in a (checkpointed, closed) database file with junk. */
function damagePage(path: string, table: string): void {
  const db = new Database(path);
  db.pragma("wal_checkpoint(TRUNCATE)");
  const { pageno } = db.prepare("SELECT pageno FROM dbstat WHERE name = ? ORDER BY pageno LIMIT 1").get(table) as { pageno: number };
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  db.close();
  const fd = openSync(path, "r+");
  writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (pageno - 1) * pageSize);
  closeSync(fd);
}
