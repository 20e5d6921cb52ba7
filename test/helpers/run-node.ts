import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, track, type Spawned } from "./spawn.ts";

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
  return track(child, `${script} ${args.join(" ")}`);
}

/**
 * Who the bot runs as when file modes must count: root ignores them, so as root it runs as
 * "nobody" (uid/gid 65534); anyone else runs as themselves.
 */
export function unprivileged(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
}
