/**
 * End to end through the fake Discord with the real discord.js client and the real bot on
 * the million-event database: from `fake.command(...)` to the settled answer, for /help (the
 * floor: no database work) and /who, /search, /timeline, round-robin so noise hits all alike.
 */
import { loadConfig } from "../../../src/config.ts";
import { startBot } from "../../../src/bot/app.ts";
import { createRest, deployCommands } from "../../../src/bot/deploy.ts";
import { FakeDiscord, type FakeCommandInput } from "../../fake-discord/index.ts";
import type { WithDb } from "../context.ts";
import { SLUG } from "../generate.ts";
import type { Row } from "../report.ts";
import { summarize, since } from "../stats.ts";
import { drawInputs } from "./inputs.ts";
import { BENCH_TOKEN, quietLogger } from "./quiet-log.ts";

const WARMUP = 20;

/** Round trips of /help, /who, /search and /timeline, `n` each. */
export async function e2eSection(ctx: WithDb, n: number): Promise<Row[]> {
  const fake = await FakeDiscord.start();
  const { log, lines } = quietLogger();
  const config = { ...loadConfig({}), DISCORD_API_BASE: fake.apiBase, DEFAULT_STORY: SLUG };
  const bot = await startBot({ config, db: ctx.db, log, token: BENCH_TOKEN });
  const inp = drawInputs(ctx.syn, n + WARMUP, 1);
  const kinds: { name: string; make: (i: number) => FakeCommandInput }[] = [
    { name: "/help", make: () => ({ name: "help" }) },
    { name: "/who", make: (i) => ({ name: "who", options: { name: inp.names[i]! } }) },
    { name: "/search", make: (i) => ({ name: "search", options: { query: inp.search["rare English word"][i]! } }) },
    { name: "/timeline", make: () => ({ name: "timeline" }) },
  ];
  const samples = new Map(kinds.map((k) => [k.name, [] as number[]]));
  let unanswered = 0;
  try {
    await deployCommands(createRest(BENCH_TOKEN, fake.apiBase), fake.applicationId, bot.commands.values(), fake.defaultGuild().id);
    for (let i = 0; i < n + WARMUP; i++) {
      if (i === WARMUP) ctx.say(`end to end: ${n} rounds of ${kinds.map((k) => k.name).join(", ")}`);
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(i + k) % kinds.length]!;
        const input = { ...kind.make(i), locale: inp.langs[i] === "zh" ? "zh-CN" : "en-US" };
        const t0 = performance.now();
        const outcome = await (await fake.command(input)).settled({ quietMs: 0 });
        const ms = since(t0);
        if (!outcome.reply) unanswered++;
        if (i >= WARMUP) samples.get(kind.name)!.push(ms);
      }
    }
  } finally {
    await bot.stop();
    await fake.stop();
  }
  const help = summarize(samples.get("/help")!);
  return kinds.flatMap((k): Row[] => {
    const s = summarize(samples.get(k.name)!);
    const floor = k.name === "/help";
    const isWho = k.name === "/who";
    return [
      {
        measure: `end to end ${k.name} median`,
        value: s.median,
        unit: "ms",
        baseline: floor ? null : help.median,
        ratio: floor ? null : s.median / help.median,
        target: isWho ? "≤ 1.5× /help" : "—",
        ok: isWho ? s.median / help.median <= 1.5 : null,
        detail: { ...s, unanswered, loggedWarnings: lines.length },
      },
      {
        measure: `end to end ${k.name} p99`,
        value: s.p99,
        unit: "ms",
        baseline: floor ? null : help.p99,
        ratio: floor ? null : s.p99 / help.p99,
        target: "—",
        ok: null,
      },
    ];
  });
}
