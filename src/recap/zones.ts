/**
 * The time zones a schedule accepts and suggestions as someone types. Pure. A zone is an
 * IANA name in any case ("asia/shanghai"), GMT or UTC, a UTC offset ("UTC+8", "GMT-03:30",
 * "+0530", stored as "UTC+05:30", which src/recap/slots.ts computes directly) or a city name
 * from a small table ("上海", "San Francisco"; src/recap/cities.ts).
 */
import { CITY_ZONES, cityKey, cityZone } from "./cities.ts";
import { zoneOffset } from "./slots.ts";

/** Shown when nothing has been typed yet. */
export const COMMON_ZONES = [
  "UTC",
  "Asia/Shanghai",
  "Asia/Taipei",
  "Asia/Hong_Kong",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Europe/London",
  "Europe/Berlin",
  "Europe/Paris",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Australia/Sydney",
] as const;

/** Current names that some ICU versions list only under their old name (Asia/Calcutta…). */
const MODERN_NAMES = ["Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "Asia/Kathmandu", "America/Nuuk", "Pacific/Kanton"];

/** The offsets in use somewhere (whole hours from −12 to +14 and the odd ones), in minutes. */
const KNOWN_OFFSETS = [
  ...Array.from({ length: 27 }, (_, i) => (i - 12) * 60),
  -9.5 * 60,
  -3.5 * 60,
  -2.5 * 60,
  3.5 * 60,
  4.5 * 60,
  5.5 * 60,
  5.75 * 60,
  6.5 * 60,
  8.75 * 60,
  9.5 * 60,
  10.5 * 60,
  12.75 * 60,
  13.75 * 60,
].sort((a, b) => a - b);

function accepted(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let cached: { names: string[]; byLower: Map<string, string> } | null = null;

/** Every zone name offered: the runtime's list, UTC and the modern names it accepts. */
function zones(): { names: string[]; byLower: Map<string, string> } {
  if (!cached) {
    const names = [...new Set(["UTC", ...Intl.supportedValuesOf("timeZone"), ...MODERN_NAMES.filter(accepted)])].sort();
    cached = { names, byLower: new Map(names.map((n) => [n.toLowerCase(), n])) };
  }
  return cached;
}

/** "UTC+08:00", "UTC-03:30" (ASCII, as stored), "UTC" for no offset. */
function offsetZone(minutes: number): string {
  if (minutes === 0) return "UTC";
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** "UTC", "GMT", "UTC+8", "gmt -03:30", "+0530" → the offset in minutes; null for anything else. */
function typedOffset(text: string): number | null {
  const m = /^(utc|gmt)?\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?$/i.exec(text.replace(/\u2212/g, "-"));
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[2]) return 0;
  const minutes = Number(m[3]) * 60 + Number(m[4] ?? 0);
  if (Number(m[4] ?? 0) > 59) return null;
  const signed = m[2] === "-" ? -minutes : minutes;
  return signed >= -12 * 60 && signed <= 14 * 60 ? signed : null;
}

/** An IANA name in any case (spaces as "_"), spelled as listed; names outside the list that Intl still accepts, in its spelling. */
function ianaZone(text: string): string | null {
  const name = text.replace(/ /g, "_");
  const listed = zones().byLower.get(name.toLowerCase());
  if (listed) return listed;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(name) || !accepted(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}

/**
 * The zone `typed` names, as a schedule stores it: an IANA name spelled as listed
 * ("asia/shanghai" → "Asia/Shanghai"), "UTC" (also for GMT), an offset such as "UTC+08:00",
 * or a city's zone ("上海" → "Asia/Shanghai"); null when it is none of these.
 */
export function resolveZone(typed: string): string | null {
  const text = typed.normalize("NFKC").trim();
  if (!text) return null;
  const offset = typedOffset(text);
  if (offset !== null) return offsetZone(offset);
  const city = cityZone(text);
  return city ? ianaZone(city) : ianaZone(text);
}

/** "UTC+08:00", "UTC−04:00", "UTC" for a zone at instant `at`. */
export function offsetLabel(zone: string, at: number): string {
  const minutes = Math.round(zoneOffset(at, zone) / 60_000);
  return offsetZone(minutes).replace("-", "−");
}

/** A suggestion: the zone, and the city name it was found by, if any. */
export interface ZoneSuggestion {
  zone: string;
  city: string | null;
}

/** Known offsets whose spellings ("utc+05:30", "utc+5:30", "utc+0530") start like `typed`, when it looks like an offset. */
function offsetsLike(typed: string): string[] {
  const q = typed
    .toLowerCase()
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, "")
    .replace(/^gmt/, "utc");
  if (!/^(utc)?[+-]?\d{0,2}:?\d{0,2}$/.test(q) || !/^(utc|[+-])/.test(q)) return [];
  const typedQ = q.startsWith("utc") ? q : `utc${q}`;
  return KNOWN_OFFSETS.filter((m) => m !== 0)
    .map(offsetZone)
    .filter((zone) => {
      const [, sign, hh, mm] = /^UTC([+-])(\d{2}):(\d{2})$/.exec(zone)!;
      const h = String(Number(hh));
      const spellings = [`utc${sign}${hh}:${mm}`, `utc${sign}${h}:${mm}`, `utc${sign}${hh}${mm}`, `utc${sign}${h}${mm}`];
      return spellings.some((s) => s.startsWith(typedQ));
    });
}

/** IANA names for `q` (lower case, "_" for spaces): those starting with it, then with a part starting with it, then containing it. */
function ianaLike(q: string): string[] {
  const scored: { name: string; score: number }[] = [];
  for (const name of zones().names) {
    const lower = name.toLowerCase();
    const at = lower.indexOf(q);
    if (at < 0) continue;
    const partStart = ["/", "_", "-"].some((sep) => lower.includes(sep + q));
    scored.push({ name, score: at === 0 ? 0 : partStart ? 1 : 2 });
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).map((s) => s.name);
}

/**
 * Up to `limit` zones for what has been typed: the zone it names exactly, offsets that start
 * like it ("gmt+5" → UTC+05:00, UTC+05:30, UTC+05:45), cities whose name (or a word of it)
 * starts with it — or contains it, in Chinese ("京" → 北京, 东京, 南京) — then IANA names (case-insensitive, spaces as "_"); the common zones when
 * nothing is typed. Each zone once.
 */
export function zoneSuggestions(typed: string, limit = 25): ZoneSuggestion[] {
  const text = typed.normalize("NFKC").trim();
  if (!text) return COMMON_ZONES.filter((z) => zones().byLower.has(z.toLowerCase())).map((zone) => ({ zone, city: null }));
  const out = new Map<string, ZoneSuggestion>();
  const add = (zone: string | null, city: string | null = null): void => {
    if (zone && !out.has(zone) && out.size < limit) out.set(zone, { zone, city });
  };
  const key = cityKey(text);
  add(resolveZone(text), cityZone(text) ? text : null);
  for (const zone of offsetsLike(text)) add(zone);
  const han = /\p{Script=Han}/u.test(key);
  const cities = CITY_ZONES.filter((c) => c.name.startsWith(key) || c.name.includes(` ${key}`) || (han && c.name.includes(key))).sort(
    (a, b) => Number(!a.name.startsWith(key)) - Number(!b.name.startsWith(key)),
  );
  for (const c of cities) add(ianaZone(c.zone), c.name);
  for (const zone of ianaLike(text.toLowerCase().replace(/\s+/g, "_"))) add(zone);
  return [...out.values()];
}

/** The zone names of {@link zoneSuggestions}. */
export function suggestZones(typed: string, limit = 25): string[] {
  return zoneSuggestions(typed, limit).map((s) => s.zone);
}
