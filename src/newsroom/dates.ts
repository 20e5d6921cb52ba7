/**
 * Dates a report mentions — "17 November", "Nov. 17", "11月17日", "2023-11-17", "Friday",
 * "周五", a year — as language-independent keys ("@11-17", "@2019"), and the text with
 * those spans blanked so their digits are not read again as numbers. Weekdays and a bare
 * "17日" are resolved against the item's own date (the latest such day on or before it).
 */

const DAY = 86_400_000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const WEEKDAYS_EN = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAYS_ZH = "日一二三四五六";

const ISO = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g;
const ZH_DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]/g;
const ZH_DAY = /(?<![\d月])(\d{1,2})[日号]/g;
const EN_MD = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, "gi");
const EN_DM = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`, "gi");
const EN_WEEKDAY = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/gi;
const ZH_WEEKDAY = /(?:周|星期|礼拜)([日天一二三四五六])/g;
const YEAR = /(?<![\d.,$])((?:19|20)\d{2})(?:年)?(?![\d%])/g;

const pad = (n: number): string => String(n).padStart(2, "0");
const key = (month: number, day: number): string | null => (month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `@${pad(month)}-${pad(day)}` : null);

/** The latest day on or before `at` that is weekday `wd` (0 = Sunday), as a key. */
function weekdayKey(wd: number, at: number): string | null {
  const d = new Date(at);
  const back = (d.getUTCDay() - wd + 7) % 7;
  const day = new Date(at - back * DAY);
  return key(day.getUTCMonth() + 1, day.getUTCDate());
}

export interface DateMentions {
  keys: string[];
  /** The text with every date span replaced by spaces (same length). */
  rest: string;
}

/** Date mentions of `text` (NFKC-normalised, case as written); `at` resolves weekdays. */
export function extractDates(text: string, at: number | null): DateMentions {
  const keys = new Set<string>();
  let rest = text;
  const take = (re: RegExp, toKey: (m: RegExpExecArray) => string | null): void => {
    rest = rest.replace(re, (...args: unknown[]) => {
      const m = args.slice(0, -2) as unknown as RegExpExecArray;
      const k = toKey(m);
      if (k) keys.add(k);
      return " ".repeat(String(args[0]).length);
    });
  };
  const ownYear = at === null ? null : new Date(at).getUTCFullYear();
  /** A year other than the item's own is worth a key ("@2019"); then the month and day's key. */
  const dated = (y: string | undefined, month: number, day: number): string | null => {
    if (y && Number(y) !== ownYear) keys.add(`@${y}`);
    return Number.isNaN(month) ? null : key(month, day);
  };
  take(ISO, (m) => dated(m[1], Number(m[2]), Number(m[3])));
  take(ZH_DATE, (m) => dated(m[1], Number(m[2]), Number(m[3])));
  take(EN_MD, (m) => key(MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2])));
  take(EN_DM, (m) => key(MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1])));
  if (at !== null) {
    take(ZH_DAY, (m) => {
      const d = new Date(at);
      const day = Number(m[1]);
      const month = day <= d.getUTCDate() ? d.getUTCMonth() + 1 : d.getUTCMonth() || 12;
      return key(month, day);
    });
    take(EN_WEEKDAY, (m) => weekdayKey(WEEKDAYS_EN.indexOf(m[1]!.toLowerCase()), at));
    take(ZH_WEEKDAY, (m) => weekdayKey(Math.max(0, WEEKDAYS_ZH.indexOf(m[1] === "天" ? "日" : m[1]!)), at));
  }
  take(YEAR, (m) => dated(m[1], NaN, NaN));
  return { keys: [...keys], rest };
}
