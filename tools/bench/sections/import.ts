/**
 * Import rate through the real importer (`importStory`, what `npm run import` runs after
 * parsing) next to a bare bulk insert of the same rows into a second fresh database.
 * Both read the same lazily made events; the time spent making them is measured inside the
 * generator and taken out of both, so the rates are the writers' alone.
 */
import { rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { importStory } from "../../../db/import.ts";
import { openDatabase, type Db } from "../../../db/index.ts";
import type { BenchContext } from "../context.ts";
import type { Row } from "../report.ts";
import { since } from "../stats.ts";
import { bareInsert } from "./bare-insert.ts";

/** When the synthetic events were "added": long ago, so no recap window sees a million of them. */
export const IMPORTED_AT = Date.UTC(2024, 0, 1);

/** Row counts the two writers must agree on (constant statements, one per table). */
const COUNTS = {
  events: "SELECT count(*) AS n FROM events",
  event_entities: "SELECT count(*) AS n FROM event_entities",
  quotes: "SELECT count(*) AS n FROM quotes",
  sources: "SELECT count(*) AS n FROM sources",
  entity_names: "SELECT count(*) AS n FROM entity_names",
  event_fts: "SELECT count(*) AS n FROM event_fts",
} as const;
type Table = keyof typeof COUNTS;
const TABLES = Object.keys(COUNTS) as Table[];

function counts(db: Db): Record<Table, number> {
  const out = {} as Record<Table, number>;
  for (const t of TABLES) out[t] = (db.prepare(COUNTS[t]).get() as { n: number }).n;
  return out;
}

function fileMB(path: string): number {
  let size = 0;
  for (const p of [path, `${path}-wal`]) {
    try {
      size += statSync(p).size;
    } catch {
      /* no WAL left */
    }
  }
  return size / 2 ** 20;
}

/**
 * Imports the synthetic story into `dbPath` (kept for the other sections) with the real
 * importer, and writes its first `compareAt` events with the bare insert into a second fresh
 * database. The ratio compares the two over those same first events: the importer's clock is
 * read when it asks for event `compareAt` (see lazyEvents), the bare writer's when it asks for
 * the end of its list, so neither includes its final commit. The importer's full rate (commit
 * included) is reported too.
 */
export function importSection(ctx: BenchContext, dbPath: string, compareAt: number): { rows: Row[]; db: Db; storyId: number } {
  const { syn } = ctx;
  const k = Math.min(compareAt, syn.eventCount);
  // Warm both code paths (JIT, statement caches) on a small story first.
  for (const write of [(db: Db) => bareInsert(db, syn.story(2000).input, IMPORTED_AT), (db: Db) => importStory(db, syn.story(2000).input, IMPORTED_AT)]) {
    const scratch = openDatabase(":memory:");
    write(scratch);
    scratch.close();
  }

  ctx.say(`bare insert of the first ${k.toLocaleString("en-US")} events…`);
  const barePath = join(ctx.dir, "bare.db");
  const bare = openDatabase(barePath);
  const b = syn.story(k, [k]);
  let t0 = performance.now();
  bareInsert(bare, b.input, IMPORTED_AT);
  const bareEnd = b.clock.marks.get(k)!;
  const bareMs = bareEnd.wall - t0 - bareEnd.genMs;
  const theirs = counts(bare);
  const bareMB = fileMB(barePath);
  bare.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${barePath}${suffix}`, { force: true });

  ctx.say(`importStory of ${syn.eventCount.toLocaleString("en-US")} events…`);
  const db = openDatabase(dbPath);
  const s = syn.story(syn.eventCount, [k]);
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  const result = importStory(db, s.input, IMPORTED_AT);
  const importMs = since(t0) - s.clock.ms;
  const cpu = process.cpuUsage(cpu0);
  const atK = s.clock.marks.get(k)!;
  const importKMs = atK.wall - t0 - atK.genMs;
  const mine = counts(db);
  if (result.created !== syn.eventCount || mine.events !== syn.eventCount || mine.event_fts !== syn.eventCount) {
    throw new Error(`the importer wrote unexpected rows: ${JSON.stringify({ mine, result })}`);
  }
  if (k === syn.eventCount && !TABLES.every((t) => mine[t] === theirs[t])) {
    throw new Error(`the importer and the bare insert wrote different rows: ${JSON.stringify({ mine, theirs })}`);
  }
  db.pragma("wal_checkpoint(TRUNCATE)");

  const rate = syn.eventCount / (importMs / 1000);
  const rateK = k / (importKMs / 1000);
  const bareRate = k / (bareMs / 1000);
  const storyId = (db.prepare("SELECT id FROM stories WHERE slug = ?").get(result.slug) as { id: number }).id;
  const kLabel = k === syn.eventCount ? "all" : `first ${k.toLocaleString("en-US")}`;
  return {
    db,
    storyId,
    rows: [
      {
        measure: `import rate, ${kLabel} events (importStory vs bare insert)`,
        value: rateK,
        unit: "ev/s",
        baseline: bareRate,
        ratio: rateK / bareRate,
        target: "≥ 0.60× bare",
        ok: rateK / bareRate >= 0.6,
        detail: { compareAt: k, importMs: importKMs, bareMs, bareRows: theirs, bareDbMB: bareMB },
      },
      {
        measure: `import rate, all ${syn.eventCount.toLocaleString("en-US")} events (commit included)`,
        value: rate,
        unit: "ev/s",
        baseline: null,
        ratio: null,
        target: "—",
        ok: null,
        detail: { importMs, generationMs: s.clock.ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: mine, dbMB: fileMB(dbPath) },
      },
    ],
  };
}
