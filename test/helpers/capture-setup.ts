/**
 * Setup file of every test worker (vitest `setupFiles`): copies everything the worker
 * writes to stdout/stderr, and everything tests print with console.*, into the capture
 * folder, for the secret scan at the end of the run (secret-scan.ts).
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "node:util";
import { CAPTURE_ENV } from "./capture.ts";

const dir = process.env[CAPTURE_ENV];
const TEED = Symbol.for("storyline.capture");

function save(text: string): void {
  if (!dir) return;
  try {
    appendFileSync(join(dir, `worker-${process.pid}.log`), text);
  } catch {
    // A missing copy only weakens the scan; it must not break the tests.
  }
}

const marked = globalThis as { [TEED]?: boolean };
if (dir && !marked[TEED]) {
  marked[TEED] = true;
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      save(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      save(`${format(...args)}\n`);
      original(...args);
    };
  }
}
