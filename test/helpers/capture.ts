/**
 * Where the secret scan reads from: every test worker's stdout/stderr (teed by
 * capture-setup.ts) and the output of every process the tests spawn (appended here).
 * The folder comes from the global setup (secret-scan.ts) through the environment.
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";

/** The environment variable naming the capture folder. */
export const CAPTURE_ENV = "STORYLINE_TEST_CAPTURE_DIR";

/** Appends a spawned process's output (or any text) to this worker's capture file. */
export function captureOutput(label: string, text: string): void {
  const dir = process.env[CAPTURE_ENV];
  if (!dir || !text) return;
  try {
    appendFileSync(join(dir, `spawned-${process.pid}.log`), `--- ${label}\n${text}\n`);
  } catch {
    // The scan then misses this output; it must never break the test that produced it.
  }
}
