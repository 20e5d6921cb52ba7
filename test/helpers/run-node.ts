import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { captureOutput } from "./capture.ts";
import { ROOT, type Spawned } from "./spawn.ts";

/** tsx's loader, so that node runs our TypeScript itself (no tsx wrapper process in between). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Runs one of the project's entry points as ONE process (node with tsx's loader), so that
 * SIGKILL hits the program itself — the `tsx` command is a wrapper that would leave its
 * child running. Only the given environment (plus PATH and HOME) is passed.
 */
export function runNode(script: string, args: string[], env: Record<string, string>, cwd: string, as: { uid?: number; gid?: number } = {}): Spawned {
  const child = spawn(process.execPath, ["--import", TSX_LOADER, join(ROOT, script), ...args], {
    cwd,
    ...as,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (d) => (out += String(d)));
  child.stderr?.on("data", (d) => (err += String(d)));
  child.on("close", () => captureOutput(`${script} ${args.join(" ")}`, out + err));
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
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode ?? child.signalCode}) before ${pattern}; stderr: ${err.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
}

/**
 * Who the bot runs as when file modes must count: root ignores them, so as root it runs as
 * "nobody" (uid/gid 65534); anyone else runs as themselves.
 */
export function unprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}
