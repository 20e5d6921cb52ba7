/**
 * The event loop's longest delay while some work runs (`perf_hooks.monitorEventLoopDelay`):
 * how long, at worst, a command arriving meanwhile waited before it could even be read. A
 * synchronous call holds the loop for all of its duration, which the histogram sees once the
 * loop runs again, hence the short wait before it is read.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

/** Runs `work`, returning its result and the loop's longest delay meanwhile, in ms. */
export async function withLoopDelay<T>(work: () => T | Promise<T>): Promise<{ result: T; maxDelayMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  try {
    const result = await work();
    await new Promise((r) => setTimeout(r, 20));
    return { result, maxDelayMs: h.max / 1e6 };
  } finally {
    h.disable();
  }
}

/** The target every long piece of work is held to: no command waits longer than this. */
export const LOOP_DELAY_TARGET_MS = 50;
