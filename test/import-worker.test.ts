import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../db/index.ts";
import { bigStory } from "./helpers/drills.ts";
import { tempDir } from "./helpers/tmp.ts";
import { ImportStoppedError, runImport, syncInWorker } from "../src/story/import-worker.ts";

const ACTOR = { userId: "1500000000000000001", userName: "ada" };
const count = (db: Db, sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
const storyEvents = (db: Db, slug: string) => count(db, "SELECT count(*) AS n FROM events e JOIN stories s ON s.id = e.story_id WHERE s.slug = ?", slug);

describe("story imports in a worker thread", () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let dir: string;
  beforeEach(() => {
    tmp = tempDir("storyline-worker-");
    dir = join(tmp.dir, "stories");
    mkdirSync(dir);
    db = openDatabase(join(tmp.dir, "bot.db"), { busyTimeoutMs: 2000 });
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it("syncs a story folder on the bot's database file while the main thread keeps running and reads the old snapshot", async () => {
    writeFileSync(join(dir, "big.json"), bigStory("big", "a", 3000).text);
    const seen: number[] = [];
    const timer = setInterval(() => seen.push(storyEvents(db, "big")), 5);
    const sync = await syncInWorker(db, dir);
    clearInterval(timer);
    expect(sync.refusals).toEqual([]);
    expect(sync.results).toMatchObject([{ slug: "big", events: 3000, created: 3000 }]);
    // The timer kept firing during the import, and saw nothing of it until it committed.
    expect(seen.filter((n) => n === 0).length).toBeGreaterThan(2);
    expect(storyEvents(db, "big")).toBe(3000);
  });

  it("refuses a broken file in the folder and writes nothing of it, keeping the good one", async () => {
    writeFileSync(join(dir, "good.json"), bigStory("good", "a", 50).text);
    writeFileSync(join(dir, "bad.yaml"), "story:\n  slug: Bad Slug\nevents: []\n");
    const sync = await syncInWorker(db, dir);
    expect(sync.results.map((r) => r.slug)).toEqual(["good"]);
    expect(sync.refusals).toMatchObject([{ path: join(dir, "bad.yaml") }]);
    expect(sync.refusals[0]!.problems.join("\n")).toMatch(/slug/);
    expect(count(db, "SELECT count(*) AS n FROM stories WHERE slug NOT IN ('good')")).toBe(0);
  });

  it("rolls back an upload refused midway, after thousands of its events were written in the worker", async () => {
    const a = bigStory("upload", "a", 2000);
    const first = await runImport(db, { kind: "upload", name: "a.json", bytes: Buffer.from(a.text), now: 1, actor: ACTOR });
    expect(first).toMatchObject({ parsed: true, outcome: { ok: true } });
    // An editor's event under a key the next version of the file also uses: the file must not overwrite it.
    db.prepare("UPDATE events SET origin = 'editor' WHERE key = 'e1900'").run();
    const before = db.prepare("SELECT key, title_en FROM events ORDER BY key").all();
    const audits = count(db, "SELECT count(*) AS n FROM audit_log");
    const b = bigStory("upload", "b", 2000);
    const second = await runImport(db, { kind: "upload", name: "b.json", bytes: Buffer.from(b.text), now: 2, actor: ACTOR });
    expect(second).toMatchObject({ parsed: true, outcome: { ok: false, refusals: [{ path: "b.json" }] } });
    expect(JSON.stringify(second)).toContain("e1900");
    expect(db.prepare("SELECT key, title_en FROM events ORDER BY key").all()).toEqual(before);
    expect(count(db, "SELECT count(*) AS n FROM audit_log")).toBe(audits);
  });

  it("answers an upload that is no story with its problems, writing nothing", async () => {
    const r = await runImport(db, { kind: "upload", name: "x.yaml", bytes: Buffer.from("story: [\n"), now: 1, actor: ACTOR });
    expect(r.parsed).toBe(false);
    expect(count(db, "SELECT count(*) AS n FROM stories")).toBe(0);
  });

  it("reports a worker that dies (out of memory) as a stopped import that wrote nothing, and the folder's sync as refused", async () => {
    const big = bigStory("huge", "a", 20_000).text;
    await expect(runImport(db, { kind: "upload", name: "huge.json", bytes: Buffer.from(big), now: 1, actor: ACTOR }, { maxHeapMb: 8 })).rejects.toThrow(
      ImportStoppedError,
    );
    writeFileSync(join(dir, "huge.json"), big);
    const sync = await syncInWorker(db, dir, { maxHeapMb: 8 });
    expect(sync.results).toEqual([]);
    expect(sync.refusals).toMatchObject([{ path: dir, problems: [expect.stringMatching(/stopped before it finished.*nothing was written/)] }]);
    expect(count(db, "SELECT count(*) AS n FROM stories WHERE slug = 'huge'")).toBe(0);
    // The database is still whole and writable afterwards.
    expect((await syncInWorker(db, tmp.dir)).refusals).toEqual([]);
  });
});
