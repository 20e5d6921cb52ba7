import type { Precision } from "../../db/types.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The formats an event time may take, for error messages. */
export const TIME_FORMATS = "YYYY-MM-DD or an ISO date-time with offset, e.g. 2023-11-20T09:30:00-08:00";

/** UTC offsets in use run from −12:00 (Baker Island) to +14:00 (Line Islands), in minutes. */
const OFFSETS = { min: -12 * 60, max: 14 * 60 } as const;

function validDay(y: number, m: number, d: number): boolean {
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** The instant of a UTC date and time. Unlike `Date.UTC`, years 0–99 stay years 0–99 (not 1900–1999). */
function utc(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  t.setUTCHours(hh, mm, ss, ms);
  return t.getTime();
}

/** Minutes east of UTC for `Z` or `±hh:mm`, or null when the minutes are not 00–59. */
function offsetMinutes(zone: string): number | null {
  if (zone.toUpperCase() === "Z") return 0;
  const [h, m] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (m > 59) return null;
  return (zone[0] === "-" ? -1 : 1) * (h * 60 + m);
}

type Parsed = { at: number; precision: Precision } | { problem: "offset" | "invalid" };

function parse(text: string): Parsed {
  const s = text.trim();
  const d = DATE.exec(s);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!validDay(y, m, day)) return { problem: "invalid" };
    return { at: utc(y, m, day, 12), precision: "date" };
  }
  const t = DATETIME.exec(s);
  if (!t) return { problem: "invalid" };
  const [y, m, day, hh, mm, ss] = [Number(t[1]), Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
  if (!validDay(y, m, day) || hh > 23 || mm > 59 || ss > 59) return { problem: "invalid" };
  const offset = offsetMinutes(t[8]!);
  if (offset === null) return { problem: "invalid" };
  if (offset < OFFSETS.min || offset > OFFSETS.max) return { problem: "offset" };
  const ms = Number((t[7] ?? "").padEnd(3, "0").slice(0, 3));
  return { at: utc(y, m, day, hh, mm, ss, ms) - offset * 60_000, precision: "datetime" };
}

/**
 * Parses an event time: a calendar date (stored at noon UTC, so a Discord timestamp shows
 * the same day in every time zone from UTC−11 to UTC+11) or an ISO date-time with an offset
 * from −12:00 to +14:00. Returns null for anything else, including impossible dates such
 * as 2023-13-01.
 */
export function parseEventTime(text: string): { at: number; precision: Precision } | null {
  const r = parse(text);
  return "problem" in r ? null : r;
}

/** Why `text` is not an event time (after "\"…\" "), or null when it is one. */
export function eventTimeProblem(text: string): string | null {
  const r = parse(text);
  if (!("problem" in r)) return null;
  if (r.problem === "offset") return "has an offset outside the ones in use (from -12:00 to +14:00)";
  return `is not a date (expected ${TIME_FORMATS})`;
}

/** Parses a plain calendar date (YYYY-MM-DD) to the UTC day's bounds, for filters. */
export function parseDay(text: string): { start: number; end: number } | null {
  const d = DATE.exec(text.trim());
  if (!d) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!validDay(y, m, day)) return null;
  const start = utc(y, m, day);
  return { start, end: start + 86_400_000 - 1 };
}
