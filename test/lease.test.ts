/**
 * The scheduler lease: the SQL that takes, renews, takes over and gives it up, and the leader
 * that gates scheduled work on it, with two connections to one database file as two processes
 * would have. (Real processes killed and frozen: test/shards-process.test.ts.)
 */
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/index.ts";
import { readLease, releaseLease, takeLease, takeOverLease } from "../db/leases.ts";
import { createLogger } from "../src/log.ts";
import { startLeader, type Leader } from "../src/ops/leader.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const log = createLogger("silent");

function twoConnections(): [Db, Db] {
  const tmp = tempDir("storyline-lease-");
  const path = join(tmp.dir, "bot.db");
  const a = openDatabase(path);
  const b = openDatabase(path);
  cleanups.push(
    tmp.cleanup,
    () => a.close(),
    () => b.close(),
  );
  return [a, b];
}

/** Work that counts its starts and stops. */
function counter() {
  const c = { starts: 0, stops: 0, running: false };
  return {
    c,
    start: () => {
      c.starts++;
      c.running = true;
      return {
        stop: () => {
          c.stops++;
          c.running = false;
        },
      };
    },
  };
}

function leader(db: Db, holder: string, ttlMs = 60_000, now?: () => number): Leader {
  const l = startLeader({ db, log, ttlMs, holder, ...(now ? { now } : {}) });
  cleanups.push(() => l.stop());
  return l;
}

describe("lease rows", () => {
  it("are taken by the first, refused to the second while valid, renewed by the holder and taken over once expired", () => {
    const [db] = twoConnections();
    expect(takeLease(db, { name: "s", holder: "a", now: 1000, ttlMs: 100 })).toMatchObject({ holder: "a", acquiredAt: 1000, expiresAt: 1100 });
    expect(takeLease(db, { name: "s", holder: "b", now: 1099, ttlMs: 100 })).toBeNull();
    expect(takeLease(db, { name: "s", holder: "a", now: 1050, ttlMs: 100 })).toMatchObject({ holder: "a", acquiredAt: 1000, renewedAt: 1050, expiresAt: 1150 });
    expect(takeLease(db, { name: "s", holder: "b", now: 1150, ttlMs: 100 })).toMatchObject({ holder: "b", acquiredAt: 1150 });
    expect(takeLease(db, { name: "s", holder: "a", now: 1151, ttlMs: 100 })).toBeNull();
  });

  it("are given up only by their holder, and taken over early only from the holder named", () => {
    const [db] = twoConnections();
    takeLease(db, { name: "s", holder: "a", now: 0, ttlMs: 1000 });
    expect(releaseLease(db, { name: "s", holder: "b" })).toBe(false);
    expect(takeOverLease(db, { name: "s", holder: "c", from: "b", now: 1, ttlMs: 1000 })).toBeNull();
    expect(takeOverLease(db, { name: "s", holder: "c", from: "a", now: 1, ttlMs: 1000 })).toMatchObject({ holder: "c" });
    expect(takeOverLease(db, { name: "s", holder: "d", from: "a", now: 2, ttlMs: 1000 })).toBeNull();
    expect(releaseLease(db, { name: "s", holder: "c" })).toBe(true);
    expect(readLease(db, "s")).toBeNull();
  });
});

describe("the scheduler leader", () => {
  it("given two processes on one database, then only one runs the work, and the other takes over at once when it stops cleanly", async () => {
    const [a, b] = twoConnections();
    const workA = counter();
    const workB = counter();
    const first = leader(a, "host-a:1:x");
    first.run("recaps", workA.start);
    await first.check();
    const second = leader(b, "host-b:2:y");
    second.run("recaps", workB.start);
    await second.check();
    expect([first.isLeader(), second.isLeader()]).toEqual([true, false]);
    expect([workA.c.running, workB.c.running]).toEqual([true, false]);

    await first.stop();
    expect(workA.c).toMatchObject({ starts: 1, stops: 1, running: false });
    await second.check();
    expect(second.isLeader()).toBe(true);
    expect(workB.c).toMatchObject({ starts: 1, running: true });
    expect(readLease(a, "scheduler")?.holder).toBe("host-b:2:y");
  });

  it("given a holder that stops renewing, then another takes over once the lease runs out, and the old one steps down at its next check", async () => {
    const [a, b] = twoConnections();
    const clock = { now: 1_000_000 };
    const workA = counter();
    const workB = counter();
    const first = leader(a, "host-a:1:x", 30_000, () => clock.now);
    first.run("recaps", workA.start);
    await first.check();
    const second = leader(b, "host-b:2:y", 30_000, () => clock.now);
    second.run("recaps", workB.start);

    clock.now += 29_999; // the first froze: no renewal
    await second.check();
    expect(second.isLeader()).toBe(false);
    clock.now += 1;
    await second.check();
    expect(second.isLeader()).toBe(true);
    expect(workB.c.running).toBe(true);

    await first.check(); // it wakes up
    expect(first.isLeader()).toBe(false);
    expect(workA.c).toMatchObject({ starts: 1, stops: 1, running: false });
  });

  it("given a lease held by a process of this host that is gone, then it is taken over at once, without waiting for it to run out", async () => {
    const [a] = twoConnections();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    takeLease(a, { name: "scheduler", holder: `${hostname()}:${gone}:dead`, now: Date.now(), ttlMs: 600_000 });
    const work = counter();
    const l = leader(a, `${hostname()}:${process.pid}:live`);
    l.run("recaps", work.start);
    await l.check();
    expect(l.isLeader()).toBe(true);
    expect(work.c.running).toBe(true);
  });

  it("given a lease held by a live process or one of another host, then it waits", async () => {
    const [a] = twoConnections();
    takeLease(a, { name: "scheduler", holder: `${hostname()}:${process.ppid}:parent`, now: Date.now(), ttlMs: 600_000 });
    const here = leader(a, `${hostname()}:${process.pid}:live`);
    await here.check();
    expect(here.isLeader()).toBe(false);
    releaseLease(a, { name: "scheduler", holder: `${hostname()}:${process.ppid}:parent` });
    takeLease(a, { name: "scheduler", holder: "elsewhere:1:other", now: Date.now(), ttlMs: 600_000 });
    await here.check();
    expect(here.isLeader()).toBe(false);
  });

  it("given work registered while leading, then it starts at once; given work that fails to start, then the rest still runs", async () => {
    const [a] = twoConnections();
    const l = leader(a, "host-a:1:x");
    await l.check();
    const broken = l.run("broken", () => {
      throw new Error("cannot start");
    });
    const work = counter();
    const gated = l.run("recaps", work.start);
    expect(broken.current()).toBeNull();
    expect(gated.current()).not.toBeNull();
    expect(work.c.running).toBe(true);
  });

  it("given a database that stops answering, then the leader steps down before its lease could run out", async () => {
    const tmp = tempDir("storyline-lease-");
    cleanups.push(tmp.cleanup);
    const db = openDatabase(join(tmp.dir, "bot.db"));
    const clock = { now: 5_000_000 };
    const work = counter();
    const l = startLeader({ db, log, ttlMs: 30_000, holder: "h:1:x", now: () => clock.now });
    cleanups.push(() => l.stop());
    l.run("recaps", work.start);
    await l.check();
    db.close();
    clock.now += 10_000;
    await l.check();
    expect(l.isLeader()).toBe(true); // 20 s of the lease left: a locked moment is no reason yet
    clock.now += 10_000;
    await l.check();
    expect(l.isLeader()).toBe(false);
    expect(work.c.running).toBe(false);
  });
});
