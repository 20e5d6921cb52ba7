import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bigStory, dbHealth, HEALTHY, kill9, query, runNode, seeded, sleep } from "./helpers/drills.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLUG = "big-story";
const EVENTS = 4000;
const KILLS = Number(process.env.DRILL_KILLS ?? 20);

describe("drill: kill -9 during story imports", () => {
  it(`given ${KILLS} imports killed at random points, then the database is intact and the story is always one whole version`, async () => {
    const random = seeded(Number(process.env.DRILL_SEED ?? 1117));
    const tmp = tempDir("storyline-kill-import-");
    cleanups.push(tmp.cleanup);
    const dbPath = join(tmp.dir, "import.db");
    const versions = { a: bigStory(SLUG, "a", EVENTS), b: bigStory(SLUG, "b", EVENTS) };
    const files = { a: tmp.file("a.json", versions.a.text), b: tmp.file("b.json", versions.b.text) };
    const importOnce = (v: "a" | "b") => runNode("src/story/cli.ts", [files[v], "--db", dbPath], {}, tmp.dir);

    // SQLite touches the shared-memory file when it opens the database: the import starts.
    const shmStamp = () => (existsSync(`${dbPath}-shm`) ? String(statSync(`${dbPath}-shm`).mtimeMs) : "none");
    /** Starts an import; resolves once it opened the database (or ended), with the time that took. */
    const start = async (v: "a" | "b") => {
      const before = shmStamp();
      const p = importOnce(v);
      cleanups.push(() => void p.child.kill("SIGKILL"));
      const until = Date.now() + 20_000;
      while (shmStamp() === before && p.child.exitCode === null && Date.now() < until) await sleep(2);
      return { p, openedAt: Date.now(), opened: shmStamp() !== before };
    };

    // A whole import times "open → done" (parsing, the transaction, closing): kills land inside
    // that span. It is re-measured whenever an import finishes first, as the machine's load changes.
    const first = await start("a");
    expect(await first.p.exited, first.p.stderr()).toBe(0);
    let span = Date.now() - first.openedAt;
    const outcomes = { killed: 0, finished: 0, keptOld: 0, tookNew: 0, afterOpen: 0 };
    let current: "a" | "b" = "a";
    for (let round = 0; round < KILLS; round++) {
      const next: "a" | "b" = current === "a" ? "b" : "a";
      const { p, openedAt, opened } = await start(next);
      // One round in four may run past the commit, so both outcomes are seen.
      await sleep(random() * span * (round % 4 === 3 ? 1.5 : 0.9));
      if (p.child.exitCode === null) {
        outcomes.killed++;
        await kill9(p);
      } else {
        outcomes.finished++;
        await p.exited;
        span = Math.min(span, Date.now() - openedAt);
      }

      expect(dbHealth(dbPath), `round ${round}`).toEqual(HEALTHY);
      const keys = query<{ key: string }>(dbPath, "SELECT e.key FROM events e JOIN stories s ON s.id = e.story_id WHERE s.slug = ? ORDER BY e.key", SLUG).map(
        (r) => r.key,
      );
      const titles = new Set(query<{ t: string }>(dbPath, "SELECT DISTINCT substr(title_en, instr(title_en, 'version')) AS t FROM events").map((r) => r.t));
      const expected = (v: "a" | "b") => [...versions[v].keys].sort();
      if (keys.join() === expected(next).join() && titles.size === 1 && titles.has(`version ${next}`)) {
        outcomes.tookNew++;
        current = next;
      } else {
        expect(keys, `round ${round}: neither the old nor the new version`).toEqual(expected(current));
        expect([...titles], `round ${round}: a mix of versions`).toEqual([`version ${current}`]);
        outcomes.keptOld++;
        if (opened) outcomes.afterOpen++;
      }
    }
    // Enough kills landed inside an import to have tested something.
    expect(outcomes.killed).toBeGreaterThanOrEqual(KILLS / 2);
    expect(outcomes.afterOpen).toBeGreaterThanOrEqual(KILLS / 4);
    expect(existsSync(dbPath)).toBe(true);
  }, 120_000);
});
