/**
 * `npm run fuzz [-- --runs N | --seconds S] [--seed N] [--concurrency N]`: drives the real
 * bot against the fake Discord with random and adversarial input for every option of every
 * registered command, every button, select and modal it shows, and checks the invariants
 * (see driver.ts). Prints the counts and each distinct failure with its input; exits 1 on
 * any failure.
 */
import { parseArgs } from "node:util";
import { runFuzz } from "./driver.ts";
import { formatReport } from "./report.ts";

const USAGE = "usage: npm run fuzz -- [--runs N | --seconds S] [--seed N] [--concurrency N]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function positive(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) fail(`fuzz: --${name} must be a whole number, got "${text}"`);
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        runs: { type: "string" },
        seconds: { type: "string" },
        seed: { type: "string" },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    fail(`fuzz: ${(err as Error).message}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const seed = positive("seed", values.seed) ?? Math.floor(Math.random() * 2 ** 31);
  const runs = positive("runs", values.runs);
  const seconds = positive("seconds", values.seconds);
  const concurrency = positive("concurrency", values.concurrency);
  process.stdout.write(`fuzz: seed ${seed}${runs ? `, ${runs} interactions` : ""}${seconds ? `, ${seconds} s` : ""}\n`);
  const report = await runFuzz({
    seed,
    ...(runs !== undefined ? { runs } : {}),
    ...(seconds !== undefined ? { seconds } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    onProgress: (n) => {
      if (n % 1000 === 0) process.stdout.write(`  ${n} interactions…\n`);
    },
  });
  process.stdout.write(`${formatReport(report)}\n`);
  process.exit(report.failures.length ? 1 : 0);
}

main().catch((err: unknown) => {
  process.stderr.write(`fuzz: could not run: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(2);
});
