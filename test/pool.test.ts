import { describe, expect, it } from "vitest";
import { runBounded, runPaged } from "../src/recap/queue.ts";
import { follow, memoryLog, storyDb, testPoller } from "./helpers/feeds.ts";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts how many calls are in flight at once. */
function gauge(): { enter(): void; leave(): void; most(): number } {
  let running = 0;
  let most = 0;
  return {
    enter: () => {
      running++;
      most = Math.max(most, running);
    },
    leave: () => {
      running--;
    },
    most: () => most,
  };
}

describe("the bounded worker pool", () => {
  it("runs every job once, at most the given number at a time", async () => {
    const g = gauge();
    const done: number[] = [];
    await runBounded([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, async (n) => {
      g.enter();
      await pause(5);
      done.push(n);
      g.leave();
    });
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(g.most()).toBe(4);
  });

  it("reports a failing job and goes on with the others", async () => {
    const failed: number[] = [];
    const done: number[] = [];
    await runBounded(
      [1, 2, 3, 4],
      2,
      async (n) => {
        if (n % 2 === 0) throw new Error(`job ${n}`);
        done.push(n);
      },
      { onError: (_err, n) => failed.push(n) },
    );
    expect(done.sort()).toEqual([1, 3]);
    expect(failed.sort()).toEqual([2, 4]);
  });

  it("starts no new job once halted, and waits for those in flight", async () => {
    let halted = false;
    const started: number[] = [];
    const finished: number[] = [];
    await runBounded(
      [1, 2, 3, 4, 5, 6],
      2,
      async (n) => {
        started.push(n);
        await pause(5);
        finished.push(n);
        halted = true;
      },
      { halted: () => halted },
    );
    expect(started).toEqual([1, 2]);
    expect(finished.sort()).toEqual([1, 2]);
  });

  it("treats a concurrency below one as one", async () => {
    const g = gauge();
    await runBounded([1, 2, 3], 0, async () => {
      g.enter();
      await pause(2);
      g.leave();
    });
    expect(g.most()).toBe(1);
  });
});

describe("the feed poller", () => {
  it("fetches at most `concurrency` feeds at a time and reports every feed in order", async () => {
    const { db } = storyDb();
    const feeds = Array.from({ length: 9 }, (_, i) => follow(db, `https://feeds${i}.example/rss.xml`));
    const g = gauge();
    const fetch = (async () => {
      g.enter();
      await pause(5);
      g.leave();
      return new Response(null, { status: 304 });
    }) as typeof globalThis.fetch;
    const poller = testPoller(db, memoryLog().log, { fetch, concurrency: 3 });
    const report = await poller.pollNow();
    await poller.stop();
    db.close();
    expect(report.results.map((r) => r.feedId)).toEqual(feeds.map((f) => f.id));
    expect(report.results.every((r) => r.outcome === "not-modified")).toBe(true);
    expect(g.most()).toBe(3);
  });
});

describe("the paged worker pool", () => {
  const pages = (total: number, size: number) => {
    const reads: (number | undefined)[] = [];
    const read = (after: number | undefined) => {
      reads.push(after);
      const from = (after ?? 0) + 1;
      return Array.from({ length: Math.max(0, Math.min(size, total - from + 1)) }, (_, i) => from + i);
    };
    return { read, reads };
  };

  it("runs every item of every page once, at most the given number at a time, reading each page after the last item of the one before", async () => {
    const g = gauge();
    const done: number[] = [];
    const p = pages(23, 5);
    await runPaged(p.read, 5, 3, async (n) => {
      g.enter();
      await pause(2);
      done.push(n);
      g.leave();
    });
    expect([...done].sort((a, b) => a - b)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(p.reads).toEqual([undefined, 5, 10, 15, 20]);
    expect(g.most()).toBeLessThanOrEqual(3);
  });

  it("reads the next page only once half of the page before has finished", async () => {
    const finished: number[] = [];
    const seenAtRead: number[] = [];
    const p = pages(20, 10);
    await runPaged<number>(
      (after) => {
        seenAtRead.push(finished.length);
        return p.read(after);
      },
      10,
      2,
      async (n) => {
        await pause(1);
        finished.push(n);
      },
    );
    expect(seenAtRead[0]).toBe(0);
    expect(seenAtRead[1]).toBeGreaterThanOrEqual(5);
    expect(seenAtRead[1]).toBeLessThan(10);
  });

  it("lets the started jobs finish before a failing read is reported", async () => {
    const finished: number[] = [];
    let reads = 0;
    const run = runPaged(
      () => {
        if (reads++ > 0) throw new Error("database is locked");
        return [1, 2, 3, 4];
      },
      4,
      2,
      async (n) => {
        await pause(3);
        finished.push(n);
      },
    );
    await expect(run).rejects.toThrow(/locked/);
    expect(finished.sort()).toEqual([1, 2, 3, 4]);
  });
});
