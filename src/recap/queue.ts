/**
 * Runs jobs with at most `concurrency` in flight, so that many servers due at the same minute
 * go out together at the pace discord.js's REST queue allows (it waits out 429s and keeps
 * under the global limit), while one slow or failing server holds up only its own slot.
 * The pool is p-limit's; this adds stopping on shutdown and keeping one failure from the rest.
 */
import pLimit from "p-limit";

/**
 * Runs `work` for every item, `concurrency` at a time, and resolves when all started jobs
 * have finished. Once `halted()` turns true no new job starts (shutdown waits only for the
 * ones in flight). A job that throws is reported to `onError` and does not stop the others.
 */
export async function runBounded<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  opts: { halted?: () => boolean; onError?: (err: unknown, item: T) => void } = {},
): Promise<void> {
  await pLimit(Math.max(1, Math.trunc(concurrency) || 1)).map(items, async (item) => {
    if (opts.halted?.()) return;
    try {
      await work(item);
    } catch (err) {
      opts.onError?.(err, item);
    }
  });
}
