import Database from "better-sqlite3";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { alertChannelsOfGuild, saveAlertChannel } from "../db/alerts.ts";
import { openDatabase, type Db } from "../db/index.ts";
import { courierCursor, latestPublicationSeq, publicationsAfter } from "../db/publications.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { startAlertCourier } from "../src/courier/alert-courier.ts";
import { queueAlerts } from "../src/courier/alerts.ts";
import { importFiles } from "../src/story/import.ts";
import { SANDBOX_USER_ID } from "../tools/fake-discord/index.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { startFeedServer, type FeedServer } from "./helpers/feed-server.ts";
import { feedEvents, follow, memoryLog, testPoller } from "./helpers/feeds.ts";
import { storyEvent } from "./helpers/alerts.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Two stories in a fresh database, from files that can be changed and imported again. */
function twoStories(): { db: Db; reimport: (slug: "watched" | "unwatched", extra: string) => void } {
  const tmp = tempDir("storyline-publications-");
  cleanups.push(tmp.cleanup);
  const db = openDatabase(":memory:");
  cleanups.push(() => db.close());
  const reimport = (slug: string, extra: string) => {
    const r = importFiles(db, [tmp.file(`${slug}.yaml`, miniStory(slug, extra))], Date.now());
    if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  };
  reimport("watched", "");
  reimport("unwatched", "");
  return { db, reimport };
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe("publications and the alert queue", () => {
  it("given alerts on one story, then the triggers log publications of that story only, and none before alerts existed", async () => {
    const { db, reimport } = twoStories();
    expect(count(db, "SELECT count(*) AS n FROM publications")).toBe(0);
    const watched = getStoryBySlug(db, "watched")!;
    saveAlertChannel(db, { guildId: "1", storyId: watched.id, channelId: "2", minImportance: 1, roleId: null, sinceSeq: latestPublicationSeq(db), now: 1 });
    reimport("watched", storyEvent("w1", "Watched news", 5));
    reimport("unwatched", storyEvent("u1", "Unwatched news", 5));
    const pubs = publicationsAfter(db, 0);
    expect(pubs).toHaveLength(1);
    expect(pubs[0]).toMatchObject({ storyId: watched.id });
  });

  it("given an event unpublished and published again, then it is logged twice and alerted once, and the cursor passes both", async () => {
    const { db, reimport } = twoStories();
    const watched = getStoryBySlug(db, "watched")!;
    const alert = saveAlertChannel(db, { guildId: "1", storyId: watched.id, channelId: "2", minImportance: 4, roleId: null, sinceSeq: 0, now: 1 });
    reimport("watched", storyEvent("w2", "Back and forth", 5));
    db.prepare("UPDATE events SET status = 'pending' WHERE key = 'w2'").run();
    db.prepare("UPDATE events SET status = 'published' WHERE key = 'w2'").run();
    expect(publicationsAfter(db, 0)).toHaveLength(2);
    expect(queueAlerts(db, Date.now())).toBe(2);
    const rows = db.prepare("SELECT key, kind, target_id, state FROM outbox").all();
    const eventId = (db.prepare("SELECT id FROM events WHERE key = 'w2'").get() as { id: number }).id;
    expect(rows).toEqual([{ key: `alert:${alert.id}:${eventId}`, kind: "alert", target_id: "2", state: "pending" }]);
    expect(courierCursor(db, "alerts")).toBe(latestPublicationSeq(db));
    expect(queueAlerts(db, Date.now())).toBe(0);
  });

  it("given a paused alert channel, then its story's publications queue nothing for it", async () => {
    const { db, reimport } = twoStories();
    const watched = getStoryBySlug(db, "watched")!;
    const alert = saveAlertChannel(db, { guildId: "1", storyId: watched.id, channelId: "2", minImportance: 1, roleId: null, sinceSeq: 0, now: 1 });
    db.prepare("UPDATE alert_channels SET paused_reason = 'channel_gone' WHERE id = ?").run(alert.id);
    reimport("watched", storyEvent("w3", "Nobody listens", 5));
    expect(queueAlerts(db, Date.now())).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM outbox")).toBe(0);
  });
});

describe("an idle alert run", () => {
  it("given another process holding the write lock, then a run with nothing new returns at once without waiting for it", () => {
    const tmp = tempDir("storyline-alert-lock-");
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, "bot.db");
    const db = openDatabase(path, { busyTimeoutMs: 2000 });
    cleanups.push(() => db.close());
    const holder = new Database(path);
    cleanups.push(() => holder.close());
    holder.exec("BEGIN IMMEDIATE");
    cleanups.push(() => holder.exec("ROLLBACK"));
    const started = Date.now();
    expect(queueAlerts(db, started)).toBe(0);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("alerts of a trusted feed's events", () => {
  let t: TestBot;
  let server: FeedServer;

  it("given a trusted feed publishing four events of importance 3 and alerts from importance 3, then each is alerted once", async () => {
    server = await startFeedServer();
    cleanups.push(() => server.stop());
    t = await startTestBot({ config: { EDITOR_USER_IDS: [SANDBOX_USER_ID] } });
    cleanups.push(() => t.stop());
    const storyId = getStoryBySlug(t.db, BUNDLED_STORY)!.id;
    // As in the feed tests: without the story's own events, each matched item starts a development.
    t.db.prepare("DELETE FROM events WHERE story_id = ? AND origin = 'file' AND key <> 'openai-lp-structure-2019'").run(storyId);
    const channel = t.fake.defaultChannel().id;
    await (await t.fake.command({ name: "alerts", options: { channel, min_importance: 3 }, admin: true })).settled();
    expect(alertChannelsOfGuild(t.db, t.fake.defaultGuild().id)).toHaveLength(1);
    const courier = startAlertCourier({ client: t.bot.client, ctx: t.bot.ctx, schedule: false });
    cleanups.push(() => courier.stop());

    follow(t.db, server.url("/f/rss.xml"), { trusted: true });
    const poller = testPoller(t.db, memoryLog().log);
    cleanups.push(() => poller.stop());
    expect(await poller.pollNow()).toMatchObject({ published: 4 });
    await courier.tick();
    await courier.tick();
    const posts = t.fake.channelMessages(channel).filter((m) => !m.interactionId);
    const titles = feedEvents(t.db).map((e) => `🔔 ${e.title_en}`);
    expect(posts.map((m) => m.content).sort()).toEqual(titles.sort());
    expect(posts).toHaveLength(4);
  });
});
