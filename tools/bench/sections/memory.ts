/**
 * Resident memory after ready with 1,000 guilds: the bot next to a bare discord.js client,
 * each in its own child process (tools/bench/memory-child.ts) against one fake Discord run here.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { FakeDiscord } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";

interface ChildReport {
  mode: string;
  rss: number;
  heapUsed: number;
  guilds: number;
  gc: boolean;
}

function measure(ctx: WithDb, mode: "bot" | "bare", apiBase: string): Promise<ChildReport> {
  const tsx = join(ctx.root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, [join(ctx.root, "tools", "bench", "memory-child.ts"), mode, apiBase, ctx.dbPath], {
    cwd: ctx.dir,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? ctx.dir, NODE_OPTIONS: "--expose-gc" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (code !== 0 || !line) reject(new Error(`memory child (${mode}) failed (${code}): ${err.slice(-2000)}`));
      else resolve(JSON.parse(line) as ChildReport);
    });
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** RSS of bot and bare client, alternating `rounds` times; medians compared. */
export async function memorySection(ctx: WithDb, guilds: number, rounds: number): Promise<Row[]> {
  const fake = await FakeDiscord.start({
    guilds: Array.from({ length: guilds }, (_, i) => ({ name: `Server ${i + 1}`, channels: [{ name: "general" }, { name: "news" }, { name: "off-topic" }] })),
  });
  const bot: ChildReport[] = [];
  const bare: ChildReport[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      ctx.say(`memory: round ${r + 1} of ${rounds} (${guilds} guilds)`);
      for (const mode of r % 2 ? (["bare", "bot"] as const) : (["bot", "bare"] as const)) {
        (mode === "bot" ? bot : bare).push(await measure(ctx, mode, fake.apiBase));
      }
    }
  } finally {
    await fake.stop();
  }
  const mb = (b: number) => b / 2 ** 20;
  const botRss = mb(median(bot.map((b) => b.rss)));
  const bareRss = mb(median(bare.map((b) => b.rss)));
  const allReady = [...bot, ...bare].every((c) => c.guilds === guilds);
  return [
    {
      measure: `memory (RSS after ready, ${guilds.toLocaleString("en-US")} guilds)`,
      value: botRss,
      unit: "MB",
      baseline: bareRss,
      ratio: botRss / bareRss,
      target: "≤ 1.25× bare client",
      ok: allReady && botRss / bareRss <= 1.25,
      detail: { bot, bare, gcExposed: bot.every((b) => b.gc) },
    },
  ];
}
