/**
 * The fuzz run: starts the world, sends interactions with bounded concurrency until the
 * run count or the time is reached, checks every invariant per interaction, then checks
 * that the bot is still alive and answering, and returns what it counted and found.
 */
import type { Command } from "../../src/context.ts";
import { pickActor, actorInput } from "./actors.ts";
import { aliveProblems, answer, answerKind, count } from "./answers.ts";
import { KINDS, type ActionContext, type FuzzCase, type Kind, type Sent } from "./case.ts";
import { RequestAudit, type Problem } from "./checks.ts";
import { autocomplete, command, tamperedCommand } from "./commands.ts";
import { click, modal, select, tamperedClick, tamperedModal, tamperedSelect } from "./components.ts";
import { Memory } from "./memory.ts";
import { Rng } from "./prng.ts";
import { leavesOf } from "./schema.ts";
import { FUZZ_TOKEN } from "./token.ts";
import { startWorld } from "./world.ts";

export interface FuzzOptions {
  seed: number;
  /** Stop after this many interactions (default 1000 unless `seconds` is set). */
  runs?: number;
  /** Stop after this many seconds. */
  seconds?: number;
  /** Interactions in flight at once (default 4). */
  concurrency?: number;
  /** Replaces the commands in commands/ (to show that the fuzzer catches a broken one). */
  commands?: Map<string, Command>;
  /** Called every 100 interactions. */
  onProgress?: (done: number) => void;
}

/** A broken invariant with the interaction that broke it, when known. */
export interface Failure extends Problem {
  case?: FuzzCase;
}

export interface FuzzReport {
  seed: number;
  interactions: number;
  elapsedMs: number;
  byKind: Partial<Record<Kind, number>>;
  /** Slash commands sent, by "/command subcommand". */
  byCommand: Record<string, number>;
  /** How the bot answered: a public or ephemeral message, an update, a modal, choices. */
  answers: Record<string, number>;
  skipped: Record<string, number>;
  requests: number;
  logLines: Record<string, number>;
  failures: Failure[];
}

const GENERATORS: Record<Kind, (rng: Rng, ctx: ActionContext, n: number) => Promise<Sent>> = {
  command,
  tamperedCommand,
  autocomplete,
  click,
  tamperedClick,
  select,
  tamperedSelect,
  modal,
  tamperedModal,
};

/** Runs the fuzzer and reports; never throws for what the bot did (only if the world cannot start). */
export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const runs = opts.runs ?? (opts.seconds ? Number.POSITIVE_INFINITY : 1000);
  const until = opts.seconds ? started + opts.seconds * 1000 : Number.POSITIVE_INFINITY;
  const failures: Failure[] = [];
  const onRejection = (err: unknown) =>
    failures.push({ invariant: "process", detail: `unhandled rejection: ${String((err as Error)?.stack ?? err).slice(0, 1000)}` });
  const onException = (err: Error) => failures.push({ invariant: "process", detail: `uncaught exception: ${String(err.stack ?? err).slice(0, 1000)}` });
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);

  const cases = new Map<string, FuzzCase>();
  const report: FuzzReport = {
    seed: opts.seed,
    interactions: 0,
    elapsedMs: 0,
    byKind: {},
    byCommand: {},
    answers: {},
    skipped: {},
    requests: 0,
    logLines: {},
    failures,
  };
  const record = (problems: Problem[]) => {
    for (const p of problems) failures.push({ ...p, ...(p.interactionId && cases.has(p.interactionId) ? { case: cases.get(p.interactionId)! } : {}) });
  };
  try {
    const world = await startWorld(new Rng(opts.seed), opts.commands);
    const audit = new RequestAudit(world.fake, [FUZZ_TOKEN]);
    try {
      const ctx: ActionContext = { world, memory: new Memory(), leaves: leavesOf(world.fake.commandsFor(world.guildIds[0]!)) };
      // A first plain member's payload to clone for hand-built interactions.
      const first = { ...pickActor(new Rng(opts.seed), world), admin: false, guildId: world.guildIds[0]!, channelId: world.fake.defaultChannel().id };
      ctx.memory.learn((await world.fake.command({ name: "help", ...actorInput(first) })).payload, null, first);

      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < runs && Date.now() < until) {
          const n = next++;
          const rng = Rng.derive(opts.seed, n);
          const kind = rng.weighted(KINDS);
          let sent: Sent;
          try {
            sent = await GENERATORS[kind](rng, ctx, n);
          } catch (err) {
            // The fake refuses what its client would not send (e.g. a button that changed meanwhile).
            sent = { skipped: `${kind}: ${(err as Error).message.replace(/\d{6,}/g, "#").slice(0, 120)}` };
          }
          if ("skipped" in sent) {
            count(report.skipped, sent.skipped);
            continue;
          }
          cases.set(sent.handle.id, sent.case);
          audit.idByToken.set(sent.handle.token, sent.handle.id);
          count(report.byKind, sent.case.kind);
          if (++report.interactions % 100 === 0) opts.onProgress?.(report.interactions);
          if (sent.case.kind === "command" || sent.case.kind === "tamperedCommand") count(report.byCommand, sent.case.target);
          const { outcome, problems } = await answer(sent.handle);
          if (outcome) count(report.answers, answerKind(outcome));
          ctx.memory.learn(sent.handle.payload, outcome, sent.case.actor);
          record([...problems, ...audit.drain()]);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
      await new Promise((r) => setTimeout(r, 200));
      record([...audit.drain(), ...(await aliveProblems(world))]);
      await new Promise((r) => setTimeout(r, 100));
      record(audit.drain());
      record(
        world.logs.findings.map((f) => ({
          invariant: "error log" as const,
          detail: `${f.msg}${f.err ? `: ${f.err}` : ""}`,
          ...(f.interactionId ? { interactionId: f.interactionId } : {}),
        })),
      );
    } finally {
      report.requests = audit.checked;
      report.logLines = world.logs.counts;
      await world.stop();
    }
  } finally {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
    report.elapsedMs = Date.now() - started;
  }
  return report;
}
