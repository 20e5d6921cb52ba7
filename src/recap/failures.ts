/**
 * What a failed recap post means for its schedule: pause it at once (the bot cannot reach or
 * post in the channel: only a person can fix that) or try again on the next tick, up to
 * {@link MAX_ATTEMPTS} times (5xx and rate limits that discord.js's own retries did not get
 * past, network trouble, a failed write).
 */
import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import type { RecapStrings } from "../i18n/recap.ts";
import { NotSendableError } from "../outbox/channel.ts";

/** Why a schedule is paused; stored in `paused_reason` and shown by `/recap status`. */
export type PauseCode = keyof RecapStrings["reasons"];

/** Attempts at one slot, one per minute, before the schedule is paused as "failing". */
export const MAX_ATTEMPTS = 5;

/** Discord's error codes that pause a schedule at once. */
const PAUSING: Record<number, PauseCode> = {
  50001: "no_access",
  50013: "no_permission",
  10003: "channel_gone",
  40067: "no_tag",
  50083: "thread_locked",
};

/** A refusal found before posting (missing permission, not a text channel): pauses at once. */
export class RecapPauseError extends Error {
  override name = "RecapPauseError";
  constructor(
    readonly code: PauseCode,
    detail: string,
  ) {
    super(detail);
  }
}

/** How to treat a failure: `pause` set → pause now; null → retry on the next tick. */
export interface Classified {
  pause: PauseCode | null;
  /** What went wrong, for `last_failure` and the logs (no secrets: Discord's own words). */
  detail: string;
}

/** Classifies an error thrown while posting a recap. */
export function classifyFailure(err: unknown): Classified {
  if (err instanceof RecapPauseError) return { pause: err.code, detail: err.message };
  if (err instanceof NotSendableError) return { pause: "not_sendable", detail: err.message };
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === "number" ? err.code : 0;
    const detail = `${err.status} ${code} ${err.message}`.slice(0, 300);
    const pause = PAUSING[code] ?? (err.status === 403 ? "no_permission" : err.status === 404 ? "channel_gone" : null);
    return { pause, detail };
  }
  if (err instanceof HTTPError) return { pause: null, detail: `${err.status} ${err.message}`.slice(0, 300) };
  if (err instanceof RateLimitError) return { pause: null, detail: `429 rate limited for ${err.retryAfter} ms` };
  return { pause: null, detail: (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300) };
}
