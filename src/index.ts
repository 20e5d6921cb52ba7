/**
 * `npm start`: config → database (migrations, then every story file synced) → health and
 * metrics endpoints (if HTTP_PORT) → story pages (if WEB_PORT) → discord.js client, every shard → scheduled work, while
 * this process holds the scheduler lease. Without DISCORD_TOKEN it exits 1 at once, saying
 * how to set one and that `npm run sandbox` needs none.
 */
import { configOrExit, fail } from "./cli.ts";
import { checkDatabase, type Db, DatabaseOpenError, openDatabase } from "../db/index.ts";
import { startBot } from "./bot/app.ts";
import { onShutdown } from "./bot/shutdown.ts";
import type { Config } from "./config.ts";
import { createLogger } from "./log.ts";
import { startScheduledWork } from "./ops/scheduled.ts";
import { OpsServerError, startOpsServer } from "./ops/server.ts";
import { describeImport, listedProblems } from "./story/import.ts";
import { type SyncResult, syncInWorker } from "./story/import-worker.ts";
import { loadSegmenter } from "./newsroom/jieba.ts";
import { startWebPages } from "./web/index.ts";

const NO_TOKEN = `Storyline cannot start: DISCORD_TOKEN is not set.
Put your bot's token in a .env file (copy .env.example) or in the environment, e.g.
  DISCORD_TOKEN=your-bot-token npm start
To try Storyline without a Discord account or token, run: npm run sandbox`;

/**
 * How long a write waits for another writer (an import, say). Under Discord's 3-second
 * answer deadline, so a command that meets a lock still answers (clearly) in time.
 */
const BUSY_TIMEOUT_MS = 2000;

async function main(): Promise<void> {
  const config: Config = configOrExit();
  const token = config.DISCORD_TOKEN;
  if (!token) fail(NO_TOKEN);
  const log = createLogger(config.LOG_LEVEL, process.stderr, [token]);
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));

  // The database must be whole and writable before anything else; a story file can never stop the start.
  let db: Db | undefined;
  let sync: SyncResult;
  try {
    db = openDatabase(config.DATABASE_PATH, { busyTimeoutMs: BUSY_TIMEOUT_MS });
    checkDatabase(db);
    // In a worker: a large story file holds no event loop (health checks answer meanwhile).
    sync = await syncInWorker(db, config.STORIES_DIR, { maxHeapMb: config.IMPORT_WORKER_MAX_MB });
    // Chinese segmentation's dictionary (~250 ms) now, while nothing is answered yet, rather than in the first feed poll.
    loadSegmenter();
  } catch (err) {
    db?.close();
    if (err instanceof DatabaseOpenError) fail(`Storyline cannot start: ${err.message}`);
    throw err;
  }
  for (const r of sync.results) log.info({ story: r.slug }, describeImport(r));
  for (const r of sync.refusals) log.error({ path: r.path, problems: listedProblems(r.problems) }, "story file refused; its last good import stays");

  const port = config.HTTP_PORT;
  const ops = port
    ? await startOpsServer({ host: config.HTTP_HOST, port, db, log }).catch((err: unknown) => {
        db.close();
        if (err instanceof OpsServerError) fail(`Storyline cannot start: ${err.message}`);
        throw err;
      })
    : null;

  const web = await startWebPages(config, log, db).catch((err: unknown) => fail(`Storyline cannot start: ${(err as Error).message}`));

  let bot;
  try {
    bot = await startBot({ config, db, log, token, observer: ops?.metrics });
  } catch (err) {
    await ops?.close();
    db.close();
    const e = err as { code?: unknown; message?: string };
    const why = e.code === "TokenInvalid" || /token/i.test(e.message ?? "") ? "Discord refused the token (check DISCORD_TOKEN)" : (e.message ?? String(err));
    fail(`Storyline cannot start: ${why}`);
  }
  const running = bot;
  // Recaps and feeds run once every guild has arrived, in whichever process holds the scheduler
  // lease; on shutdown they stop first, finishing a post in flight, and the lease is given up.
  const scheduled = startScheduledWork(running, ops?.metrics);
  ops?.attach({ client: running.client, leader: scheduled.leader });
  onShutdown(log, [() => scheduled.stop(), () => running.stop(), () => ops?.close(), () => web?.close(), () => void db.close()]);
}

void main();
