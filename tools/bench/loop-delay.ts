/**
 * The event loop's longest delay while some work runs (`perf_hooks.monitorEventLoopDelay`):
 * how long, at worst, a command arriving meanwhile waited before it could even be read. A
 * synchronous call holds the loop for all of its duration, which the histogram sees once the
 * loop runs again, hence the short wait before it is read — and the one before the work
 * starts: the histogram's timer only runs from the loop's next turn, and work begun in the
 * same turn as `enable()` would go unseen (a 500 ms busy loop read as 2 ms).
 */
import { monitorEventLoopDelay } from "node:perf_hooks";

/** The histogram's resolution: a delay shorter than this is not told apart from none. */
const RESOLUTION_MS = 2;

/** Runs `work`, returning its result and the loop's longest delay meanwhile and its p99, in ms. */
export async function withLoopDelay<T>(work: () => T | Promise<T>): Promise<{ result: T; maxDelayMs: number; p99DelayMs: number }> {
  const h = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  h.enable();
  try {
    await new Promise((r) => setTimeout(r, 5 * RESOLUTION_MS));
    const result = await work();
    await new Promise((r) => setTimeout(r, 20));
    return { result, maxDelayMs: h.max / 1e6, p99DelayMs: h.percentile(99) / 1e6 };
  } finally {
    h.disable();
  }
}

/** The target every long piece of work is held to: no command waits longer than this. */
export const LOOP_DELAY_TARGET_MS = 50;
