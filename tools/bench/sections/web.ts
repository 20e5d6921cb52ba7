/**
 * The story pages under load: a 10,000-event story in its own database, served by the real
 * web server (src/web) on 127.0.0.1 in a process of its own (tools/bench/web-child.ts). For the story page, an event page and, as the floor, the
 * static style sheet of the same server: time to first byte (median, p99) with 20 clients
 * each asking again as soon as answered (node:http, keep-alive), then autocannon's requests/s
 * with the same 20 connections. The pages as served (rendered once per database change and
 * kept, see src/web/cache.ts), and rendered on every request (cache off) to show what a change costs.
 */
import { spawn } from "node:child_process";
import { request, Agent } from "node:http";
import { join } from "node:path";
import autocannon from "autocannon";
import { importStory } from "../../../db/import.ts";
import { openDatabase } from "../../../db/index.ts";
import type { BenchContext } from "../context.ts";
import { SLUG, synthetic } from "../generate.ts";
import type { Row } from "../report.ts";
import { summarize } from "../stats.ts";

const EVENTS = 10_000;
const CLIENTS = 20;

/** Time to first byte of `total` GETs of `url`, `CLIENTS` at a time. */
async function ttfb(url: string, total: number): Promise<number[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const samples: number[] = [];
  let left = total;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const t0 = performance.now();
      const req = request(url, { agent }, (res) => {
        samples.push(performance.now() - t0);
        if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
        res.resume().on("end", () => resolve());
      });
      req.on("error", reject);
      req.end();
    });
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left-- > 0) await one();
    }),
  );
  agent.destroy();
  return samples;
}

async function rate(url: string, seconds: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const r = await autocannon({ url, connections: CLIENTS, duration: seconds });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** The web server in a child process over `dbPath`, and how to stop it. */
async function serve(ctx: BenchContext, dbPath: string, cache: boolean): Promise<{ localUrl: string; close(): void }> {
  const tsx = join(ctx.root, "node_modules", ".bin", "tsx");
  const p = spawn(tsx, [join(ctx.root, "tools", "bench", "web-child.ts"), dbPath, cache ? "1" : "0"], {
    cwd: ctx.root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? ctx.dir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const localUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    p.stdout.on("data", (d) => {
      out += String(d);
      if (out.includes("\n")) resolve(out.trim());
    });
    p.once("exit", (code) => reject(new Error(`web-child exited ${code}`)));
  });
  return { localUrl, close: () => void p.kill("SIGTERM") };
}

export async function webSection(ctx: BenchContext): Promise<Row[]> {
  const path = join(ctx.dir, "web.db");
  const db = openDatabase(path);
  const syn = synthetic(ctx.seed, EVENTS, 300);
  importStory(db, syn.story().input);
  const eventKey = syn.event(Math.floor(EVENTS / 2)).key;
  db.close();
  const n = ctx.quick ? 400 : 2000;
  const seconds = ctx.quick ? 3 : 8;
  const rows: Row[] = [];
  for (const cache of [true, false]) {
    const server = await serve(ctx, path, cache);
    try {
      const base = server.localUrl;
      const floorUrl = `${base}/static/style.css`;
      await ttfb(floorUrl, n); // warm, as the pages are
      const floor = summarize(await ttfb(floorUrl, n));
      const floorRate = await rate(floorUrl, seconds);
      for (const [name, url] of [
        ["story page", `${base}/s/${SLUG}`],
        ["event page", `${base}/s/${SLUG}/e/${encodeURIComponent(eventKey)}`],
      ] as const) {
        ctx.say(`web: ${name}, ${cache ? "as served" : "rendered every time"}…`);
        await ttfb(url, CLIENTS); // warm: statements prepared, the page rendered once
        const t = summarize(await ttfb(url, cache ? n : Math.ceil(n / 4)));
        const r = await rate(url, seconds);
        const label = `web ${name} of a ${EVENTS.toLocaleString("en-US")}-event story${cache ? "" : ", rendered every request"}, TTFB with ${CLIENTS} clients`;
        rows.push(
          {
            measure: `${label} (median)`,
            value: t.median,
            unit: "ms",
            baseline: floor.median,
            ratio: t.median / floor.median,
            target: "static file as floor",
            ok: null,
          },
          {
            measure: `${label} (p99)`,
            value: t.p99,
            unit: "ms",
            baseline: floor.p99,
            ratio: t.p99 / floor.p99,
            target: "static file as floor",
            ok: null,
            detail: { samples: t.n, autocannon: r, floorAutocannon: floorRate, bytes: (await (await fetch(url)).text()).length },
          },
        );
      }
    } finally {
      server.close();
    }
  }
  return rows;
}
