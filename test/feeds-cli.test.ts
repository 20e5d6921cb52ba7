import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { listFeeds } from "../db/feeds.ts";
import { feedEvents, storyDb } from "./helpers/feeds.ts";
import { fixture, startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

describe("npm run feeds", () => {
  let server: FeedServer;
  const tmp = tempDir();
  const dbPath = `${tmp.dir}/cli.db`;
  beforeAll(async () => {
    server = await startFeedServer();
    storyDb(dbPath, { withoutEvents: true }).db.close();
  });
  afterAll(async () => {
    await server.stop();
    tmp.cleanup();
  });

  const run = async (...args: string[]) => {
    const p = runScript("src/feeds/cli.ts", [...args, "--db", dbPath], {}, ROOT);
    return { code: await p.exited, out: p.stdout(), err: p.stderr() };
  };

  it("adds a feed and fetches it once, lists it, and removes it", async () => {
    const added = await run("add", server.url("/f/rss.xml"), "--keywords", "silicon valley", "--trusted");
    expect(added.code).toBe(0);
    expect(added.out).toContain(`Following ${server.url("/f/rss.xml")} for openai-board-crisis-2023.`);
    expect(added.out).toContain('First fetch: "Tech Wire": 6 items, 6 new, 5 matched, 5 events (5 published)');

    const listed = await run("list");
    expect(listed.out).toContain("Tech Wire · story openai-board-crisis-2023 · ok");
    expect(listed.out).toContain("trusted; keywords: silicon valley");

    const removed = await run("remove", server.url("/f/rss.xml"));
    expect(removed.out).toContain("Stopped following");
    const db = openDatabase(dbPath);
    expect(listFeeds(db)).toEqual([]);
    expect(feedEvents(db).map((e) => e.status)).toEqual(Array(5).fill("published"));
    db.close();
  });

  it("refuses a bad address with a reason, the usage and exit code 1", async () => {
    const bad = await run("add", "ftp://example.com/feed");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("(scheme): ftp://example.com/feed");
    expect(bad.err).toContain("usage: npm run feeds");
  });

  it("lists every delivered item newest first with where it went and why, as JSON too", async () => {
    const wire = server.url("/f/newsroom-wire.xml");
    server.route("/f/newsroom-wire.xml", fixture("newsroom-wire.xml"));
    server.route("/f/newsroom-zh.xml", fixture("newsroom-zh.xml"));
    expect((await run("add", wire)).code).toBe(0);
    expect((await run("add", server.url("/f/newsroom-zh.xml"))).code).toBe(0);
    const listed = await run("items", "--json", "--feed", server.url("/f/newsroom-zh.xml"));
    expect(listed.code).toBe(0);
    const zh = JSON.parse(listed.out) as Record<string, unknown>[];
    expect(zh.map((i) => [i.title, i.published, i.language, i.fate])).toEqual([
      ["OpenAI董事会聘请律所WilmerHale调查奥尔特曼被解雇一事", "2023-12-09T02:00:00.000Z", "zh", "suggested"],
      ["微软获得OpenAI董事会无投票权观察员席位", "2023-11-30T03:00:00.000Z", "zh", "suggested"],
    ]);
    const all = JSON.parse((await run("items", "--json", "--story", "openai-board-crisis-2023")).out) as Record<string, unknown>[];
    const review = all.filter((i) => String(i.title).includes("WilmerHale"));
    expect(review.map((i) => i.feed)).toEqual([server.url("/f/newsroom-zh.xml"), wire]);
    expect(new Set(review.map((i) => i.group)).size).toBe(1);
    expect(review[0]).toMatchObject({ url: "https://gangwan.example/2023/12/09/wilmerhale", event: null });
    expect(String(review[0]!.reason)).toMatch(/^joins g:\d+/);
    const text = await run("items");
    expect(text.out).toContain("[zh] 港湾科技: 微软获得OpenAI董事会无投票权观察员席位");
    const refused = await run("items", "--story", "no-such-story");
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.err).toContain('there is no story "no-such-story"');
  });
});
