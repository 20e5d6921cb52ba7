/**
 * The operator's endpoints (HTTP_PORT): /healthz says whether the gateway is ready and the
 * database answers, with the reasons when not; /metrics counts what the bot did — commands by
 * name and outcome, recaps, feed items by fate — and shows shards, leadership and database size.
 */
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startScheduledWork } from "../src/ops/scheduled.ts";
import { OpsServerError, startOpsServer, type OpsServer } from "../src/ops/server.ts";
import { parseTimeOfDay, slotAtOrBefore } from "../src/recap/slots.ts";
import { syncStories } from "../src/story/import.ts";
import { startTestBot } from "./helpers/bot.ts";
import { follow } from "./helpers/feeds.ts";
import { startFeedServer } from "./helpers/feed-server.ts";
import { until } from "./helpers/recap.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const log = createLogger("silent");
const HOUR = 3_600_000;

function fileDb() {
  const tmp = tempDir("storyline-ops-");
  cleanups.push(tmp.cleanup);
  const db = openDatabase(join(tmp.dir, "bot.db"));
  syncStories(db, "stories");
  return db;
}

async function ops(db = fileDb()): Promise<OpsServer> {
  const server = await startOpsServer({ host: "127.0.0.1", port: 0, db, log });
  cleanups.push(() => server.close());
  return server;
}

const get = async (server: OpsServer, path: string, method = "GET") => {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`, { method });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
};

/** The value of one sample line of the metrics text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("/healthz", () => {
  it("given the bot has not connected yet, then 503 saying it is starting; once it is ready, 200 with every shard ready and the database ok", async () => {
    const db = fileDb();
    const server = await ops(db);
    const before = await get(server, "/healthz");
    expect(before.status).toBe(503);
    expect(JSON.parse(before.text)).toMatchObject({ status: "unavailable", problems: ["the gateway is not ready yet (starting)"] });

    const t = await startTestBot({ db, config: { GATEWAY_SHARDS: 1 } });
    cleanups.push(() => t.stop());
    const scheduled = startScheduledWork(t.bot, server.metrics);
    cleanups.push(() => scheduled.stop());
    await scheduled.leader.check();
    server.attach({ client: t.bot.client, leader: scheduled.leader });
    const after = await get(server, "/healthz");
    expect(after.status).toBe(200);
    expect(after.type).toContain("application/json");
    expect(JSON.parse(after.text)).toMatchObject({
      status: "ok",
      problems: [],
      database: "ok",
      shards: [{ id: 0, status: "ready", guilds: 1 }],
      scheduler: { leader: true, holder: scheduled.leader.holder },
    });
  });

  it("given the database stops answering, then 503 naming the database", async () => {
    const db = fileDb();
    const server = await ops(db);
    const t = await startTestBot({ db });
    cleanups.push(() => t.stop());
    server.attach({ client: t.bot.client, leader: startScheduledWork(t.bot).leader });
    db.close();
    const res = await get(server, "/healthz");
    expect(res.status).toBe(503);
    expect(JSON.parse(res.text)).toMatchObject({ database: "unavailable", problems: [expect.stringMatching(/^the database does not answer: /)] });
  });

  it("given the gateway drops, then 503 naming the shard until it is back", async () => {
    const db = fileDb();
    const server = await ops(db);
    const t = await startTestBot({ db });
    cleanups.push(() => t.stop());
    const scheduled = startScheduledWork(t.bot);
    cleanups.push(() => scheduled.stop());
    server.attach({ client: t.bot.client, leader: scheduled.leader });
    t.fake.dropConnections(1000); // a close discord.js answers by identifying again, which takes a moment
    await until(() => t.bot.client.ws.shards.first()?.status !== 0, "the shard to notice");
    const down = await get(server, "/healthz");
    expect(down.status).toBe(503);
    expect(JSON.parse(down.text).problems).toEqual([expect.stringMatching(/^gateway shard 0 is /)]);
    await until(() => t.bot.client.ws.shards.first()?.status === 0, "the shard to be back", 10_000);
    expect((await get(server, "/healthz")).status).toBe(200);
  });
});

describe("/metrics", () => {
  it("counts commands by name and outcome with their answer times, and shows shards, leadership and database size", async () => {
    const db = fileDb();
    const server = await ops(db);
    const t = await startTestBot({ db, observer: server.metrics });
    cleanups.push(() => t.stop());
    const scheduled = startScheduledWork(t.bot, server.metrics);
    cleanups.push(() => scheduled.stop());
    await scheduled.leader.check();
    server.attach({ client: t.bot.client, leader: scheduled.leader });
    for (let i = 0; i < 3; i++) await (await t.fake.command({ name: "help" })).settled();
    await (await t.fake.command({ name: "event", options: { id: "no-such-event" } })).settled();
    await (await t.fake.autocomplete({ name: "who", focused: "name", value: "il" })).settled();

    const res = await get(server, "/metrics");
    expect(res.status).toBe(200);
    expect(res.type).toContain("text/plain");
    expect(sample(res.text, 'storyline_interactions_total{kind="command",name="help",outcome="ok"}')).toBe(3);
    expect(sample(res.text, 'storyline_interactions_total{kind="command",name="event",outcome="refused"}')).toBe(1);
    expect(sample(res.text, 'storyline_interactions_total{kind="autocomplete",name="who",outcome="ok"}')).toBe(1);
    expect(sample(res.text, 'storyline_interaction_duration_seconds_count{kind="command",name="help"}')).toBe(3);
    expect(sample(res.text, 'storyline_interaction_duration_seconds_bucket{le="5",kind="command",name="help"}')).toBe(3);
    expect(sample(res.text, 'storyline_shard_ready{shard="0"}')).toBe(1);
    expect(sample(res.text, 'storyline_guilds{shard="0"}')).toBe(1);
    expect(sample(res.text, "storyline_scheduler_leader")).toBe(1);
    // Until a checkpoint, most of a fresh database is in its write-ahead log.
    expect(sample(res.text, 'storyline_database_bytes{file="main"}')! + sample(res.text, 'storyline_database_bytes{file="wal"}')!).toBeGreaterThan(100_000);
    expect(sample(res.text, 'storyline_recaps_total{result="failed"}')).toBe(0);
    expect(res.text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("counts recaps posted and feed items by what became of them", async () => {
    const db = fileDb();
    const feeds = await startFeedServer();
    cleanups.push(() => feeds.stop());
    const server = await ops(db);
    // The bot's clock is two hours ahead: today's recap slot (an hour ahead of the real time) has passed for it.
    const ahead = () => Date.now() + 2 * HOUR;
    const t = await startTestBot({ db, observer: server.metrics, now: ahead });
    cleanups.push(() => t.stop());
    const at = new Date(Date.now() + HOUR);
    const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
    const slot = slotAtOrBefore(ahead(), parseTimeOfDay(time)!, "UTC");
    const guild = t.fake.defaultGuild();
    upsertRecapSchedule(db, {
      guildId: guild.id,
      storyId: getStoryBySlug(db, BUNDLED_STORY)!.id,
      channelId: guild.channels[0]!.id,
      time,
      timezone: "UTC",
      userId: null,
      now: slot - 24 * HOUR,
      nextSlot: slot,
      watermark: slot - 48 * HOUR,
    });
    follow(db, feeds.url("/f/rss.xml"), { keywords: ["openai"] });
    const scheduled = startScheduledWork(t.bot, server.metrics);
    cleanups.push(() => scheduled.stop());
    await scheduled.leader.check();
    server.attach({ client: t.bot.client, leader: scheduled.leader });
    await until(() => t.fake.channelMessages(guild.channels[0]!.id).length > 0, "the recap", 10_000);
    const poll = await scheduled.feeds.current()!.pollNow();
    expect(poll.results[0]?.newItems).toBeGreaterThan(0);

    let text = "";
    for (const end = Date.now() + 5000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
      text = (await get(server, "/metrics")).text;
      if (sample(text, 'storyline_recaps_total{result="posted"}') === 1) break;
    }
    expect(sample(text, 'storyline_recaps_total{result="posted"}')).toBe(1);
    const fate = (f: string) => sample(text, `storyline_feed_items_total{fate="${f}"}`) ?? 0;
    const r = poll.results[0]!;
    expect(fate("pending")).toBe(r.created - r.published);
    expect(fate("published")).toBe(r.published);
    expect(fate("unmatched") + fate("duplicate") + fate("pending") + fate("published")).toBe(r.newItems);
    expect(sample(text, 'storyline_feed_fetches_total{outcome="ok"}')).toBe(1);
  });
});

describe("the ops server", () => {
  it("answers only GET and HEAD of its two paths", async () => {
    const server = await ops();
    expect((await get(server, "/")).status).toBe(404);
    expect((await get(server, "/metrics", "POST")).status).toBe(405);
    const head = await get(server, "/healthz", "HEAD");
    expect(head.status).toBe(503);
    expect(head.text).toBe("");
  });

  it("given a port already in use, then a clear error naming HTTP_PORT", async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", () => r()));
    cleanups.push(() => new Promise((r) => taken.close(r)));
    const port = (taken.address() as { port: number }).port;
    const err = await startOpsServer({ host: "127.0.0.1", port, db: fileDb(), log }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpsServerError);
    expect((err as Error).message).toBe(`HTTP_PORT ${port} on 127.0.0.1 is already in use`);
  });
});
