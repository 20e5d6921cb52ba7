/**
 * One side of the memory comparison, in its own process: `bot` starts the real bot (on the
 * given database), `bare` a plain discord.js client (Guilds intent, default caches); both log
 * in to the fake Discord at `apiBase`, wait until ready with every guild, collect garbage
 * (run with NODE_OPTIONS=--expose-gc) and print their memory as one JSON line.
 *
 *   tsx tools/bench/memory-child.ts bot|bare <apiBase> [dbPath]
 */
import { Client, Events, GatewayIntentBits } from "discord.js";
import { openDatabase } from "../../db/index.ts";
import { startBot } from "../../src/bot/app.ts";
import { loadConfig } from "../../src/config.ts";
import { SLUG } from "./generate.ts";
import { BENCH_TOKEN, quietLogger } from "./sections/quiet-log.ts";

const [mode, apiBase, dbPath] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 200));
    gc?.();
  }
}

async function main(): Promise<void> {
  if (!apiBase || (mode !== "bot" && mode !== "bare") || (mode === "bot" && !dbPath)) throw new Error("usage: memory-child.ts bot|bare <apiBase> [dbPath]");
  let client: Client;
  let stop: () => Promise<void>;
  if (mode === "bot") {
    const db = openDatabase(dbPath!);
    const config = { ...loadConfig({}), DISCORD_API_BASE: apiBase, DEFAULT_STORY: SLUG };
    const bot = await startBot({ config, db, log: quietLogger().log, token: BENCH_TOKEN, readyTimeoutMs: 120_000 });
    client = bot.client;
    stop = async () => {
      await bot.stop();
      db.close();
    };
  } else {
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: apiBase } });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(BENCH_TOKEN);
    await ready;
    stop = () => client.destroy();
  }
  await settle();
  const m = process.memoryUsage();
  process.stdout.write(`${JSON.stringify({ mode, rss: m.rss, heapUsed: m.heapUsed, external: m.external, guilds: client.guilds.cache.size, gc: !!gc })}\n`);
  await stop();
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
