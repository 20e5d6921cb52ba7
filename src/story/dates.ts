import type { Precision } from "../../db/types.ts";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

/** The formats an event time may take, for error messages. */
export const TIME_FORMATS = "YYYY-MM-DD or an ISO date-time with offset, e.g. 2023-11-20T09:30:00-08:00";

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Parses an event time: a calendar date (stored at noon UTC, so a Discord timestamp shows
 * the same day in every time zone from UTC−11 to UTC+11) or an ISO date-time with an offset.
 * Returns null for anything else, including impossible dates such as 2023-13-01.
 */
export function parseEventTime(text: string): { at: number; precision: Precision } | null {
  const s = text.trim();
  const d = DATE.exec(s);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!validDay(y, m, day)) return null;
    return { at: Date.UTC(y, m - 1, day, 12), precision: "date" };
  }
  const t = DATETIME.exec(s);
  if (t) {
    const [y, m, day, hh, mm, ss] = [Number(t[1]), Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6] ?? 0)];
    if (!validDay(y, m, day) || hh > 23 || mm > 59 || ss > 59) return null;
    const zone = t[7]!.toUpperCase();
    if (zone !== "Z" && (Number(zone.slice(1, 3)) > 14 || Number(zone.slice(4, 6)) > 59)) return null;
    const at = Date.parse(s.replace(" ", "T"));
    return Number.isFinite(at) ? { at, precision: "datetime" } : null;
  }
  return null;
}

/** Parses a plain calendar date (YYYY-MM-DD) to the UTC day's bounds, for filters. */
export function parseDay(text: string): { start: number; end: number } | null {
  const d = DATE.exec(text.trim());
  if (!d) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  if (!validDay(y, m, day)) return null;
  const start = Date.UTC(y, m - 1, day);
  return { start, end: start + 86_400_000 - 1 };
}
