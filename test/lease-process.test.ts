/**
 * Two `npm start` processes on one database against the fake Discord: exactly one runs the
 * scheduled work; killed with SIGKILL or frozen with SIGSTOP, the other takes over and posts
 * the next recap once. The lease is 2 s here (SCHEDULER_LEASE_SECONDS), renewed every 0.67 s.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { recapMarker } from "../src/recap/nonce.ts";
import { parseTimeOfDay, slotAtOrBefore } from "../src/recap/slots.ts";
import { importFiles } from "../src/story/import.ts";
import { FakeDiscord, spreadGuildId, type FakeGuild } from "../tools/fake-discord/index.ts";
import { kill9, query, sleep, startBotProcess } from "./helpers/drills.ts";
import { until } from "./helpers/recap.ts";
import type { Spawned } from "./helpers/spawn.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLUG = "mini-story";
const HOUR = 3_600_000;
const TOOK = /"msg":"took the scheduler lease/;

async function shardedFake(guilds: number, shards: number): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({
    guilds: Array.from({ length: guilds }, (_, i) => ({ id: spreadGuildId(i, shards), name: `Server ${i}`, channels: [{ name: "news" }] })),
    sharding: { maxConcurrency: 16 },
  });
  cleanups.push(() => fake.stop());
  return fake;
}

/** A database with the mini story, whose events were added an hour before today's slot (two hours ago). */
function world() {
  const tmp = tempDir("storyline-shards-");
  cleanups.push(tmp.cleanup);
  mkdirSync(join(tmp.dir, "stories"));
  const dbPath = join(tmp.dir, "bot.db");
  const at = new Date(Date.now() - 2 * HOUR);
  const time = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  const slot = slotAtOrBefore(Date.now(), parseTimeOfDay(time)!, "UTC");
  const db = openDatabase(dbPath);
  expect(importFiles(db, [tmp.file("story.yaml", miniStory(SLUG))], slot - HOUR).ok).toBe(true);
  const storyId = getStoryBySlug(db, SLUG)!.id;
  db.close();
  /** Makes `guild`'s recap due now (its slot passed). */
  const due = (guild: FakeGuild) => {
    const w = openDatabase(dbPath);
    const s = upsertRecapSchedule(w, {
      guildId: guild.id,
      storyId,
      channelId: guild.channels[0]!.id,
      time,
      timezone: "UTC",
      userId: null,
      now: slot - 24 * HOUR,
      nextSlot: slot,
      watermark: slot - 24 * HOUR,
    });
    w.close();
    return s;
  };
  const env = { DATABASE_PATH: dbPath, STORIES_DIR: join(tmp.dir, "stories"), DEFAULT_STORY: SLUG, GATEWAY_SHARDS: "2", SCHEDULER_LEASE_SECONDS: "2" };
  return { dir: tmp.dir, dbPath, slot, due, env };
}

async function bot(fake: FakeDiscord, env: Record<string, string>, cwd: string): Promise<Spawned> {
  const p = await startBotProcess(fake, env, cwd);
  cleanups.push(() => kill9(p));
  return p;
}

describe("two processes on one database", () => {
  it("given two bots, then only the first runs the recaps; killed with SIGKILL, the other takes over and posts the next recap once", async () => {
    const fake = await shardedFake(4, 2);
    const w = world();
    const [g0, g1] = fake.guilds as [FakeGuild, FakeGuild];
    const s0 = w.due(g0);
    const a = await bot(fake, w.env, w.dir);
    await a.waitFor(TOOK);
    const b = await bot(fake, w.env, w.dir);
    await until(() => fake.channelMessages(g0.channels[0]!.id).length > 0, "the first recap", 10_000);
    await sleep(2500); // more than the lease: B stays a standby while A renews
    expect(b.stderr()).not.toMatch(TOOK);
    expect(b.stderr()).not.toContain("recap posted");

    await kill9(a);
    const s1 = w.due(g1);
    await b.waitFor(TOOK, 10_000);
    await until(
      () => query<{ n: number }>(w.dbPath, "SELECT count(*) AS n FROM recap_schedules WHERE id = ? AND last_slot = ?", s1.id, w.slot)[0]!.n === 1,
      "the next recap",
      10_000,
    );
    await sleep(500);
    expect(fake.channelMessages(g0.channels[0]!.id).map((m) => m.nonce)).toEqual([recapMarker(s0.id, w.slot, 0)]);
    expect(fake.channelMessages(g1.channels[0]!.id).map((m) => m.nonce)).toEqual([recapMarker(s1.id, w.slot, 0)]);
    expect(a.stderr()).toContain("recap posted");
    expect(b.stderr()).toContain("recap posted");
  });

  it("given the leader frozen (SIGSTOP), then the other takes over once its lease ran out, and the old one steps down when it wakes", async () => {
    const fake = await shardedFake(2, 2);
    const w = world();
    const [, g1] = fake.guilds as [FakeGuild, FakeGuild];
    const a = await bot(fake, w.env, w.dir);
    await a.waitFor(TOOK);
    const b = await bot(fake, w.env, w.dir);
    a.child.kill("SIGSTOP");
    cleanups.push(() => a.child.kill("SIGCONT"));
    const frozenAt = Date.now();
    const s1 = w.due(g1);
    await b.waitFor(TOOK, 10_000);
    expect(Date.now() - frozenAt).toBeGreaterThan(1000); // it waited for the lease (2 s, renewed every 0.67 s) to run out
    await until(() => fake.channelMessages(g1.channels[0]!.id).length === 1, "the recap", 10_000);
    a.child.kill("SIGCONT");
    await a.waitFor(/lost the scheduler lease/, 10_000);
    await sleep(1500);
    expect(fake.channelMessages(g1.channels[0]!.id).map((m) => m.nonce)).toEqual([recapMarker(s1.id, w.slot, 0)]);
    expect(a.stderr()).not.toContain("recap posted");
  });
});
