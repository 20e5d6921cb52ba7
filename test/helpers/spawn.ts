import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { captureOutput } from "./capture.ts";

const ROOT = process.cwd();
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

export interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Waits until `pattern` appears on stderr or stdout, or fails after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Runs one of the project's entry points (e.g. `src/index.ts`) through `tsx`, with only the given environment. */
export function runScript(script: string, args: string[], env: Record<string, string>, cwd: string): Spawned {
  const child = spawn(TSX, [join(ROOT, script), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  return track(child, `${script} ${args.join(" ")}`);
}

/** Collects a child's output (also for the secret scan, secret-scan.ts) and offers ways to wait on it. */
export function track(child: ChildProcess, label: string): Spawned {
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => (out += String(d)));
  child.stderr?.on("data", (d) => (err += String(d)));
  child.on("close", () => captureOutput(label, out + err));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitFor: async (pattern, timeoutMs = 15_000) => {
      const until = Date.now() + timeoutMs;
      while (!pattern.test(out) && !pattern.test(err)) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${pattern}; stderr: ${err.slice(-2000)}`);
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ${pattern}; stderr: ${err.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

export { ROOT };
