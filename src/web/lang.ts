/** The reader's language and dates written in it. */
import type { Lang, Precision } from "../../db/types.ts";
import { formatDay } from "../render/format.ts";

/**
 * `?lang=zh|en` first; otherwise the first of Accept-Language's languages (by q) that is
 * English or Chinese; otherwise English.
 */
export function chooseLang(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === "zh" || query === "en") return query;
  const wanted = (acceptLanguage ?? "")
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
    })
    .filter((w) => w.q > 0 && /^(en|zh)(?:$|-)/.test(w.tag))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return wanted[0]?.tag.startsWith("zh") ? "zh" : "en";
}

const TIME = {
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" }),
  zh: new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", timeZone: "UTC", hourCycle: "h23" }),
};

/** The UTC day, in words of `lang` ("Nov 20, 2023" / "2023年11月20日"). */
export function dayText(at: number, lang: Lang): string {
  return formatDay(at, lang);
}

/** When an event happened: its day, and for an instant its time in UTC too. */
export function whenText(at: number, precision: Precision, lang: Lang): string {
  if (precision === "date") return dayText(at, lang);
  return `${dayText(at, lang)} ${TIME[lang].format(at)} UTC`;
}

/** The UTC day of `at` as YYYY-MM-DD (for grouping and `datetime` attributes). */
export function isoDay(at: number): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? "0000-00-00" : d.toISOString().slice(0, 10);
}

/** `at` as an ISO instant for `datetime` attributes, or "" when it is out of range. */
export function isoTime(at: number): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}
