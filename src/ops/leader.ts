/**
 * Scheduled work (recaps, feed polling, and whatever else runs on a clock) runs in exactly one
 * of the processes that share a database: the one holding the "scheduler" lease (db/leases.ts).
 * Every process tries to take or renew it every third of its lifetime; the holder starts the
 * work, a process that loses it stops the work, and when a holder dies without a word its
 * lease runs out and another process takes over — within `ttl + ttl/3` (40 s by default), or at
 * the next check when the holder was a process of this host that no longer exists (a crash
 * and restart). Stopping gives the lease up after the work has stopped, so a clean restart
 * hands over at once.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../../db/index.ts";
import { readLease, releaseLease, takeLease, takeOverLease, type Lease } from "../../db/leases.ts";
import type { Logger } from "../log.ts";

/** The lease every kind of scheduled work shares: one leader does all of it. */
export const SCHEDULER_LEASE = "scheduler";

/** Work that runs while this process leads. */
export interface Stoppable {
  stop(): Promise<void> | void;
}

/** A piece of gated work: its running instance while this process leads, else null. */
export interface Gated<T extends Stoppable> {
  current(): T | null;
}

export interface LeaderOptions {
  db: Db;
  log: Logger;
  /** How long a lease lasts unless renewed (ms). Renewed every third of it. */
  ttlMs: number;
  name?: string;
  /** Who this process is in the lease row (default: host, pid and a random part). */
  holder?: string;
  /** Wall-clock ms, shared by the processes of one host. */
  now?: () => number;
}

export interface Leader {
  readonly holder: string;
  isLeader(): boolean;
  /** Since when this process leads (ms), or null. */
  leadingSince(): number | null;
  /** Registers work, started at once if this process leads, else when it takes over. */
  run<T extends Stoppable>(name: string, start: () => T): Gated<T>;
  /** Takes or renews the lease now (the timer does it every third of the lease). */
  check(): Promise<void>;
  /** Stops the work (waiting for what is in flight), then gives the lease up. */
  stop(): Promise<void>;
}

interface Slot {
  name: string;
  start: () => Stoppable;
  current: Stoppable | null;
}

/** `host:pid:random` for this process. */
function holderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Whether `other` names a process of this host that is gone: its pid is not running, or is
 * this process's own (a container restarted under the same pid). A reused pid reads as alive,
 * which only means waiting for the lease to run out.
 */
function isDeadHere(other: string, self: string): boolean {
  const [host, pid] = other.split(":");
  const [myHost, myPid] = self.split(":");
  if (host !== myHost || !pid || !/^\d+$/.test(pid) || other === self) return false;
  if (pid === myPid) return true;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === "ESRCH";
  }
}

/** Starts competing for the lease at once and keeps at it until `stop()`. */
export function startLeader(opts: LeaderOptions): Leader {
  const name = opts.name ?? SCHEDULER_LEASE;
  const holder = opts.holder ?? holderId();
  const now = opts.now ?? Date.now;
  const renewMs = Math.max(250, Math.floor(opts.ttlMs / 3));
  const log = opts.log.child({ component: "leader", lease: name });
  const slots: Slot[] = [];
  let since: number | null = null;
  let expiresAt = 0;
  let stopped = false;
  let checking: Promise<void> | null = null;

  const startAll = () => {
    for (const slot of slots) slot.current ??= startSlot(slot);
  };
  const startSlot = (slot: Slot): Stoppable | null => {
    try {
      return slot.start();
    } catch (err) {
      log.error({ err, work: slot.name }, "scheduled work failed to start");
      return null;
    }
  };
  const stopAll = async () => {
    await Promise.all(
      slots.map(async (slot) => {
        const running = slot.current;
        slot.current = null;
        try {
          await running?.stop();
        } catch (err) {
          log.warn({ err, work: slot.name }, "scheduled work failed to stop");
        }
      }),
    );
  };

  async function attempt(): Promise<void> {
    if (stopped) return;
    const at = now();
    let lease: Lease | null;
    try {
      lease = takeLease(opts.db, { name, holder, now: at, ttlMs: opts.ttlMs });
      const other = lease ? null : readLease(opts.db, name);
      if (other && isDeadHere(other.holder, holder)) {
        lease = takeOverLease(opts.db, { name, holder, from: other.holder, now: at, ttlMs: opts.ttlMs });
        if (lease) log.info({ from: other.holder }, "the last holder of the scheduler lease is gone; taking it over");
      }
    } catch (err) {
      // Locked or closed: keep leading only while the last renewal surely still holds.
      log.warn({ err }, "could not take or renew the scheduler lease");
      if (since !== null && at + renewMs >= expiresAt) await stepDown("its renewal kept failing");
      return;
    }
    if (lease && !stopped) {
      expiresAt = lease.expiresAt;
      if (since === null) {
        since = at;
        log.info({ holder }, "took the scheduler lease: this process runs scheduled work");
        startAll();
      }
    } else if (!lease && since !== null) {
      await stepDown("another process took it");
    }
  }

  async function stepDown(why: string): Promise<void> {
    since = null;
    log.warn({ holder, why }, "lost the scheduler lease: scheduled work stops here");
    await stopAll();
  }

  const check = (): Promise<void> => {
    checking ??= attempt().finally(() => {
      checking = null;
    });
    return checking;
  };

  const timer = setInterval(() => void check(), renewMs);
  timer.unref();
  void check();

  return {
    holder,
    isLeader: () => since !== null,
    leadingSince: () => since,
    run(workName, start) {
      const slot: Slot = { name: workName, start, current: null };
      slots.push(slot);
      if (since !== null && !stopped) slot.current = startSlot(slot);
      return { current: () => slot.current as ReturnType<typeof start> | null };
    },
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await checking;
      const wasLeader = since !== null;
      since = null;
      await stopAll();
      if (!wasLeader) return;
      try {
        releaseLease(opts.db, { name, holder });
        log.info({ holder }, "gave the scheduler lease up");
      } catch (err) {
        log.warn({ err }, "could not give the scheduler lease up; it runs out by itself");
      }
    },
  };
}
