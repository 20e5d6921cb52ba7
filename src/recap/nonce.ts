import { sha256Hex } from "../../db/hash.ts";

/**
 * The Discord nonce of one part of one slot's recap: base36 of 96 bits of a hash of the
 * schedule, the slot and the part (at most 19 characters; Discord allows 25). Sent with
 * `enforce_nonce`, a retry of the same part returns the message already created instead of
 * posting it twice. Discord keeps nonces for a few minutes, which covers the retries.
 */
export function recapNonce(scheduleId: number, guildId: string, slot: number, part: number): string {
  const digest = sha256Hex(`recap:${scheduleId}:${guildId}:${slot}:${part}`);
  return BigInt(`0x${digest.slice(0, 24)}`).toString(36);
}
