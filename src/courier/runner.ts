/**
 * A courier's clock (alerts, follow DMs): its work runs once at start and then every
 * `intervalMs`, never two runs at once (a timer tick finding a run in flight skips), and
 * nothing it throws escapes. `tick()` waits for a run in flight, then runs a whole one of its
 * own, so it covers everything published before it was called. `stop()` ends the timer and
 * waits for the run in flight.
 */
import type { Logger } from "../log.ts";

export interface Courier<T = void> {
  /** Runs now (after the run in flight, if any). */
  tick(): Promise<T>;
  stop(): Promise<void>;
}

export interface CourierOptions<T> {
  name: string;
  intervalMs: number;
  log: Logger;
  /** One run; `halted()` turns true once stopping, so a long run can end early. */
  run(halted: () => boolean): Promise<T>;
  /** What a run that threw resolves to (it is logged). */
  failed: T;
  /** Start the timer and the first run at once (default true); tests call `tick()`. */
  schedule?: boolean;
}

export function startCourier<T>(opts: CourierOptions<T>): Courier<T> {
  let inFlight: Promise<T> | null = null;
  let stopped = false;
  const halted = () => stopped;
  const run = (): Promise<T> => {
    const current = opts
      .run(halted)
      .catch((err: unknown) => {
        opts.log.error({ err, courier: opts.name }, "courier run failed");
        return opts.failed;
      })
      .finally(() => {
        inFlight = null;
      });
    inFlight = current;
    return current;
  };
  const timer = opts.schedule === false ? null : setInterval(() => void (stopped || inFlight || run()), opts.intervalMs);
  timer?.unref();
  if (timer) void run();
  return {
    async tick() {
      while (inFlight) await inFlight;
      return stopped ? opts.failed : run();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await inFlight;
    },
  };
}
