/**
 * Long work in the bot's process, and how long it holds the event loop at worst
 * (`monitorEventLoopDelay`, see loop-delay.ts) — the longest a command arriving meanwhile
 * waits before it is even read. Each next to the way it was done before, in the same run:
 * a story import in a worker thread (src/story/import-worker.ts) vs on the main thread — of
 * 2,000 synthetic events, 4.3 MB, near the 5 MB a story file may hold (a larger story only
 * comes in through `npm run import`, a process of its own) — and a
 * feed poll of 10,000 items through a real HTTP server stored 200 items per transaction (the
 * body read in a worker) vs read in place and stored in one transaction.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadavg } from "node:os";
import { join } from "node:path";
import { exportStory } from "../../../db/export.ts";
import { saveFeed } from "../../../db/feeds.ts";
import { importStory } from "../../../db/import.ts";
import { openDatabase } from "../../../db/index.ts";
import { BUNDLED_STORY } from "../../../src/config.ts";
import { pollFeed } from "../../../src/feeds/poll-feed.ts";
import { loadSegmenter } from "../../../src/newsroom/jieba.ts";
import { syncStories } from "../../../src/story/import.ts";
import { syncInWorker } from "../../../src/story/import-worker.ts";
import { storyFileData } from "../../../src/story/export.ts";
import type { BenchContext } from "../context.ts";
import { synthetic } from "../generate.ts";
import { LOOP_DELAY_TARGET_MS, withLoopDelay } from "../loop-delay.ts";
import type { Row } from "../report.ts";
import { since } from "../stats.ts";
import { IMPORTED_AT } from "./import.ts";
import { quietLogger } from "./quiet-log.ts";

const FEED_ITEMS = 10_000;

function delayRow(
  measure: string,
  mine: { maxDelayMs: number; p99DelayMs: number },
  before: { maxDelayMs: number; p99DelayMs: number },
  detail: Record<string, unknown>,
): Row {
  return {
    measure: `longest event-loop delay during ${measure}`,
    value: mine.maxDelayMs,
    unit: "ms",
    baseline: before.maxDelayMs,
    ratio: mine.maxDelayMs / before.maxDelayMs,
    target: `< ${LOOP_DELAY_TARGET_MS} ms (baseline: as before, same run)`,
    ok: mine.maxDelayMs < LOOP_DELAY_TARGET_MS,
    detail: { p99DelayMs: mine.p99DelayMs, baselineP99DelayMs: before.p99DelayMs, ...detail },
  };
}

/** People in the stall story: a story file holds at most 5,000. */
const FILE_PEOPLE = 1_000;

/** A story file of `events` synthetic events (made by the importer and `/story export`'s writer). */
function storyFile(ctx: BenchContext, events: number, dir: string): void {
  const scratch = openDatabase(":memory:");
  const { slug } = importStory(scratch, synthetic(ctx.seed, events, FILE_PEOPLE).story().input, IMPORTED_AT);
  const id = (scratch.prepare("SELECT id FROM stories WHERE slug = ?").get(slug) as { id: number }).id;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${slug}.json`), JSON.stringify(storyFileData(exportStory(scratch, id)!)));
  scratch.close();
}

async function importRows(ctx: BenchContext, events: number): Promise<Row[]> {
  const dir = join(ctx.dir, "stall-stories");
  storyFile(ctx, events, dir);
  const label = `${events.toLocaleString("en-US")} events`;
  ctx.say(`stalls: import of ${label} in a worker, then on the main thread`);
  const run = async (name: string, sync: (db: ReturnType<typeof openDatabase>) => Promise<ReturnType<typeof syncStories>>) => {
    const db = openDatabase(join(ctx.dir, `stall-${name}.db`), { busyTimeoutMs: 2000 });
    const t0 = performance.now();
    const d = await withLoopDelay(() => sync(db));
    const ms = since(t0);
    db.close();
    const created = d.result.results[0]?.created;
    if (created !== events) throw new Error(`the ${name} import wrote ${created} events, not ${events}: ${JSON.stringify(d.result.refusals)}`);
    return { ...d, ms };
  };
  const worker = await run("worker", (db) => syncInWorker(db, dir));
  const main = await run("main", async (db) => syncStories(db, dir));
  return [delayRow(`a story import of ${label} in the bot's process (worker thread vs main thread)`, worker, main, { workerMs: worker.ms, mainMs: main.ms })];
}

/** An RSS feed of `n` items, one in a hundred naming someone of the bundled story. */
function bigFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const title = i % 100 === 0 ? `Sam Altman speaks at event number ${i}` : `Unrelated market report number ${i}`;
    return `<item><title>${title}</title><link>https://wire.example/a/${i}</link><guid>wire-${i}</guid><pubDate>Mon, 20 Nov 2023 10:00:00 GMT</pubDate><description>Report ${i} of the day.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>${items.join("")}</channel></rss>`;
}

async function feedRows(ctx: BenchContext): Promise<Row[]> {
  const body = bigFeed(FEED_ITEMS);
  const server = createServer((_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml", etag: '"big"' }).end(body));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big.xml`;
  const { log } = quietLogger();
  // As the bot does at start (src/index.ts), not in its first poll.
  loadSegmenter();
  const limits = { timeoutMs: 60_000, maxBytes: 16 * 1024 * 1024, maxRedirects: 3 };
  ctx.say(`stalls: a feed poll of ${FEED_ITEMS.toLocaleString("en-US")} items, chunked, then in one transaction`);
  const run = async (name: string, opts: { storeChunk?: number; inPlaceMaxChars?: number }) => {
    const db = openDatabase(join(ctx.dir, `stall-feed-${name}.db`));
    syncStories(db, join(ctx.root, "stories"));
    const { feed } = saveFeed(db, { url, storySlug: BUNDLED_STORY, keywords: null, trusted: null, addedBy: null }, Date.now());
    const t0 = performance.now();
    const d = await withLoopDelay(() => pollFeed({ db, log, now: Date.now, limits, ...opts }, feed));
    const ms = since(t0);
    db.close();
    if (d.result.newItems !== FEED_ITEMS) throw new Error(`the ${name} poll stored ${d.result.newItems} items: ${JSON.stringify(d.result)}`);
    return { ...d, ms };
  };
  try {
    const chunked = await run("chunked", {});
    const whole = await run("whole", { storeChunk: Number.POSITIVE_INFINITY, inPlaceMaxChars: Number.POSITIVE_INFINITY });
    return [
      delayRow(`a feed poll of ${FEED_ITEMS.toLocaleString("en-US")} items (200 per transaction vs all in one)`, chunked, whole, {
        chunkedMs: chunked.ms,
        wholeMs: whole.ms,
        bodyMB: body.length / 2 ** 20,
      }),
    ];
  } finally {
    server.close();
  }
}

/**
 * The same measure with nothing running: on a shared machine the process is at times not
 * scheduled at all, which no code of ours can shorten. Read the rows above against it.
 */
async function idleRow(): Promise<Row> {
  const idle = await withLoopDelay(() => new Promise((r) => setTimeout(r, 3000)));
  return {
    measure: "longest event-loop delay with nothing running, 3 s (this machine's floor)",
    value: idle.maxDelayMs,
    unit: "ms",
    baseline: null,
    ratio: null,
    target: "—",
    ok: null,
    detail: { p99DelayMs: idle.p99DelayMs, loadAverage: loadavg()[0] },
  };
}

/** The import and feed-poll stalls; `importEvents` sets the story's size. */
export async function stallsSection(ctx: BenchContext, importEvents: number): Promise<Row[]> {
  return [await idleRow(), ...(await importRows(ctx, importEvents)), ...(await feedRows(ctx))];
}
