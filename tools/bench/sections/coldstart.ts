/**
 * Cold start: `npm start` as it runs (`tsx src/index.ts`) on the million-event database,
 * against a fake Discord, from spawn to the "ready" log line; next to a bare `tsx -e ''`
 * (tsx's own start-up, part of every start).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { FakeDiscord } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import { SLUG } from "../generate.ts";
import type { Row } from "../report.ts";
import { summarize } from "../stats.ts";
import { BENCH_TOKEN } from "./quiet-log.ts";

/** Spawns tsx with `args`; resolves with the ms until `until` matches stderr (then stops it), or until it exits. */
function timeStart(ctx: WithDb, args: string[], env: Record<string, string>, until: RegExp | null): Promise<number> {
  const t0 = performance.now();
  const child = spawn(join(ctx.root, "node_modules", ".bin", "tsx"), args, {
    cwd: ctx.dir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? ctx.dir, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  return new Promise((resolve, reject) => {
    let done = false;
    child.stderr.on("data", (d) => {
      err += String(d);
      if (!done && until && until.test(err)) {
        done = true;
        const ms = performance.now() - t0;
        child.once("exit", () => resolve(ms));
        child.kill("SIGTERM");
      }
    });
    child.on("exit", (code) => {
      if (done) return;
      done = true;
      if (!until && code === 0) resolve(performance.now() - t0);
      else reject(new Error(`start failed (${code}): ${err.slice(-2000)}`));
    });
  });
}

/** `runs` cold starts of the bot and of bare tsx, alternating. */
export async function coldStartSection(ctx: WithDb, runs: number): Promise<Row[]> {
  const fake = await FakeDiscord.start();
  const env = {
    DISCORD_TOKEN: BENCH_TOKEN,
    DISCORD_API_BASE: fake.apiBase,
    DATABASE_PATH: ctx.dbPath,
    STORIES_DIR: join(ctx.root, "stories"),
    DEFAULT_STORY: SLUG,
    LOG_LEVEL: "info",
  };
  const bot: number[] = [];
  const tsx: number[] = [];
  try {
    for (let r = 0; r < runs; r++) {
      ctx.say(`cold start ${r + 1} of ${runs}`);
      bot.push(await timeStart(ctx, [join(ctx.root, "src", "index.ts")], env, /"msg":"ready"/));
      tsx.push(await timeStart(ctx, ["-e", ""], {}, null));
    }
  } finally {
    await fake.stop();
  }
  const b = summarize(bot);
  const t = summarize(tsx);
  return [
    {
      measure: "cold start to ready (tsx src/index.ts)",
      value: b.median,
      unit: "ms",
      baseline: t.median,
      ratio: b.median / t.median,
      target: "< 1,500 ms",
      ok: b.median < 1500,
      detail: { bot, bareTsx: tsx, first: bot[0] },
    },
  ];
}
