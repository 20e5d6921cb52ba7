/**
 * Leases: one row per kind of work that exactly one process may do at a time. Taking and
 * renewing are one statement each, so two processes racing for an expired lease cannot both
 * win (SQLite has one writer at a time).
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

/** A lease as stored. */
export interface Lease {
  name: string;
  holder: string;
  acquiredAt: number;
  renewedAt: number;
  expiresAt: number;
}

interface LeaseRow {
  name: string;
  holder: string;
  acquired_at: number;
  renewed_at: number;
  expires_at: number;
}

const q = prepared((db: Db) => ({
  // Inserts, renews (same holder) or takes over (expired); otherwise changes nothing and returns no row.
  take: db.prepare<{ name: string; holder: string; now: number; expires: number }, LeaseRow>(
    `INSERT INTO leases (name, holder, acquired_at, renewed_at, expires_at) VALUES (:name, :holder, :now, :now, :expires)
     ON CONFLICT (name) DO UPDATE SET
       acquired_at = CASE WHEN leases.holder = excluded.holder THEN leases.acquired_at ELSE excluded.acquired_at END,
       holder = excluded.holder, renewed_at = excluded.renewed_at, expires_at = excluded.expires_at
     WHERE leases.holder = excluded.holder OR leases.expires_at <= excluded.renewed_at
     RETURNING name, holder, acquired_at, renewed_at, expires_at`,
  ),
  takeOver: db.prepare<{ name: string; holder: string; from: string; now: number; expires: number }, LeaseRow>(
    `UPDATE leases SET holder = :holder, acquired_at = :now, renewed_at = :now, expires_at = :expires
     WHERE name = :name AND holder = :from
     RETURNING name, holder, acquired_at, renewed_at, expires_at`,
  ),
  release: db.prepare<{ name: string; holder: string }>("DELETE FROM leases WHERE name = :name AND holder = :holder"),
  get: db.prepare<[string], LeaseRow>("SELECT name, holder, acquired_at, renewed_at, expires_at FROM leases WHERE name = ?"),
}));

const toLease = (r: LeaseRow): Lease => ({ name: r.name, holder: r.holder, acquiredAt: r.acquired_at, renewedAt: r.renewed_at, expiresAt: r.expires_at });

/**
 * Takes the lease `name` for `holder` until `now + ttlMs` if it is free, expired or already
 * theirs (a renewal). Returns the lease when `holder` has it, null when someone else does.
 */
export function takeLease(db: Db, lease: { name: string; holder: string; now: number; ttlMs: number }): Lease | null {
  const row = q(db).take.get({ name: lease.name, holder: lease.holder, now: lease.now, expires: lease.now + lease.ttlMs });
  return row ? toLease(row) : null;
}

/**
 * Takes the lease from `from` before it runs out — for a holder known to be dead. Only if
 * `from` still holds it, so of two processes that both saw the same dead holder, one wins.
 */
export function takeOverLease(db: Db, lease: { name: string; holder: string; from: string; now: number; ttlMs: number }): Lease | null {
  const row = q(db).takeOver.get({ name: lease.name, holder: lease.holder, from: lease.from, now: lease.now, expires: lease.now + lease.ttlMs });
  return row ? toLease(row) : null;
}

/** Gives the lease up (only if `holder` has it), so another process can take it at once. */
export function releaseLease(db: Db, lease: { name: string; holder: string }): boolean {
  return q(db).release.run(lease).changes > 0;
}

/** The lease as stored, whoever holds it (expired or not), or null if nobody ever took it. */
export function readLease(db: Db, name: string): Lease | null {
  const row = q(db).get.get(name);
  return row ? toLease(row) : null;
}
