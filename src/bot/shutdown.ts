import type { Logger } from "../log.ts";

/**
 * Stops the process cleanly on SIGINT/SIGTERM: runs `steps` in order (stop scheduled work,
 * close the gateway, close the database), then exits 0. If they take longer than
 * `hardTimeoutMs`, exits 1 anyway so a stuck shutdown cannot hang a deploy.
 */
export function onShutdown(log: Logger, steps: (() => Promise<void> | void)[], hardTimeoutMs = 5_000): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
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
