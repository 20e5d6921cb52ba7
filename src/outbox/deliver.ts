/**
 * Exactly once, also after long downtime. Discord remembers a nonce for a few minutes only, so
 * a message that was sent but not recorded before a crash would be sent again by a restart an
 * hour later. The ledger (db/outbox.ts) closes that gap:
 *
 * 1. the entry is written, pending, before anything is sent;
 * 2. the attempt is committed just before the request (a message may exist from then on);
 * 3. the message goes out with the entry's marker as its nonce (enforce_nonce: a retry within
 *    Discord's window returns the same message) and printed in it;
 * 4. Discord's answer is recorded.
 *
 * An entry found attempted but not recorded is first looked for among the bot's messages since
 * its attempt, by its marker; only if none carries it is it sent again.
 */
import type { Db } from "../../db/index.ts";
import { markOutboxAttempt, markOutboxSent, type OutboxEntry } from "../../db/outbox.ts";
import { sha256Hex } from "../../db/hash.ts";

/** Where a message landed. */
export interface Posted {
  channelId: string;
  messageId: string;
}

/** How to send one entry's message and how to find it again. */
export interface OutboxTarget {
  /** Posts the message with `nonce` (and `enforceNonce`) and the entry's marker printed in it. */
  send(nonce: string): Promise<Posted>;
  /** A message the bot posted since `since` (ms) carrying `marker`, or null. */
  find(marker: string, since: number): Promise<Posted | null>;
}

export type Delivered = Posted & { how: "sent" | "recorded" | "found" };

/** Test seam: runs after Discord confirmed the message and before the ledger records it. */
export interface DeliverHooks {
  afterSend?(entry: OutboxEntry, posted: Posted): void;
}

/** Clock skew allowed between this host and Discord's message ids when looking back. */
const LOOK_BACK_MARGIN_MS = 60_000;

/**
 * The marker (and nonce) of an outbox key: 60 bits of its hash in base 36, at most 12
 * characters (Discord allows 25 for a nonce) and too random to occur in any other text.
 */
export function outboxMarker(key: string): string {
  return BigInt(`0x${sha256Hex(`outbox:${key}`).slice(0, 15)}`).toString(36);
}

/** Sends `entry`'s message unless it was sent already (recorded, or found by its marker). Throws what `send` throws. */
export async function deliverOnce(db: Db, entry: OutboxEntry, target: OutboxTarget, now: () => number, hooks: DeliverHooks = {}): Promise<Delivered> {
  if (entry.state === "sent" && entry.channelId && entry.messageId) {
    return { channelId: entry.channelId, messageId: entry.messageId, how: "recorded" };
  }
  if (entry.state === "failed") throw new Error(`outbox entry ${entry.key} was given up`);
  if (entry.attemptedAt !== null) {
    const found = await target.find(entry.marker, entry.attemptedAt - LOOK_BACK_MARGIN_MS);
    if (found) {
      markOutboxSent(db, { id: entry.id, now: now(), ...found });
      return { ...found, how: "found" };
    }
  }
  markOutboxAttempt(db, entry.id, now());
  const posted = await target.send(entry.marker);
  hooks.afterSend?.(entry, posted);
  markOutboxSent(db, { id: entry.id, now: now(), ...posted });
  return { ...posted, how: "sent" };
}
