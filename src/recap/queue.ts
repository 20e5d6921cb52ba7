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

/**
 * Like {@link runBounded}, for items read page by page (`readPage(after)` returns the page
 * after the last item of the previous one; fewer than `pageSize` ends it). The next page is read
 * once half of this one has finished, so the pool never runs dry between pages and at most a
 * page and a half waits in memory — and no single read of thousands of rows holds the loop.
 */
export async function runPaged<T>(
  readPage: (after: T | undefined) => readonly T[],
  pageSize: number,
  concurrency: number,
  work: (item: T) => Promise<void>,
  opts: { halted?: () => boolean; onError?: (err: unknown, item: T) => void } = {},
): Promise<void> {
  const limit = pLimit(Math.max(1, Math.trunc(concurrency) || 1));
  const jobs: Promise<void>[] = [];
  const run = (item: T) =>
    limit(async () => {
      if (opts.halted?.()) return;
      try {
        await work(item);
      } catch (err) {
        opts.onError?.(err, item);
      }
    });
  try {
    for (let after: T | undefined; !opts.halted?.(); ) {
      const page = readPage(after);
      for (const item of page) jobs.push(run(item));
      if (page.length < pageSize) break;
      after = page.at(-1);
      await jobs[jobs.length - Math.ceil(pageSize / 2)];
    }
  } finally {
    // Also when a read throws: the jobs already started finish before it is reported.
    await Promise.all(jobs);
  }
}
