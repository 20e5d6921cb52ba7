import type { Lang, Precision, Source } from "../../db/types.ts";
import { md, t } from "../i18n/index.ts";
import { truncate } from "./limits.ts";

/** Events this important or more get {@link IMPORTANT_MARK}. */
export const IMPORTANT_FROM = 4;

/** The marker shown before an event of importance {@link IMPORTANT_FROM} or more. */
export const IMPORTANT_MARK = "❗";

/** "❗ " for an important event, "" otherwise: put it straight before the title. */
export function importanceMark(importance: number): string {
  return importance >= IMPORTANT_FROM ? `${IMPORTANT_MARK} ` : "";
}

/** Text on one line: runs of whitespace, line breaks included, become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * On one line and at most `max` long, not escaped: for a parameter of a message function
 * (src/i18n), which escapes it itself.
 */
export function clip(text: string, max: number): string {
  return truncate(oneLine(text), max);
}

/** Escaped, on one line and at most `max` long (cut before escaping, so it stays well-formed): for text a renderer places itself. */
export function inline(text: string, max: number): string {
  return md(clip(text, max));
}

/** A Discord timestamp tag: `<t:1700000000:f>`. */
export function discordTimestamp(at: number, style: "f" | "F" | "d" | "D" | "R" | "t"): string {
  return `<t:${Math.floor(at / 1000)}:${style}>`;
}

/** The UTC calendar day of `at` as text in `lang`: "Nov 20, 2023" / "2023年11月20日". */
export function formatDay(at: number, lang: Lang): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return "—";
  return t(lang).dates.day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * When an event happened. A `date`-precision event is a calendar fact, stored at noon UTC
 * of its day: it is shown as that day in words ({@link formatDay}), never with a time, so
 * it reads the same in every time zone (a `<t:…:D>` tag would show the next day east of
 * UTC+12) and in the reply's language. A `datetime` event is an instant: a Discord
 * timestamp, which each reader sees in their own time zone, with "(3 hours ago)" when
 * `relative` is asked for.
 */
export function formatWhen(at: number, precision: Precision, lang: Lang, opts: { relative?: boolean } = {}): string {
  if (precision === "date") return formatDay(at, lang);
  const full = discordTimestamp(at, "f");
  return opts.relative ? `${full} (${discordTimestamp(at, "R")})` : full;
}

/** A URL safe to put in a Markdown link, or null for anything but http(s). */
export function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.href.replace(/\(/g, "%28").replace(/\)/g, "%29");
  } catch {
    return null;
  }
}

/**
 * A source as Markdown: `[name](url)` when it has a usable URL and the link fits in `max`,
 * the escaped name otherwise.
 */
export function sourceLink(source: Source, max = 400): string {
  const name = inline(source.name, Math.min(max, 200)) || "—";
  const url = safeUrl(source.url);
  if (url) {
    const link = `[${name}](${url})`;
    if (link.length <= max) return link;
  }
  return name;
}
