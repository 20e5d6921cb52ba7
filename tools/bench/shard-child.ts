/**
 * One side of the shards comparison, in its own process, against the fake Discord at `apiBase`:
 *
 *   tsx tools/bench/shard-child.ts bot <apiBase> <dbPath> <shards>   the real bot, every shard in this process
 *   tsx tools/bench/shard-child.ts bare <apiBase> <shards>           a bare discord.js client, the same
 *   tsx tools/bench/shard-child.ts manager <apiBase> <shards>        discord.js's ShardingManager: one bare client per process
 *
 * Each waits until every shard is ready with its guilds, collects garbage (NODE_OPTIONS=--expose-gc)
 * and prints one JSON line: time from login to ready, and resident memory (for `manager`, of the
 * manager and every shard process together). `shard` is what ShardingManager runs per process.
 */
import { Client, Events, GatewayIntentBits, ShardingManager } from "discord.js";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/index.ts";
import { startBot } from "../../src/bot/app.ts";
import { loadConfig } from "../../src/config.ts";
import { BENCH_TOKEN, quietLogger } from "./sections/quiet-log.ts";

const [mode, apiBase, ...rest] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 200));
    gc?.();
  }
}

function bareClient(shards?: number): Client {
  const sharding = shards ? { shards: Array.from({ length: shards }, (_, i) => i), shardCount: shards } : {};
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiBase! }, ...sharding });
}

async function loginAndWait(client: Client): Promise<number> {
  const t0 = performance.now();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(BENCH_TOKEN);
  await ready;
  return performance.now() - t0;
}

const report = (body: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ mode, ...body })}\n`);

async function main(): Promise<void> {
  if (mode === "shard") {
    // Run by ShardingManager: discord.js takes SHARDS / SHARD_COUNT from the environment it set.
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiBase! } });
    await client.login(process.env.DISCORD_TOKEN);
    return new Promise(() => undefined); // until the manager kills it
  }
  if (mode === "bot") {
    const [dbPath, shards] = rest;
    const db = openDatabase(dbPath!);
    const config = { ...loadConfig({}), DISCORD_API_BASE: apiBase, GATEWAY_SHARDS: Number(shards) };
    const t0 = performance.now();
    const bot = await startBot({ config, db, log: quietLogger().log, token: BENCH_TOKEN, readyTimeoutMs: 120_000 });
    const readyMs = performance.now() - t0;
    await settle();
    report({ readyMs, rss: process.memoryUsage().rss, guilds: bot.client.guilds.cache.size, shards: bot.client.ws.shards.size, gc: !!gc });
    await bot.stop();
    db.close();
    return;
  }
  if (mode === "bare") {
    const client = bareClient(Number(rest[0]));
    const readyMs = await loginAndWait(client);
    await settle();
    report({ readyMs, rss: process.memoryUsage().rss, guilds: client.guilds.cache.size, shards: client.ws.shards.size, gc: !!gc });
    await client.destroy();
    return;
  }
  if (mode === "manager") {
    const shards = Number(rest[0]);
    const manager = new ShardingManager(fileURLToPath(import.meta.url), {
      totalShards: shards,
      token: BENCH_TOKEN,
      shardArgs: ["shard", apiBase!],
      execArgv: ["--import", "tsx", "--expose-gc"],
      respawn: false,
    });
    const t0 = performance.now();
    await manager.spawn({ amount: shards, timeout: 120_000 });
    const readyMs = performance.now() - t0;
    await settle();
    const perShard = (await manager.broadcastEval((c) => {
      (globalThis as { gc?: () => void }).gc?.();
      return { rss: process.memoryUsage().rss, guilds: c.guilds.cache.size };
    })) as { rss: number; guilds: number }[];
    const rss = process.memoryUsage().rss + perShard.reduce((n, s) => n + s.rss, 0);
    report({ readyMs, rss, guilds: perShard.reduce((n, s) => n + s.guilds, 0), shards: perShard.length, perShardRss: perShard.map((s) => s.rss), gc: !!gc });
    for (const shard of manager.shards.values()) shard.kill();
    return;
  }
  throw new Error("usage: shard-child.ts bot <apiBase> <dbPath> <shards> | bare <apiBase> <shards> | manager <apiBase> <shards>");
}

main().then(
  () => {
    if (mode !== "shard") process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
