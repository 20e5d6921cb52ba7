/**
 * Discord's tags in message text — timestamps `<t:N:STYLE>`, channel `<#id>`, user `<@id>`
 * and role `<@&id>` mentions — written out as a Discord client shows them to one reader,
 * in their locale and time zone. Pure.
 */

/** What a Discord client knows when it shows a message: who reads it where, and the names of things. */
export interface Viewer {
  /** The reader's Discord locale (`en-US`, `zh-CN`, `es-419`…): timestamps are written in it. */
  locale: string;
  /** The reader's time zone. */
  timeZone: string;
  /** Now, for relative timestamps (ms). */
  now: number;
  /** Names by id, shown for `<#id>`, `<@id>` and `<@&id>`; unknown ids stay as written. */
  channels?: ReadonlyMap<string, string>;
  users?: ReadonlyMap<string, string>;
  roles?: ReadonlyMap<string, string>;
}

type Style = "t" | "T" | "d" | "D" | "f" | "F" | "R";

function format(at: Date, v: Viewer, opts: Intl.DateTimeFormatOptions): string {
  let locale = v.locale;
  if (!Intl.DateTimeFormat.supportedLocalesOf(locale).length) locale = "en-US";
  return new Intl.DateTimeFormat(locale, { timeZone: v.timeZone, ...opts }).format(at);
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
];

/** "3 years ago", "in 5 minutes", "3年前": the largest unit that fits, as Discord's R style. */
function relative(ms: number, v: Viewer): string {
  let n = (ms - v.now) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = "year";
  for (const [u, size] of RELATIVE_UNITS) {
    if (Math.abs(n) < size) {
      unit = u;
      break;
    }
    n /= size;
  }
  const locale = Intl.RelativeTimeFormat.supportedLocalesOf(v.locale).length ? v.locale : "en-US";
  // Half away from zero, both ways ("in 1.5 months" and "1.5 months ago" both say 2).
  const rounded = Math.sign(n) * Math.round(Math.abs(n));
  return new Intl.RelativeTimeFormat(locale, { numeric: "always" }).format(rounded || 0, unit);
}

/** A `<t:seconds:style>` tag as a client in `v`'s locale and zone shows it. */
export function formatTimestamp(seconds: number, style: Style, v: Viewer): string {
  const at = new Date(seconds * 1000);
  if (Number.isNaN(at.getTime())) return `<t:${seconds}:${style}>`;
  const time = (withSeconds: boolean) => format(at, v, { timeStyle: withSeconds ? "medium" : "short" });
  switch (style) {
    case "t":
      return time(false);
    case "T":
      return time(true);
    case "d":
      return format(at, v, { year: "numeric", month: "2-digit", day: "2-digit" });
    case "D":
      return format(at, v, { dateStyle: "long" });
    case "f":
      return `${format(at, v, { dateStyle: "long" })} ${time(false)}`;
    case "F":
      return `${format(at, v, { dateStyle: "full" })} ${time(false)}`;
    case "R":
      return relative(at.getTime(), v);
  }
}

const TAGS = /<t:(-?\d{1,13})(?::([tTdDfFR]))?>|<#(\d{1,20})>|<@!?(\d{1,20})>|<@&(\d{1,20})>/g;

/** Message text with Discord's tags (timestamps, channel, user and role mentions) as a client shows them. */
export function showTags(text: string, v: Viewer): string {
  return text.replace(TAGS, (tag, t?: string, style?: string, channel?: string, user?: string, role?: string) => {
    if (t !== undefined) return formatTimestamp(Number(t), (style ?? "f") as Style, v);
    if (channel !== undefined) return v.channels?.has(channel) ? `#${v.channels.get(channel)}` : tag;
    if (user !== undefined) return v.users?.has(user) ? `@${v.users.get(user)}` : tag;
    if (role !== undefined) return v.roles?.has(role) ? `@${v.roles.get(role)}` : tag;
    return tag;
  });
}
