/**
 * `npm run bench [-- --quick]`: Storyline measured on a synthetic story of a million events
 * (100,000 with --quick) and 10,000 people, built from a fixed seed in a temporary database that is removed at
 * the end. Prints one table (measure | value | baseline | ratio | target | ok?) and writes
 * tools/bench/results.json (--quick: tools/bench/results-quick.json). Progress goes to stderr.
 *
 * Options: --quick; --seed=N. While developing (written to results-custom.json):
 * --events=N --entities=N; --fanout=N (servers in the shards fan-out); --db=PATH keeps the imported database at PATH and reuses it next
 * time (the import is then skipped); --only=latency,after-write,like,e2e,memory,coldStart,shards,recap,newsroom,web,stalls.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchContext, WithDb } from "./context.ts";
import { synthetic } from "./generate.ts";
import { fileCacheMB, machine, table, writeResults, type Row } from "./report.ts";
import { coldStartSection } from "./sections/coldstart.ts";
import { e2eSection } from "./sections/e2e.ts";
import { afterWriteSection } from "./sections/after-write.ts";
import { importSection } from "./sections/import.ts";
import { openDatabase } from "../../db/index.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import { SLUG } from "./generate.ts";
import { latencySection } from "./sections/latency.ts";
import { likeSection } from "./sections/like.ts";
import { memorySection } from "./sections/memory.ts";
import { newsroomSection } from "./sections/newsroom.ts";
import { recapSection } from "./sections/recap.ts";
import { shardsSection } from "./sections/shards.ts";
import { stallsSection } from "./sections/stalls.ts";
import { fanOutSection } from "./sections/shards-fanout.ts";
import { webSection } from "./sections/web.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const quick = args.includes("--quick");
const keepDb = flag("db");
const only = flag("only")?.split(",");
const fanOut = flag("fanout");
const custom = flag("events") !== undefined || keepDb !== undefined || only !== undefined || fanOut !== undefined;
const events = Number(flag("events") ?? (quick ? 100_000 : 1_000_000));
// 10,000 people in --quick too: the first /who after a write is measured at that size.
const entities = Number(flag("entities") ?? 10_000);
const seed = Number(flag("seed") ?? 20231117);

/** How much each section does, full run and --quick. */
const PLAN =
  quick || custom
    ? { iterations: 500, compareAt: 10_000, likeRuns: 3, e2e: 150, memoryRounds: 1, coldStarts: 2, recapServers: 250, stallImport: 2_000 }
    : { iterations: 2000, compareAt: 100_000, likeRuns: 5, e2e: 400, memoryRounds: 2, coldStarts: 5, recapServers: 1000, stallImport: 2_000 };

/** Shards: servers at start (10,000 in both), and servers whose recaps fan out over 4 shards. */
const SHARDS_PLAN = { servers: 10_000, fanOut: Number(fanOut ?? (quick || custom ? 1000 : 10_000)) };

const say = (m: string): void => void process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
const started = performance.now();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "storyline-bench-"));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  const load = [loadavg()];
  const fileCache: (number | null)[] = [];
  const timings: Record<string, number> = {};
  const rows: Row[] = [];
  const section = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await run();
    timings[name] = Math.round(performance.now() - t0);
    return out;
  };
  say(
    `${quick ? "quick" : custom ? "custom" : "full"} run: ${events.toLocaleString("en-US")} events, ${entities.toLocaleString("en-US")} entities, seed ${seed}${quick || custom ? "" : " (about 20 minutes on 2 cores, most of it importing the million events; --quick takes under 2)"}`,
  );
  try {
    const syn = await section("generate", () => synthetic(seed, events, entities));
    const base: BenchContext = { quick: quick || custom, seed, events, entities, iterations: PLAN.iterations, dir, root: ROOT, syn, say };
    if (!only || only.includes("newsroom")) rows.push(...(await section("newsroom", () => newsroomSection(base))));
    if (!only || only.includes("web")) rows.push(...(await section("web", () => webSection(base))));
    if (!only || only.includes("stalls")) rows.push(...(await section("stalls", () => stallsSection(base, PLAN.stallImport))));
    const dbPath = keepDb ?? join(dir, "bench.db");
    let imported: { db: WithDb["db"]; storyId: number };
    if (keepDb && existsSync(keepDb)) {
      const db = openDatabase(keepDb);
      imported = { db, storyId: getStoryBySlug(db, SLUG)!.id };
      say(`reusing ${keepDb}`);
    } else {
      const done = await section("import", () => importSection(base, dbPath, PLAN.compareAt));
      rows.push(...done.rows);
      imported = done;
    }
    const ctx: WithDb = { ...base, db: imported.db, dbPath, storyId: imported.storyId };
    const wanted = (name: string): boolean => !only || only.includes(name);
    if (wanted("latency")) rows.push(...(await section("latency", () => latencySection(ctx))));
    if (wanted("after-write")) rows.push(...(await section("after-write", () => afterWriteSection(ctx))));
    if (wanted("like")) rows.push(...(await section("like", () => likeSection(ctx, PLAN.likeRuns))));
    if (wanted("e2e")) rows.push(...(await section("e2e", () => e2eSection(ctx, PLAN.e2e))));
    if (wanted("memory")) rows.push(...(await section("memory", () => memorySection(ctx, 1000, PLAN.memoryRounds))));
    if (wanted("coldStart")) rows.push(...(await section("coldStart", () => coldStartSection(ctx, PLAN.coldStarts))));
    // Shards use databases of their own.
    if (wanted("shards")) rows.push(...(await section("shards", () => shardsSection(ctx, SHARDS_PLAN.servers))));
    if (wanted("shards")) rows.push(...(await section("shardsFanOut", () => fanOutSection(ctx, SHARDS_PLAN.fanOut))));
    // Last: it adds events and schedules to the database.
    if (wanted("recap") && !keepDb) rows.push(...(await section("recap", () => recapSection(ctx, PLAN.recapServers))));
    fileCache.push(fileCacheMB());
    ctx.db.close();
  } finally {
    cleanup();
  }
  load.push(loadavg());
  const wallMs = Math.round(performance.now() - started);
  const file = join(ROOT, "tools", "bench", quick ? "results-quick.json" : custom ? "results-custom.json" : "results.json");
  const m = machine();
  const where = `${String(m.cpus)} CPUs, ${Math.round(Number(m.totalMemoryMB) / 1024)} GB, Node ${String(m.node)}, load ${load.map((l) => l[0]?.toFixed(1)).join("→")}`;
  process.stdout.write(
    `\n${table(rows)}\n\n${rows.filter((r) => r.ok === false).length} missed of ${rows.filter((r) => r.ok !== null).length} targets · wall ${(wallMs / 1000).toFixed(0)} s · ${where} · ${file}\n`,
  );
  writeResults(file, {
    date: new Date().toISOString(),
    mode: quick ? "quick" : custom ? "custom" : "full",
    machine: m,
    loadAverage: { start: load[0], end: load[1] },
    fileCacheMBAtEnd: fileCache[0] ?? null,
    seed,
    sizes: { events, entities },
    plan: { ...PLAN, shards: SHARDS_PLAN },
    wallMs,
    sectionMs: timings,
    rows,
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
