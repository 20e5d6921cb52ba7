import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFeed } from "../db/feeds.ts";
import { parseFeedText } from "../src/feeds/parse.ts";
import { STORE_CHUNK } from "../src/feeds/poll-feed.ts";
import { IN_PLACE_MAX_CHARS, readFeed } from "../src/feeds/read-feed.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { follow, memoryLog, testPoller } from "./helpers/feeds.ts";

const ITEMS = 10_000;
/** Room for a 10,000-item feed (about 3 MB). */
const LIMITS = { timeoutMs: 20_000, maxBytes: 16 * 1024 * 1024 };

/** An RSS feed of `n` items, one in a hundred naming someone of the bundled story. */
function bigFeed(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const title = i % 100 === 0 ? `Sam Altman speaks at event number ${i}` : `Unrelated market report number ${i}`;
    return `<item><title>${title}</title><link>https://wire.example/a/${i}</link><guid>wire-${i}</guid><pubDate>Mon, 20 Nov 2023 10:00:00 GMT</pubDate><description>Report ${i} of the day.</description></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big Wire</title>${items.join("")}</channel></rss>`;
}

let t: TestBot;
let server: FeedServer;
const body = bigFeed(ITEMS);
beforeAll(async () => {
  server = await startFeedServer();
  // Always the whole feed, whatever the request's validators: a second poll must dedupe it.
  server.route("/f/big.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml", etag: '"big-1"' }).end(body));
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
  await server.stop();
});
beforeEach(() => {
  t.db.exec("DELETE FROM news_items; DELETE FROM feed_links; DELETE FROM feed_items; DELETE FROM feeds; DELETE FROM events WHERE origin = 'feed';");
  server.requests.length = 0;
});

const stored = (feedId: number) => ({
  seen: (t.db.prepare("SELECT count(*) AS n FROM feed_items WHERE feed_id = ?").get(feedId) as { n: number }).n,
  items: t.db.prepare("SELECT count(*) AS n, count(DISTINCT item_key) AS keys FROM news_items WHERE feed_id = ?").get(feedId) as { n: number; keys: number },
});

/** Samples how many items are stored every few ms while `work` runs. */
async function sampling<T>(feedId: number, work: (seen: number[]) => Promise<T>): Promise<{ out: T; seen: number[] }> {
  const seen: number[] = [];
  const timer = setInterval(() => seen.push(stored(feedId).seen), 1);
  try {
    return { out: await work(seen), seen };
  } finally {
    clearInterval(timer);
  }
}

describe("a feed of 10,000 items", () => {
  it("is stored completely and once, in short transactions, while a command is answered", async () => {
    const feed = follow(t.db, server.url("/f/big.xml"));
    const poller = testPoller(t.db, memoryLog().log, { limits: LIMITS });
    const order: string[] = [];
    let help: Promise<string> | undefined;
    const { out: report, seen } = await sampling(feed.id, async (seen) => {
      const polling = poller.pollNow().then((r) => {
        order.push("poll");
        return r;
      });
      // As soon as the first chunk is committed (and not all of them), a command comes in.
      while (!help && order.length === 0) {
        if (seen.some((n) => n > 0 && n < ITEMS))
          help = run(t, { name: "help" }).then((o) => {
            order.push("help");
            return textOf(o.reply);
          });
        await new Promise((r) => setTimeout(r, 1));
      }
      return polling;
    });
    expect(report.results[0]).toMatchObject({ outcome: "ok", items: ITEMS, newItems: ITEMS, matched: ITEMS / 100 });
    // Chunks became visible one after another: the loop ran between them.
    expect(seen.some((n) => n > 0 && n < ITEMS)).toBe(true);
    expect(new Set(seen.filter((n) => n > 0 && n < ITEMS).map((n) => n % STORE_CHUNK))).toEqual(new Set([0]));
    expect(await help).toContain("/who");
    expect(order).toEqual(["help", "poll"]);
    expect(stored(feed.id)).toEqual({ seen: ITEMS, items: { n: ITEMS, keys: ITEMS } });
    expect(getFeed(t.db, feed.id)).toMatchObject({ etag: '"big-1"' });

    // The next poll sends the saved validator, gets the whole feed anyway and stores nothing twice.
    const again = await poller.pollNow();
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe('"big-1"');
    expect(again.results[0]).toMatchObject({ outcome: "ok", items: ITEMS, newItems: 0 });
    expect(stored(feed.id)).toEqual({ seen: ITEMS, items: { n: ITEMS, keys: ITEMS } });
    await poller.stop();
  });

  it("cut short midway, keeps what it stored, saves no validator, and the next poll refetches and stores the rest once", async () => {
    const feed = follow(t.db, server.url("/f/big.xml"));
    const first = testPoller(t.db, memoryLog().log, { limits: LIMITS });
    const { out: cut, seen } = await sampling(feed.id, async (seen) => {
      const polling = first.pollNow();
      while (!seen.some((n) => n > 0)) await new Promise((r) => setTimeout(r, 1));
      await first.stop();
      return polling;
    });
    expect(cut.results[0]?.outcome).toBe("skipped");
    const partial = stored(feed.id).seen;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(ITEMS);
    expect(seen.length).toBeGreaterThan(0);
    expect(getFeed(t.db, feed.id)).toMatchObject({ etag: null });

    const second = testPoller(t.db, memoryLog().log, { limits: LIMITS });
    const report = await second.pollNow();
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBeUndefined();
    expect(report.results[0]).toMatchObject({ outcome: "ok", items: ITEMS, newItems: ITEMS - partial });
    expect(stored(feed.id)).toEqual({ seen: ITEMS, items: { n: ITEMS, keys: ITEMS } });
    expect(getFeed(t.db, feed.id)).toMatchObject({ etag: '"big-1"' });
    await second.stop();
  });

  it("is read in a worker thread, with the same items as read in place, and a broken one fails as malformed", async () => {
    expect(body.length).toBeGreaterThan(IN_PLACE_MAX_CHARS);
    expect(await readFeed(body)).toEqual(parseFeedText(body));
    const broken = body.slice(0, body.length / 2).replace(/<item>(?![\s\S]*<item>)[\s\S]*$/, "<item><title>cut");
    await expect(readFeed(broken)).rejects.toMatchObject({ name: "FeedError", kind: "malformed" });
    server.route("/f/broken.xml", (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(broken));
    const feed = follow(t.db, server.url("/f/broken.xml"));
    const poller = testPoller(t.db, memoryLog().log, { limits: LIMITS });
    const report = await poller.pollNow();
    await poller.stop();
    expect(report.results[0]).toMatchObject({ outcome: "failed", error: { kind: "malformed" } });
    expect(getFeed(t.db, feed.id)).toMatchObject({ lastError: "malformed", etag: null });
  });
});
