/**
 * `npm run backup -- <file>`: a consistent copy of the live database, taken while the bot runs
 * and another writer imports story after story; it passes SQLite's integrity check, holds the
 * rows of exactly one moment, and the bot starts from it (the README's restore). Bad requests
 * are refused with one clear line and write nothing.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { importFiles } from "../src/story/import.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { bigStory, dbHealth, HEALTHY, kill9, query, registerCommands, sleep, startBotProcess } from "./helpers/drills.ts";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const STORIES = join(ROOT, "stories");

function dir() {
  const tmp = tempDir("storyline-backup-");
  cleanups.push(tmp.cleanup);
  return tmp;
}

describe("npm run backup", () => {
  it("given a running bot and a writer importing meanwhile, then the copy passes integrity_check, holds one moment's rows, and the bot starts from it", async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const tmp = dir();
    const live = join(tmp.dir, "live.db");
    const env = { DATABASE_PATH: live, STORIES_DIR: STORIES };
    const bot = await startBotProcess(fake, env, tmp.dir);
    cleanups.push(() => kill9(bot));

    // Another writer replaces a 1,000-event story again and again, one transaction each time.
    const writer = openDatabase(live);
    cleanups.push(() => writer.close());
    const versions = { a: bigStory("big", "a", 1000), b: bigStory("big", "b", 1000) };
    const files = { a: tmp.file("big-a.json", versions.a.text), b: tmp.file("big-b.json", versions.b.text) };
    expect(importFiles(writer, [files.a]).ok).toBe(true);
    let writing = true;
    let imports = 0;
    const writes = (async () => {
      while (writing) {
        expect(importFiles(writer, [imports % 2 ? files.a : files.b]).ok).toBe(true);
        imports++;
        await sleep(1);
      }
    })();

    await sleep(300);
    const copy = join(tmp.dir, "copy.db");
    const backup = runScript("src/ops/backup-cli.ts", [copy], env, tmp.dir);
    expect(await backup.exited).toBe(0);
    writing = false;
    await writes;
    expect(imports).toBeGreaterThan(1);
    expect(backup.stdout()).toMatch(/^Backed up .*live\.db to .*copy\.db: [\d.]+ MB, schema version \d+, integrity ok \([\d.]+ s\)\n$/);

    expect(dbHealth(copy)).toEqual(HEALTHY);
    const titles = query<{ version: string; n: number }>(
      copy,
      "SELECT substr(title_en, -1) AS version, count(*) AS n FROM events WHERE story_id = (SELECT id FROM stories WHERE slug = 'big') GROUP BY version",
    );
    expect(titles).toHaveLength(1); // all of one import, none of the next
    expect(titles[0]!.n).toBe(1000);
    expect(
      query<{ n: number }>(copy, "SELECT count(*) AS n FROM events WHERE story_id = (SELECT id FROM stories WHERE slug = 'openai-board-crisis-2023')")[0]!.n,
    ).toBeGreaterThan(20);
    expect(query<{ journal_mode: string }>(copy, "PRAGMA journal_mode")[0]!.journal_mode).toBe("delete");
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith("copy.db"))).toEqual(["copy.db"]);

    // Restore: the bot starts from the copy and answers from it.
    await kill9(bot);
    const restored = await startBotProcess(fake, { DATABASE_PATH: copy, STORIES_DIR: join(tmp.dir, "no-stories") }, tmp.dir);
    cleanups.push(() => kill9(restored));
    await registerCommands(fake);
    const out = await (await fake.command({ name: "story", subcommand: "list" })).settled();
    expect(textOf(out.reply)).toContain("Big story");
  }, 30_000);

  it("refuses to overwrite a file, and names a missing database, a file that is not one, and a missing argument", async () => {
    const tmp = dir();
    const db = openDatabase(join(tmp.dir, "live.db"));
    db.close();
    const existing = tmp.file("old-backup.db", "precious");
    const run = async (args: string[]) => {
      const p = runScript("src/ops/backup-cli.ts", args, { DATABASE_PATH: join(tmp.dir, "live.db") }, tmp.dir);
      return { code: await p.exited, err: p.stderr() };
    };
    const [over, missing, notDb, noFolder, noArgs] = await Promise.all([
      run([existing]),
      run([join(tmp.dir, "a.db"), "--db", join(tmp.dir, "missing.db")]),
      run([join(tmp.dir, "b.db"), "--db", existing]),
      run([join(tmp.dir, "nowhere", "c.db")]),
      run([]),
    ]);
    expect(over).toMatchObject({ code: 1, err: expect.stringContaining("already exists; choose a new file name") });
    expect(readFileSync(existing, "utf8")).toBe("precious");
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining("there is no database at") });
    expect(notDb).toMatchObject({ code: 1, err: expect.stringContaining("the file is not a SQLite database") });
    expect(noFolder).toMatchObject({ code: 1, err: expect.stringContaining("does not exist") });
    expect(noArgs).toMatchObject({ code: 1, err: expect.stringContaining("usage: npm run backup -- <new file>") });
    for (const r of [over, missing, notDb, noFolder, noArgs]) expect(r.err).not.toMatch(/\n\s+at /);
    expect(readdirSync(tmp.dir).sort()).toEqual(["live.db", "old-backup.db"]);
    expect(existsSync(join(tmp.dir, "a.db"))).toBe(false);
  });
});
