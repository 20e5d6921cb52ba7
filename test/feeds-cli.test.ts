import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { listFeeds } from "../db/feeds.ts";
import { feedEvents, storyDb } from "./helpers/feeds.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
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
});
