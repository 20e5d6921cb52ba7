/**
 * Waiting for the bot's answers: the first within Discord's 3 seconds, the whole of it
 * (after a deferral) within 10; and, at the end, whether the bot still answers at all.
 */
import type { InteractionHandle, InteractionOutcome } from "../fake-discord/index.ts";
import type { Problem } from "./checks.ts";
import type { FuzzWorld } from "./world.ts";

/** Discord's deadline for the first answer. */
const ACK_MS = 3000;
/** How long a deferred answer may take to complete here. */
const COMPLETE_MS = 10_000;

/** Waits for the answer; the problems if it came late or never completed. */
export async function answer(handle: InteractionHandle): Promise<{ outcome: InteractionOutcome | null; problems: Problem[] }> {
  const interactionId = handle.id;
  try {
    await handle.acknowledged(ACK_MS);
  } catch {
    return { outcome: null, problems: [{ invariant: "unanswered in 3 s", detail: "no callback within 3 s", interactionId }] };
  }
  try {
    return { outcome: await handle.settled({ timeoutMs: COMPLETE_MS, quietMs: 15 }), problems: [] };
  } catch (err) {
    return { outcome: null, problems: [{ invariant: "never completed", detail: (err as Error).message, interactionId }] };
  }
}

/** Adds one to `key`. */
export function count(tally: Record<string, number>, key: string): void {
  tally[key] = (tally[key] ?? 0) + 1;
}

/** How the bot answered, for the report's tally. */
export function answerKind(o: InteractionOutcome): string {
  if (o.modal) return "modal";
  if (o.choices) return o.choices.length ? "choices" : "no choices";
  if (o.callbackType === 7 || o.callbackType === 6) return "update";
  return o.ephemeral ? "ephemeral" : "public";
}

/** The bot still answers after the run: ready, and /help answered in every guild. */
export async function aliveProblems(world: FuzzWorld): Promise<Problem[]> {
  if (!world.bot.client.isReady()) return [{ invariant: "not alive at the end", detail: "the client is not ready" }];
  const problems: Problem[] = [];
  for (const guildId of world.guildIds) {
    try {
      const handle = await world.fake.command({ name: "help", guildId });
      await handle.acknowledged(ACK_MS);
    } catch (err) {
      problems.push({ invariant: "not alive at the end", detail: `/help in ${guildId}: ${(err as Error).message}` });
    }
  }
  return problems;
}
