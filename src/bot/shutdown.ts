import { DefaultRestOptions } from "discord.js";
import type { Logger } from "../log.ts";

/**
 * How long a shutdown may take before the process exits anyway: longer than one discord.js
 * REST request may (its timeout, 15 s), so a recap post in flight finishes — and is recorded —
 * before the database closes. Docker's `stop_grace_period` and systemd's `TimeoutStopSec` in
 * deploy/ leave room for it.
 */
export const SHUTDOWN_TIMEOUT_MS = DefaultRestOptions.timeout + 5_000;

/**
 * Stops the process cleanly on SIGINT/SIGTERM: runs `steps` in order (stop scheduled work,
 * close the gateway, close the database), then exits 0. If they take longer than
 * `hardTimeoutMs`, exits 1 anyway so a stuck shutdown cannot hang a deploy.
 */
export function onShutdown(log: Logger, steps: (() => Promise<void> | void)[], hardTimeoutMs = SHUTDOWN_TIMEOUT_MS): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, hardTimeoutMs }, "shutting down");
    const hard = setTimeout(() => {
      log.error({ hardTimeoutMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, hardTimeoutMs);
    hard.unref();
    for (const step of steps) {
      try {
        await step();
      } catch (err) {
        log.warn({ err }, "a shutdown step failed");
      }
    }
    log.info("stopped");
    process.exit(0);
  };
  process.once("SIGINT", (s) => void stop(s));
  process.once("SIGTERM", (s) => void stop(s));
}
