/**
 * Global setup of the test run (vitest `globalSetup`): before the workers start, makes the
 * capture folder (named to workers and spawned-output copies through the environment) and
 * copies the main process's own output there; after the run, searches everything captured
 * for the test token and every other secret the tests use. Any hit fails the run, naming
 * the file and showing the line with the secret masked.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FUZZ_TOKEN } from "../../tools/fuzz/token.ts";
import { TEST_TOKEN } from "./bot.ts";
import { CAPTURE_ENV } from "./capture.ts";

/** Every token or secret a test hands to the code under test. */
export const SECRETS: readonly string[] = [TEST_TOKEN, FUZZ_TOKEN, "short-secret"];

/** Where each secret shows up in the captured files, with the secret masked. */
export function findLeaks(dir: string, secrets: readonly string[] = SECRETS): string[] {
  const leaks: string[] = [];
  for (const name of readdirSync(dir)) {
    const text = readFileSync(join(dir, name), "utf8");
    for (const secret of secrets) {
      let at = text.indexOf(secret);
      while (at >= 0) {
        const line = text.slice(Math.max(0, text.lastIndexOf("\n", at) + 1), Math.min(text.length, at + secret.length + 120));
        leaks.push(`${name}: ${line.split(secret).join("[SECRET]").slice(0, 300)}`);
        at = text.indexOf(secret, at + secret.length);
      }
    }
  }
  return leaks;
}

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "storyline-test-output-"));
  process.env[CAPTURE_ENV] = dir;
  const restore: (() => void)[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    const write = original.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      try {
        writeFileSync(join(dir, "main.log"), typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array), { flag: "a" });
      } catch {
        // keep the run going; the scan only gets weaker
      }
      return write(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => void (stream.write = original));
  }
  return () => {
    for (const r of restore) r();
    const leaks = findLeaks(dir);
    if (leaks.length) {
      // vitest only logs an error thrown here ("error during close") and still exits 0.
      process.exitCode = 1;
      throw new Error(`A secret appeared in the test output (copies kept in ${dir}):\n  ${leaks.slice(0, 20).join("\n  ")}`);
    }
    rmSync(dir, { recursive: true, force: true });
  };
}
