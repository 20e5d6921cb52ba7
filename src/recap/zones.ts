/** IANA time zones: which ones a schedule accepts, and suggestions as someone types. Pure. */
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

/**
 * The zone `typed` names, spelled as listed ("asia/shanghai" → "Asia/Shanghai"), or null
 * when it is not a zone. Names outside the runtime's list that it still accepts (older or
 * newer aliases) are taken in its own spelling; UTC offsets such as "+08:00" are not zones.
 */
export function resolveZone(typed: string): string | null {
  const name = typed.trim().replace(/ /g, "_");
  if (!name) return null;
  const listed = zones().byLower.get(name.toLowerCase());
  if (listed) return listed;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(name) || !accepted(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}

/** "UTC+08:00", "UTC−04:00", "UTC" for a zone at instant `at`. */
export function offsetLabel(zone: string, at: number): string {
  const minutes = Math.round(zoneOffset(at, zone) / 60_000);
  if (minutes === 0) return "UTC";
  const abs = Math.abs(minutes);
  return `UTC${minutes < 0 ? "−" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/**
 * Up to `limit` zone names for what has been typed (case-insensitive, spaces as "_"): names
 * that start with it first, then those with a part that starts with it ("york" →
 * America/New_York), then any that contain it; the common zones when nothing is typed.
 */
export function suggestZones(typed: string, limit = 25): string[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, "_");
  if (!q) return COMMON_ZONES.filter((z) => zones().byLower.has(z.toLowerCase())).slice(0, limit);
  const scored: { name: string; score: number }[] = [];
  for (const name of zones().names) {
    const lower = name.toLowerCase();
    const at = lower.indexOf(q);
    if (at < 0) continue;
    const partStart = ["/", "_", "-"].some((sep) => lower.includes(sep + q));
    scored.push({ name, score: at === 0 ? 0 : partStart ? 1 : 2 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((s) => s.name);
}
