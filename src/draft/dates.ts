/**
 * Dates in an article's sentences, resolved against the article's own date with chrono
 * (its English and Chinese parsers), plus what chrono leaves out: a bare day of the month
 * (`20日`), the weekend (`周末`), a year or month alone. A weekday on its own (`周一`,
 * `Monday`, `late Tuesday night`) is the latest such day up to the article's: news reports
 * what happened. A time is kept only when the text gives it with its zone.
 */
import * as chrono from "chrono-node";
import type { Language } from "./language.ts";

/** A date found in a text, at the precision the text gives. */
export interface FoundDate {
  index: number;
  text: string;
  /** `YYYY-MM-DD`, or an ISO date-time with offset when the text gives a time and its zone. */
  at: string;
  /** Set when the text names a span (a week, a weekend): the span, for the editor. */
  approximate: string | null;
}

/** A date the text gives only as a year or a month: no event can be dated by it. */
export interface CoarseDate {
  index: number;
  text: string;
  precision: "year" | "month";
}

const DAY_MS = 86_400_000;
const WEEKDAY = /周[一二三四五六日天]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\b/i;
/** A weekday moved off the latest one: 上周五, 下周一, last Friday, next Monday. */
const SHIFTED = /^(?:[上下本这]个?|(?:next|last|this|coming|previous)\s)/i;
const SPAN = /week|周末|上周(?![一二三四五六日天])|本周(?![一二三四五六日天])|上旬|中旬|下旬|月初|月底|月末/i;
/** Words that name a day without a calendar component chrono calls certain ("this morning"). */
const CASUAL_DAY = /today|tonight|yesterday|this (?:morning|afternoon|evening)|今|昨|前天/i;

const DAY_PART = /^(?:凌晨|早上|上午|中午|下午|傍晚|晚上|深夜|夜间|夜里|(?:in the |the )?(?:morning|afternoon|evening|night))$/i;

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const noon = (day: string): number => Date.parse(`${day}T12:00:00Z`);
const weekdayOf = (t: number): number => new Date(t).getUTCDay();

/** The latest day up to `ref` that falls on `weekday` (0 = Sunday). */
function latestWeekday(ref: number, weekday: number): number {
  return ref - ((weekdayOf(ref) - weekday + 7) % 7) * DAY_MS;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

function fromChrono(r: chrono.ParsedResult, text: string, ref: number): FoundDate | CoarseDate | null {
  const c = r.start;
  // chrono may take the comma before a date with it ("，11月20日").
  const lead = /^[\s，,、]+/.exec(r.text)?.[0].length ?? 0;
  const base = { index: r.index + lead, text: r.text.slice(lead).replace(/[\s，,、]+$/, "") };
  // A part of the day alone ("下午", "morning") qualifies a date given elsewhere.
  if (DAY_PART.test(r.text.trim())) return null;
  if (!c.isCertain("day") && !c.isCertain("weekday")) {
    if (c.isCertain("month")) return { ...base, precision: "month" };
    if (!CASUAL_DAY.test(r.text)) return null;
  }
  let day: number;
  const before = text.slice(Math.max(0, r.index - 9), r.index);
  const shifted = SHIFTED.test(r.text) || /(?:[上下本这]个?|(?:next|last|this|coming|previous)\s+)$/i.test(before);
  if (/weekend/i.test(r.text) && !shifted) {
    day = latestWeekday(ref, 6);
  } else if (WEEKDAY.test(r.text) && !/\d/.test(r.text) && !shifted) {
    day = latestWeekday(ref, c.get("weekday") ?? weekdayOf(ref));
  } else {
    day = Date.UTC(c.get("year")!, c.get("month")! - 1, c.get("day")!, 12);
  }
  const approximate = SPAN.test(r.text) ? spanOf(r.text, day) : null;
  let at = iso(day);
  if (!approximate && c.isCertain("hour") && c.isCertain("timezoneOffset")) {
    const hh = String(c.get("hour")).padStart(2, "0");
    const mm = String(c.get("minute") ?? 0).padStart(2, "0");
    at = `${at}T${hh}:${mm}:00${offsetText(c.get("timezoneOffset")!)}`;
  }
  return { ...base, at, approximate };
}

/** A week or weekend as the editor should read it: "the week of 2023-11-13 to 2023-11-19". */
function spanOf(text: string, day: number): string {
  if (/weekend|周末/i.test(text)) {
    const sat = day - ((weekdayOf(day) - 6 + 7) % 7) * DAY_MS;
    return `the weekend of ${iso(sat)} and ${iso(sat + DAY_MS)}`;
  }
  if (/week|周/i.test(text)) {
    const monday = day - ((weekdayOf(day) + 6) % 7) * DAY_MS;
    return `some day in the week of ${iso(monday)} to ${iso(monday + 6 * DAY_MS)}`;
  }
  return `around ${iso(day)} ("${text}")`;
}

/** Chinese forms chrono does not read: `20日`, `周末`, `2019 年`, `11月` alone. */
function chineseExtras(text: string, ref: number): (FoundDate | CoarseDate)[] {
  const out: (FoundDate | CoarseDate)[] = [];
  const r = new Date(ref);
  for (const m of text.matchAll(/(?<![\d月年.\-/:])(\d{1,2})\s*[日号](?![\d])(?:凌晨|早上|上午|中午|下午|傍晚|晚上|晚间|深夜|夜间)?/g)) {
    const d = Number(m[1]);
    let y = r.getUTCFullYear();
    let mo = r.getUTCMonth() + (d > r.getUTCDate() ? -1 : 0);
    if (mo < 0) [y, mo] = [y - 1, 11];
    const t = Date.UTC(y, mo, d, 12);
    if (d >= 1 && new Date(t).getUTCDate() === d) out.push({ index: m.index, text: m[0], at: iso(t), approximate: null });
  }
  for (const m of text.matchAll(/(?:上个?)?周末/g)) {
    const sat = m[0].startsWith("上") ? latestWeekday(ref, 6) - 7 * DAY_MS : latestWeekday(ref, 6);
    out.push({ index: m.index, text: m[0], at: iso(sat), approximate: spanOf(m[0], sat) });
  }
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) out.push({ index: m.index, text: m[0], precision: "year" });
  return out;
}

function englishExtras(text: string): CoarseDate[] {
  return [...text.matchAll(/\b(?:in|since|by|during|until|early|late|mid-?)\s+((?:19|20)\d{2})\b(?!\s*[-/]\d)/gi)].map((m) => ({
    index: m.index,
    text: m[0],
    precision: "year" as const,
  }));
}

/** Every date in `text`, in order, resolved against the article's day `refDay` (YYYY-MM-DD). */
export function findDates(text: string, language: Language, refDay: string): { dates: FoundDate[]; coarse: CoarseDate[] } {
  const ref = noon(refDay);
  const parser = language === "zh" ? chrono.zh : chrono.en;
  const found: (FoundDate | CoarseDate)[] = [];
  for (const r of parser.parse(text, { instant: new Date(ref), timezone: 0 })) {
    const f = fromChrono(r, text, ref);
    if (f) found.push(f);
  }
  const extras = language === "zh" ? chineseExtras(text, ref) : englishExtras(text);
  for (const e of extras) {
    const overlaps = found.some((f) => e.index < f.index + f.text.length && f.index < e.index + e.text.length);
    if (!overlaps) found.push(e);
  }
  found.sort((a, b) => a.index - b.index);
  return {
    dates: found.filter((f): f is FoundDate => "at" in f),
    coarse: found.filter((f): f is CoarseDate => "precision" in f),
  };
}
