/**
 * Daily slots in a time zone, with `Intl.DateTimeFormat` only. Pure.
 *
 * A schedule posts at a local time of day ("HH:MM") in its own zone; the slot for local date
 * D is the UTC instant of D at HH:MM there. On a spring-forward day a time inside the gap
 * (02:30 in New York on 2024-03-10) does not exist: the slot is the first minute after the
 * gap (03:00). On a fall-back day a time that occurs twice (01:30 on 2024-11-03) has one slot,
 * the first occurrence. A later local date never has an earlier slot.
 */

/** A time of day. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** "HH:MM" (or "H:MM"), 00:00–23:59, as hour and minute; null for anything else ("25:00", "9am"). */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** "09:05". */
export function formatTimeOfDay(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/**
 * A fixed UTC offset written as src/recap/zones.ts stores one ("UTC+08:00", "UTC-03:30"), in
 * ms east of UTC; null for a zone name. Intl (Node 20) takes no offsets, and the Etc/GMT
 * zones cover whole hours only, so these are computed here.
 */
export function fixedOffset(zone: string): number | null {
  const m = /^UTC([+-])(\d{2}):(\d{2})$/.exec(zone);
  if (!m) return null;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * MINUTE;
}

/** The wall-clock time in `zone` at instant `at`, written as if it were UTC (ms, whole seconds). */
function wallClock(at: number, zone: string): number {
  const fixed = fixedOffset(zone);
  if (fixed !== null) return Math.floor(at / 1000) * 1000 + fixed;
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
  return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The zone's offset from UTC at instant `at`, in ms (east positive). */
export function zoneOffset(at: number, zone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return wallClock(whole, zone) - whole;
}

/** A calendar date as days since 1970-01-01. */
type DayNumber = number;

/** The local calendar date in `zone` at instant `at`. */
export function localDay(at: number, zone: string): DayNumber {
  return Math.floor(wallClock(at, zone) / DAY);
}

/** The day number of "2024-03-10". */
export function parseDay(text: string): DayNumber {
  return Math.floor(Date.parse(`${text}T00:00:00Z`) / DAY);
}

/**
 * The slot of local date `day` at `time` in `zone`, as a UTC instant (ms). Offsets are taken
 * a day either side, so any one transition near the slot is seen; when neither gives back the
 * wall time asked for, it fell into a gap, and the slot is the instant the gap ends.
 */
export function slotOn(day: DayNumber, time: TimeOfDay, zone: string): number {
  const wall = day * DAY + time.hour * 3_600_000 + time.minute * MINUTE;
  const before = zoneOffset(wall - DAY, zone);
  const after = zoneOffset(wall + DAY, zone);
  const fits = [wall - before, wall - after].filter((at) => wallClock(at, zone) === wall);
  if (fits.length) return Math.min(...fits);
  // In the gap: the offset changes between these two instants; find the first one after it.
  let lo = Math.min(wall - before, wall - after);
  let hi = Math.max(wall - before, wall - after);
  const lateOffset = zoneOffset(hi, zone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zoneOffset(mid, zone) === lateOffset) hi = mid;
    else lo = mid;
  }
  return Math.ceil(hi / MINUTE) * MINUTE;
}

/** The latest slot at or before `now` (a day's slot counts from its own instant). */
export function slotAtOrBefore(now: number, time: TimeOfDay, zone: string): number {
  const today = localDay(now, zone);
  for (let day = today + 1; day >= today - 2; day--) {
    const slot = slotOn(day, time, zone);
    if (slot <= now) return slot;
  }
  return slotOn(today - 3, time, zone);
}

/** The first slot strictly after `now`. */
export function slotAfter(now: number, time: TimeOfDay, zone: string): number {
  const today = localDay(now, zone);
  for (let day = today - 1; day <= today + 2; day++) {
    const slot = slotOn(day, time, zone);
    if (slot > now) return slot;
  }
  return slotOn(today + 3, time, zone);
}
