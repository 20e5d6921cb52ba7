/**
 * The outbox ledger (migration 014): one row per message Storyline means to send exactly once
 * — a recap part, an alert, a follow DM. See src/outbox/deliver.ts for the protocol.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export type OutboxKind = "recap" | "alert" | "follow";
export type OutboxState = "pending" | "sent" | "failed";

export interface OutboxEntry {
  id: number;
  key: string;
  kind: OutboxKind;
  guildId: string | null;
  targetId: string;
  marker: string;
  state: OutboxState;
  createdAt: number;
  /** Set at the first attempt: from then on a message may exist even if none was recorded. */
  attemptedAt: number | null;
  attempts: number;
  sentAt: number | null;
  channelId: string | null;
  messageId: string | null;
  detail: string | null;
}

interface OutboxRow {
  id: number;
  key: string;
  kind: OutboxKind;
  guild_id: string | null;
  target_id: string;
  marker: string;
  state: OutboxState;
  created_at: number;
  attempted_at: number | null;
  attempts: number;
  sent_at: number | null;
  channel_id: string | null;
  message_id: string | null;
  detail: string | null;
}

const COLS = "id, key, kind, guild_id, target_id, marker, state, created_at, attempted_at, attempts, sent_at, channel_id, message_id, detail";

const q = prepared((db: Db) => ({
  claim: db.prepare<{ key: string; kind: OutboxKind; guild_id: string | null; target_id: string; marker: string; now: number }>(
    `INSERT INTO outbox (key, kind, guild_id, target_id, marker, created_at) VALUES (:key, :kind, :guild_id, :target_id, :marker, :now)
     ON CONFLICT (key) DO NOTHING`,
  ),
  byKey: db.prepare<[string], OutboxRow>(`SELECT ${COLS} FROM outbox WHERE key = ?`),
  byId: db.prepare<[number], OutboxRow>(`SELECT ${COLS} FROM outbox WHERE id = ?`),
  attempt: db.prepare<[number, number]>(
    "UPDATE outbox SET attempted_at = coalesce(attempted_at, ?), attempts = attempts + 1 WHERE id = ? AND state = 'pending'",
  ),
  sent: db.prepare<{ id: number; now: number; channel_id: string; message_id: string }>(
    "UPDATE outbox SET state = 'sent', sent_at = :now, channel_id = :channel_id, message_id = :message_id, detail = NULL WHERE id = :id",
  ),
  failed: db.prepare<{ id: number; detail: string; final: number }>(
    "UPDATE outbox SET detail = :detail, state = CASE WHEN :final = 1 THEN 'failed' ELSE state END WHERE id = :id AND state = 'pending'",
  ),
  // Follow entries stay: their follow_queue rows are what keeps an event from being DMed twice.
  anyPrunable: db.prepare<[number], { n: number }>(
    "SELECT EXISTS (SELECT 1 FROM outbox WHERE kind IN ('recap', 'alert') AND state <> 'pending' AND created_at < ?) AS n",
  ),
  prune: db.prepare<[number]>("DELETE FROM outbox WHERE kind IN ('recap', 'alert') AND state <> 'pending' AND created_at < ?"),
  pending: db.prepare<[OutboxKind, number], OutboxRow>(`SELECT ${COLS} FROM outbox WHERE kind = ? AND state = 'pending' ORDER BY created_at, id LIMIT ?`),
}));

function toEntry(r: OutboxRow): OutboxEntry {
  return {
    id: r.id,
    key: r.key,
    kind: r.kind,
    guildId: r.guild_id,
    targetId: r.target_id,
    marker: r.marker,
    state: r.state,
    createdAt: r.created_at,
    attemptedAt: r.attempted_at,
    attempts: r.attempts,
    sentAt: r.sent_at,
    channelId: r.channel_id,
    messageId: r.message_id,
    detail: r.detail,
  };
}

/** The entry for `key`, written (pending) if it is new; an existing entry is returned as it is. */
export function claimOutbox(db: Db, e: { key: string; kind: OutboxKind; guildId: string | null; targetId: string; marker: string; now: number }): OutboxEntry {
  q(db).claim.run({ key: e.key, kind: e.kind, guild_id: e.guildId, target_id: e.targetId, marker: e.marker, now: e.now });
  const row = q(db).byKey.get(e.key);
  if (!row) throw new Error(`outbox entry ${e.key} vanished`);
  return toEntry(row);
}

export function getOutboxEntry(db: Db, id: number): OutboxEntry | null {
  const row = q(db).byId.get(id);
  return row ? toEntry(row) : null;
}

/** Notes an attempt before the request goes out (committed, so a crash after it is known). */
export function markOutboxAttempt(db: Db, id: number, now: number): void {
  q(db).attempt.run(now, id);
}

export function markOutboxSent(db: Db, s: { id: number; now: number; channelId: string; messageId: string }): void {
  q(db).sent.run({ id: s.id, now: s.now, channel_id: s.channelId, message_id: s.messageId });
}

/** Records why an attempt failed; `final` gives up on the entry (it stays in the ledger). */
export function markOutboxFailed(db: Db, f: { id: number; detail: string; final: boolean }): void {
  q(db).failed.run({ id: f.id, detail: f.detail, final: f.final ? 1 : 0 });
}

/** The oldest pending entries of a kind (what a restart finishes first). */
export function pendingOutbox(db: Db, kind: OutboxKind, limit = 100): OutboxEntry[] {
  return q(db).pending.all(kind, limit).map(toEntry);
}

/** How long finished recap and alert entries are kept: far past any restart's look-back. */
export const OUTBOX_KEEP_MS = 30 * 24 * 3600_000;

/**
 * Deletes recap and alert entries that finished more than {@link OUTBOX_KEEP_MS} ago (follow
 * entries stay). Reads first, so a run with nothing to delete never waits for the write lock.
 */
export function pruneOutbox(db: Db, now: number): number {
  const before = now - OUTBOX_KEEP_MS;
  if (!q(db).anyPrunable.get(before)?.n) return 0;
  return q(db).prune.run(before).changes;
}
