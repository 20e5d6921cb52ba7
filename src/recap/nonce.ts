import { recapOutboxKey } from "../../db/recaps.ts";
import { outboxMarker } from "../outbox/deliver.ts";

/**
 * The marker of one part of one slot's recap: its outbox entry's nonce, printed in the
 * message's footer as "ref …" (see src/recap/parts.ts), and the `ref` `/recap log` shows for
 * the first part.
 */
export function recapMarker(scheduleId: number, slot: number, part: number): string {
  return outboxMarker(recapOutboxKey(scheduleId, slot, part));
}
