/**
 * `npm start` as a real process against the fake Discord with GATEWAY_SHARDS=2: one process
 * serves the servers of both shards, and /healthz and /metrics say so.
 * (Two processes on one database: test/lease-process.test.ts.)
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRest, deployCommands } from "../src/bot/deploy.ts";
import { loadCommands } from "../src/bot/loader.ts";
import { FakeDiscord, shardOf, spreadGuildId } from "../tools/fake-discord/index.ts";
import { TEST_TOKEN, textOf } from "./helpers/bot.ts";
import { kill9, startBotProcess } from "./helpers/drills.ts";
import { freePort } from "./helpers/ports.ts";
import { until } from "./helpers/recap.ts";
import { ROOT } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe("npm start with GATEWAY_SHARDS", () => {
  it("given GATEWAY_SHARDS=2, then one process serves the servers of both shards and /healthz and /metrics say so", async () => {
    const fake = await FakeDiscord.start({
      guilds: Array.from({ length: 6 }, (_, i) => ({ id: spreadGuildId(i, 2), name: `Server ${i}` })),
      sharding: { maxConcurrency: 16 },
    });
    cleanups.push(() => fake.stop());
    const tmp = tempDir("storyline-shards-");
    cleanups.push(tmp.cleanup);
    mkdirSync(join(tmp.dir, "data"));
    const port = await freePort();
    const env = { DATABASE_PATH: join(tmp.dir, "data", "bot.db"), STORIES_DIR: join(ROOT, "stories"), GATEWAY_SHARDS: "2", HTTP_PORT: String(port) };
    const p = await startBotProcess(fake, env, tmp.dir);
    cleanups.push(() => kill9(p));
    await deployCommands(createRest(TEST_TOKEN, fake.apiBase), fake.applicationId, (await loadCommands()).values());
    expect(fake.liveShards).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const g of fake.guilds) {
      const out = await (await fake.command({ name: "help", guildId: g.id, channelId: g.channels[0]!.id })).settled();
      expect(textOf(out.reply), `${g.name} on shard ${shardOf(g.id, 2)}`).toContain("/who");
    }
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { shards: { id: number; status: string; guilds: number }[] };
    expect(body.shards).toEqual([
      expect.objectContaining({ id: 0, status: "ready", guilds: 3 }),
      expect.objectContaining({ id: 1, status: "ready", guilds: 3 }),
    ]);
    await until(() => /"msg":"took the scheduler lease/.test(p.stderr()), "the lease");
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain('storyline_interactions_total{kind="command",name="help",outcome="ok"} 6');
    expect(metrics).toMatch(/storyline_shard_ready\{shard="1"\} 1/);
    expect(metrics).toMatch(/storyline_scheduler_leader 1/);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });
});
