/**
 * A courier's clock: its work runs once at start and then every `intervalMs`, never two runs
 * at once (a run still going when the next is due is joined, not doubled), and nothing it
 * throws escapes. `stop()` ends the timer and waits for the run in flight.
 */
import type { Logger } from "../log.ts";

export interface Courier {
  /** Runs now, or joins the run in progress. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface CourierOptions {
  name: string;
  intervalMs: number;
  log: Logger;
  /** One run; `halted()` turns true once stopping, so a long run can end early. */
  run(halted: () => boolean): Promise<void>;
  /** Start the timer and the first run at once (default true); tests call `tick()`. */
  schedule?: boolean;
}

export function startCourier(opts: CourierOptions): Courier {
  let running: Promise<void> | null = null;
  let stopped = false;
  const halted = () => stopped;
  const tick = (): Promise<void> => {
    if (stopped) return running ?? Promise.resolve();
    running ??= opts
      .run(halted)
      .catch((err: unknown) => opts.log.error({ err, courier: opts.name }, "courier run failed"))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = opts.schedule === false ? null : setInterval(() => void tick(), opts.intervalMs);
  timer?.unref();
  if (opts.schedule !== false) void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
