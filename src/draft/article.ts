/**
 * An article as the drafter reads it: headline, publisher, date and body paragraphs, with
 * the page furniture (share prompts, copyright lines, "附图") left out. The date comes from
 * the operator (`--date`), else the page's metadata, else a dateline near the top.
 */
import { extractHtml, linesOf } from "./extract.ts";
import { DraftError } from "./errors.ts";
import { detectLanguage, type Language } from "./language.ts";
import type { RawArticle } from "./read.ts";

/** The day the article appeared, and its time when the page gives one with an offset. */
export interface ArticleDate {
  day: string;
  /** An ISO date-time with offset, when known to the minute. */
  at: string | null;
  from: "--date" | "metadata" | "dateline";
}

export interface Article {
  title: string | null;
  /** Body paragraphs in order; headings are kept (they mark sections) and flagged by `isHeading`. */
  paragraphs: string[];
  language: Language;
  date: ArticleDate;
  publisher: string | null;
  url: string | null;
  origin: string;
}

const DATELINE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** "March 6, 2024" or "6 March 2024", on a line of its own near the top. */
const EN_DATELINE = /\b(?:([A-Z][a-z]{2,8})\.? (\d{1,2}),? (\d{4})|(\d{1,2}) ([A-Z][a-z]{2,8}) (\d{4}))\b/;
const BYLINE = /^By\s+([^,|]+)(?:\s*[,|]\s*(.+))?$/;
const PUBLISHER = /(?:微信公众号|公众号|来源|作者|Source|By)\s*[:：]\s*([^\s·|,，]+)/i;
const FURNITURE = [
  /^【.*】/,
  /本文由.*(?:授权|发布)/,
  /本平台仅提供信息存储服务|如有任何疑问|版权(?:归|所有)|转载请|扫码|点击(?:关注|阅读)/,
  /^(?:附图|本文涉及|旗下微信矩阵|相关阅读|推荐阅读|责任编辑|编辑)[:：]?$/,
  /^(?:share|subscribe|sign up|advertisement|related|read more)\b/i,
  /all rights reserved|^©|^copyright\b/i,
];

/** No news article comes near these; a text past them is many articles, or not one at all. */
export const MAX_PARAGRAPHS = 2000;
export const MAX_TEXT_CHARS = 1_000_000;

const pad = (n: string | number): string => String(n).padStart(2, "0");

/** Whether a line is a section heading: short and without sentence punctuation, or numbered. */
export function isHeading(line: string, language: Language): boolean {
  if (/^(?:\d{1,2}|[一二三四五六七八九十]+)[\s、.．]\s*\S/.test(line) && line.length <= 40 && !/[。！？.!?]$/.test(line)) return true;
  const max = language === "zh" ? 30 : 70;
  return line.length <= max && !/[，,。:：;；!?！？.“”"「」]/.test(line) && !/\d{4}/.test(line);
}

function validDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The day a dateline gives, numeric (2023-11-21, 2023年11月21日) or English (March 6, 2024). */
function datelineDay(line: string): string | null {
  // A dateline is the date and little else: not a sentence that starts with one.
  const isLine = (m: RegExpExecArray) => {
    const rest = line.replace(m[0], "").trim();
    return rest.length <= 50 && !/[。，]|\.$/.test(rest);
  };
  const d = DATELINE.exec(line);
  if (d && isLine(d) && validDay(Number(d[1]), Number(d[2]), Number(d[3]))) return `${d[1]}-${pad(d[2]!)}-${pad(d[3]!)}`;
  const e = EN_DATELINE.exec(line);
  if (!e || !isLine(e)) return null;
  const month = MONTHS.indexOf((e[1] ?? e[5])!.slice(0, 3).toLowerCase()) + 1;
  const [y, day] = [Number(e[3] ?? e[6]), Number(e[2] ?? e[4])];
  return month > 0 && validDay(y, month, day) ? `${y}-${pad(month)}-${pad(day)}` : null;
}

/** A date from `--date` or metadata: YYYY-MM-DD, or an ISO date-time (its own day, its offset). */
export function parseArticleDate(text: string, from: ArticleDate["from"]): ArticleDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text.trim());
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const zone = m[6] ? (m[6].toUpperCase() === "Z" ? "Z" : m[6].replace(/^([+-]\d{2}):?(\d{2})$/, "$1:$2")) : null;
  return { day, at: m[4] && zone ? `${day}T${m[4]}:${m[5]}:00${zone}` : null, from };
}

/** Reads the parts of an article out of a raw page or text file. */
export function readArticleParts(raw: RawArticle, dateOption: string | null): Article {
  const page = raw.html ? extractHtml(raw.body) : null;
  let lines = page ? page.paragraphs : linesOf(raw.body);
  lines = lines.filter((l) => !FURNITURE.some((re) => re.test(l)));
  const text = lines.join("\n");
  if (!text.replace(/[\s\p{P}\p{S}]/gu, "")) throw new DraftError(`${raw.origin} has no article text`);
  if (lines.length > MAX_PARAGRAPHS || text.length > MAX_TEXT_CHARS) {
    throw new DraftError(
      `${raw.origin} is too long for one article (${lines.length} paragraphs, ${text.length} characters; at most ${MAX_PARAGRAPHS} and ${MAX_TEXT_CHARS})`,
    );
  }
  const language = detectLanguage(text);

  // A dateline near the top gives the date (and often the publisher); it is no paragraph.
  let dateline: ArticleDate | null = null;
  let publisher = page?.siteName ?? null;
  const top = Math.min(lines.length, 8);
  for (let i = 0; i < top && !dateline; i++) {
    const line = lines[i]!;
    const day = line.length <= 120 ? datelineDay(line) : null;
    if (!day) continue;
    dateline = { day, at: null, from: "dateline" };
    publisher = PUBLISHER.exec(line)?.[1] ?? publisher;
    lines.splice(i, 1);
  }
  // "By Ines Calder, Harbor Ledger": the outlet after the comma is the publisher.
  const by = lines.slice(0, top).findIndex((l) => BYLINE.test(l) && l.length <= 100);
  if (by >= 0) {
    publisher ??= BYLINE.exec(lines[by]!)?.[2]?.trim() ?? null;
    lines.splice(by, 1);
  }

  // The headline: the page's, else the first short line that does not introduce something.
  let title = page?.title ?? null;
  if (!page) {
    const at = lines.findIndex((l) => l.length <= 80 && !/[:：]$/.test(l));
    if (at >= 0 && at < 3) {
      title = lines[at]!;
      lines = lines.slice(at + 1);
    }
  } else if (title) {
    lines = lines.filter((l) => l !== title);
  }

  let date: ArticleDate | null = null;
  if (dateOption !== null) {
    date = parseArticleDate(dateOption, "--date");
    if (!date || date.at) throw new DraftError(`--date ${dateOption}: expected a date as YYYY-MM-DD`);
  }
  date ??= (page?.published ? parseArticleDate(page.published, "metadata") : null) ?? dateline;
  if (!date)
    throw new DraftError(
      "the article's date could not be found: give it with --date YYYY-MM-DD (relative dates such as 周一 or last week are read against it)",
    );
  return { title, paragraphs: lines, language, date, publisher, url: raw.url, origin: raw.origin };
}
