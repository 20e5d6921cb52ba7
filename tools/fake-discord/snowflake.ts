/**
 * Discord-style snowflake ids: milliseconds since the Discord epoch in the top bits,
 * then worker, process and a 12-bit increment.
 *
 * @module
 */
import { randomBytes } from "node:crypto";

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
