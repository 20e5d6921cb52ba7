/**
 * Runs jobs with at most `concurrency` in flight, so that many servers due at the same minute
 * go out together at the pace discord.js's REST queue allows (it waits out 429s and keeps
 * under the global limit), while one slow or failing server holds up only its own slot.
 */

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
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !opts.halted?.()) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (err) {
        opts.onError?.(err, item);
      }
    }
  };
  const n = Math.max(1, Math.min(Math.trunc(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: n }, worker));
}
