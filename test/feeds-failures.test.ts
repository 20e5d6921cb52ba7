import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../db/index.ts";
import { getFeed, MAX_FAILURES } from "../db/feeds.ts";
import { classifyFetchError } from "../src/feeds/errors.ts";
import type { FeedPoller } from "../src/feeds/poller.ts";
import { feedEvents, follow, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";
import { fixture, huge, redirect, stall, startFeedServer, status, type FeedServer } from "./helpers/feed-server.ts";

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.route("/status/404", status(404));
  server.route("/status/500", status(500));
  server.route("/huge", huge(200 * 1024));
  server.route("/huge-declared", huge(200 * 1024, true));
  server.route("/slow", stall);
  server.route("/to-ftp", redirect("ftp://wire.example/feed.xml"));
  for (let i = 1; i <= 3; i++) server.route(`/ok${i}`, redirect(i === 3 ? "/f/rss.xml" : `/ok${i + 1}`));
  for (let i = 1; i <= 4; i++) server.route(`/far${i}`, redirect(i === 4 ? "/f/rss.xml" : `/far${i + 1}`, 301));
});
afterAll(async () => {
  await server.stop();
});

/** A port nobody listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe("a feed that fails", () => {
  let db: Db;
  let poller: FeedPoller;
  let logs: ReturnType<typeof memoryLog>;
  beforeEach(() => {
    ({ db } = storyDb(":memory:", { withoutEvents: true }));
    logs = memoryLog();
    poller = testPoller(db, logs.log);
  });
  afterEach(async () => {
    await poller.stop();
    db.close();
  });

  it.each([
    ["malformed XML", "/f/malformed.xml", "malformed", "Invalid feed format"],
    ["a web page", "/f/not-a-feed.html", "not-a-feed", null],
    ["a 404", "/status/404", "http", "404"],
    ["a 500", "/status/500", "http", "500"],
    ["a body past the size cap", "/huge", "too-large", "over 65536 bytes"],
    ["a declared length past the cap", "/huge-declared", "too-large", "204800 bytes"],
    ["a server too slow to finish", "/slow", "timeout", null],
    ["four redirects", "/far1", "redirects", "more than 3"],
    ["a redirect away from http(s)", "/to-ftp", "bad-redirect", "ftp:"],
  ])("given %s, then its error is recorded and nothing is made", async (_what, path, kind, detail) => {
    const feed = follow(db, server.url(path));
    const report = await poller.pollNow();
    expect(report.results[0]).toMatchObject({ outcome: "failed", error: { kind, detail } });
    expect(getFeed(db, feed.id)).toMatchObject({ lastError: kind, lastErrorDetail: detail, failures: 1, skipPolls: 1, pausedAt: null });
    expect(feedEvents(db)).toEqual([]);
  });

  it("given a refused connection, then it is recorded as refused", async () => {
    const feed = follow(db, `http://127.0.0.1:${await closedPort()}/feed.xml`);
    await poller.pollNow();
    expect(getFeed(db, feed.id)?.lastError).toBe("refused");
  });

  it("given three redirects, then the feed is read at the end of the chain", async () => {
    follow(db, server.url("/ok1"));
    const report = await poller.pollNow();
    expect(report.results[0]).toMatchObject({ outcome: "ok", title: "Tech Wire", created: 4 });
  });

  it("classifies unknown hosts and other network errors", () => {
    const dns = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("getaddrinfo ENOTFOUND x.invalid"), { code: "ENOTFOUND" }) });
    expect(classifyFetchError(dns)).toMatchObject({ kind: "dns", detail: "ENOTFOUND" });
    expect(classifyFetchError(new Error("socket hang up"))).toMatchObject({ kind: "network", detail: "socket hang up" });
    expect(classifyFetchError(new DOMException("late", "TimeoutError"))).toMatchObject({ kind: "timeout" });
  });

  it("given a feed failing again and again, then it backs off 1, 2, 4, 8 polls and is paused after five failures, logged once", async () => {
    const bad = follow(db, server.url("/status/500"));
    const good = follow(db, server.url("/f/atom.xml"));
    const fetchedAt: number[] = [];
    for (let poll = 1; poll <= 24; poll++) {
      const before = server.requests.filter((r) => r.path === "/status/500").length;
      const report = await poller.pollNow();
      if (server.requests.filter((r) => r.path === "/status/500").length > before) fetchedAt.push(poll);
      // The good feed is polled every time, whatever the bad one does.
      expect(report.results.find((r) => r.feedId === good.id)?.outcome).toMatch(/^(ok|not-modified)$/);
    }
    expect(fetchedAt).toEqual([1, 3, 6, 11, 20]);
    expect(getFeed(db, bad.id)).toMatchObject({ failures: MAX_FAILURES, lastError: "http", lastErrorDetail: "500" });
    expect(getFeed(db, bad.id)?.pausedAt).not.toBeNull();
    const paused = logs.lines.filter((l) => l.msg === "feed paused after repeated failures");
    expect(paused).toHaveLength(1);
    expect(paused[0]?.level).toBe(40);
  });

  it("given a feed that recovers, then its failures are forgotten", async () => {
    const feed = follow(db, server.url("/flaky"));
    server.route("/flaky", status(503));
    await poller.pollNow();
    server.route("/flaky", fixture("atom.xml"));
    await poller.pollNow(); // skipped: backing off
    expect(getFeed(db, feed.id)).toMatchObject({ failures: 1, skipPolls: 0 });
    await poller.pollNow();
    expect(getFeed(db, feed.id)).toMatchObject({ failures: 0, lastError: null, title: "Daily Ledger" });
  });

  it("given a slow feed, then the other feeds of the same poll are still read", async () => {
    const slow = follow(db, server.url("/slow"));
    follow(db, server.url("/f/feed.json"));
    const report = await poller.pollNow();
    expect(report.results.map((r) => r.outcome)).toEqual(["failed", "ok"]);
    expect(getFeed(db, slow.id)?.lastError).toBe("timeout");
    expect(feedEvents(db)).toHaveLength(1);
  });

  it("given a poll still running, then another one is skipped and logged, and the next one runs", async () => {
    follow(db, server.url("/slow"));
    const first = poller.pollNow();
    const second = await poller.pollNow();
    expect(second.skipped).toBe(true);
    expect(logs.lines.some((l) => l.msg === "feed poll skipped: the previous poll is still running")).toBe(true);
    expect((await first).skipped).toBe(false);
    expect((await poller.pollNow()).skipped).toBe(false);
  });
});

describe("stopping the poller", () => {
  it("given a fetch in flight, then stop aborts it without counting it against the feed", async () => {
    const { db } = storyDb(":memory:", { withoutEvents: true });
    const { log } = memoryLog();
    const poller = testPoller(db, log, { limits: { timeoutMs: 60_000 } });
    const feed = follow(db, server.url("/slow"));
    const slowCalls = () => server.requests.filter((r) => r.path === "/slow").length;
    const before = slowCalls();
    const polling = poller.pollNow();
    while (slowCalls() === before) await new Promise((r) => setTimeout(r, 10));
    await poller.stop();
    expect((await polling).results[0]?.outcome).toBe("skipped");
    expect(getFeed(db, feed.id)).toMatchObject({ failures: 0, lastError: null });
    expect((await poller.pollNow()).skipped).toBe(true);
    db.close();
  });

  it("given the minute schedule, then stop ends it and later polls are refused", async () => {
    const { db } = storyDb(":memory:", { withoutEvents: true });
    const { log } = memoryLog();
    const poller = testPoller(db, log, { schedule: true });
    await poller.stop();
    expect((await poller.pollNow()).skipped).toBe(true);
    db.close();
  });
});
