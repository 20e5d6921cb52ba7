/**
 * Shards: 10,000 servers through the fake Discord, every start in its own process
 * (tools/bench/shard-child.ts) — the bot with every shard in one process over 1 shard and over
 * 4, next to a bare discord.js client with 4 shards in one process and discord.js's
 * ShardingManager (a process per shard, bare clients): time to ready and memory. The fake
 * gives `max_concurrency` 1, as Discord does a bot this size, so shards IDENTIFY 5 s apart,
 * and lets one shard hold all 10,000 servers (Discord would close it with 4011 above 2,500)
 * so that 1 shard can be measured at all. The recap fan-out over 4 shards: ./shards-fanout.ts.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { openDatabase } from "../../../db/index.ts";
import { FakeDiscord, spreadGuildId } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";

interface ChildReport {
  mode: string;
  readyMs: number;
  rss: number;
  guilds: number;
  shards: number;
  gc: boolean;
  perShardRss?: number[];
}

function child(ctx: WithDb, args: string[]): Promise<ChildReport> {
  const tsx = join(ctx.root, "node_modules", ".bin", "tsx");
  const p = spawn(tsx, [join(ctx.root, "tools", "bench", "shard-child.ts"), ...args], {
    cwd: ctx.root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? ctx.dir, NODE_OPTIONS: "--expose-gc" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  p.stdout.on("data", (d) => (out += String(d)));
  p.stderr.on("data", (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    p.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`shard child ${args[0]} failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

/** 10,000 servers (spread so that 4 shards get 2,500 each), three channels each like the memory section's. */
export function spreadGuilds(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: spreadGuildId(i, 4),
    name: `Server ${i + 1}`,
    channels: [{ name: "general" }, { name: "news" }, { name: "off-topic" }],
  }));
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** Time to ready and memory of `n` servers over 1 and 4 shards, one process vs a process per shard. */
export async function shardsSection(ctx: WithDb, n: number): Promise<Row[]> {
  const dbPath = join(ctx.dir, "shards-start.db");
  openDatabase(dbPath).close();
  const fake = await FakeDiscord.start({ guilds: spreadGuilds(n), sharding: { maxConcurrency: 1, maxGuildsPerShard: n } });
  const few = await FakeDiscord.start({ guilds: spreadGuilds(10) });
  let r: Record<"base" | "bot1" | "bot4" | "bare4" | "manager4", ChildReport>;
  try {
    ctx.say(
      `shards: ${n.toLocaleString("en-US")} servers — the bot over 1 and 4 shards, a bare client and ShardingManager over 4 (each start in its own process)`,
    );
    const base = await child(ctx, ["bot", few.apiBase, dbPath, "1"]);
    const bot1 = await child(ctx, ["bot", fake.apiBase, dbPath, "1"]);
    const bot4 = await child(ctx, ["bot", fake.apiBase, dbPath, "4"]);
    const bare4 = await child(ctx, ["bare", fake.apiBase, "4"]);
    const manager4 = await child(ctx, ["manager", fake.apiBase, "4"]);
    r = { base, bot1, bot4, bare4, manager4 };
  } finally {
    await few.stop();
    await fake.stop();
  }
  const all = [r.bot1, r.bot4, r.bare4, r.manager4].every((c) => c.guilds === n);
  const per1000 = (c: ChildReport) => (mb(c.rss) - mb(r.base.rss)) / (n / 1000);
  const rows: Row[] = [
    {
      measure: `time to ready, ${n.toLocaleString("en-US")} servers, 1 shard`,
      value: r.bot1.readyMs,
      unit: "ms",
      baseline: null,
      ratio: null,
      target: "",
      ok: null,
      detail: { guilds: r.bot1.guilds },
    },
    {
      measure: `time to ready, ${n.toLocaleString("en-US")} servers over 4 shards (one process)`,
      value: r.bot4.readyMs,
      unit: "ms",
      baseline: r.manager4.readyMs,
      ratio: r.bot4.readyMs / r.manager4.readyMs,
      target: "baseline: ShardingManager, 4 processes",
      ok: all ? null : false,
      detail: { bare4ReadyMs: r.bare4.readyMs, note: "max_concurrency 1: Discord lets one shard IDENTIFY per 5 s" },
    },
    ...[r.bot1, r.bot4].map(
      (c): Row => ({
        measure: `memory per 1,000 servers, ${c.shards} shard${c.shards > 1 ? "s" : ""}`,
        value: per1000(c),
        unit: "MB",
        baseline: null,
        ratio: null,
        target: "",
        ok: null,
        detail: { rssMB: mb(c.rss), baseRssMB: mb(r.base.rss), note: "RSS after ready minus the bot's with 10 servers, per 1,000 servers" },
      }),
    ),
    {
      measure: `memory, ${n.toLocaleString("en-US")} servers over 4 shards: the bot in one process vs ShardingManager (bare clients)`,
      value: mb(r.bot4.rss),
      unit: "MB",
      baseline: mb(r.manager4.rss),
      ratio: r.bot4.rss / r.manager4.rss,
      target: "< 1× (why one process)",
      ok: all && r.bot4.rss < r.manager4.rss,
      detail: { bare4RssMB: mb(r.bare4.rss), managerPerShardRssMB: (r.manager4.perShardRss ?? []).map(mb), gcExposed: r.bot4.gc },
    },
  ];
  return rows;
}
