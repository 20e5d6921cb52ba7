import { createHash } from "node:crypto";

/**
 * The Discord nonce of one part of one slot's recap: base36 of 96 bits of a hash of the
 * schedule, the slot and the part (at most 19 characters; Discord allows 25). Sent with
 * `enforce_nonce`, a retry of the same part returns the message already created instead of
 * posting it twice. Discord keeps nonces for a few minutes, which covers the retries.
 */
export function recapNonce(scheduleId: number, guildId: string, slot: number, part: number): string {
  const digest = createHash("sha256").update(`recap:${scheduleId}:${guildId}:${slot}:${part}`).digest();
  return BigInt(`0x${digest.subarray(0, 12).toString("hex")}`).toString(36);
}
