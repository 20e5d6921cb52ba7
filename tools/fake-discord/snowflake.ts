/**
 * Discord-style snowflake ids: milliseconds since the Discord epoch in the top bits,
 * then worker, process and a 12-bit increment.
 *
 * @module
 */
import { randomBytes } from "node:crypto";

/** Id of the default "sandbox user" who triggers interactions. */
export const SANDBOX_USER_ID = "1310000000000000001";

/**
 * Fixed ids for the sandbox's one server: the same server, channels and people at every
 * run, so what a sandbox database remembers about them (the story a server follows, a
 * recap's channel) still applies after a restart. Snowflake-shaped (late 2024), below
 * anything {@link nextSnowflake} makes today.
 */
export const SANDBOX_IDS = {
  guild: "1310000000000000100",
  channels: { general: "1310000000000000101", news: "1310000000000000102", forum: "1310000000000000103", thread: "1310000000000000104" },
  /** The sandbox forum's tags (it requires one on every post). */
  tags: { recap: "1310000000000000105", discussion: "1310000000000000106" },
  roles: { readers: "1310000000000000107" },
  user: SANDBOX_USER_ID,
  /** The server's owner: its admin. */
  admin: "1310000000000000002",
} as const;

/** The Discord epoch (2015-01-01T00:00:00Z) in ms. */
export const DISCORD_EPOCH = 1420070400000n;

let lastMs = 0n;
let increment = 0n;

/** Returns a new unique, increasing snowflake (19 digits for current dates). */
export function nextSnowflake(): string {
  let ms = BigInt(Date.now()) - DISCORD_EPOCH;
  if (ms <= lastMs) {
    ms = lastMs;
    increment += 1n;
    if (increment > 4095n) {
      ms += 1n;
      increment = 0n;
    }
  } else {
    increment = 0n;
  }
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** Random url-safe token, e.g. for interaction tokens and session ids. */
export function randomToken(bytes = 48): string {
  return randomBytes(bytes).toString("base64url");
}
