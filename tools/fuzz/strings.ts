/**
 * Adversarial text: every Unicode plane, invisible and bidi marks, broken surrogates, huge
 * strings, FTS5 and SQL syntax, mentions, markdown, bad dates and times — mixed with words
 * the story really uses, so the fuzzer reaches deep paths as well as refusals.
 */
import type { Rng } from "./prng.ts";

/** Words and ids from the database, so that some inputs match something. */
export interface Vocabulary {
  names: string[];
  entityIds: string[];
  eventIds: string[];
  eventKeys: string[];
  slugs: string[];
  storyIds: string[];
  /** Event titles, for what a user would start typing. */
  titles: string[];
  /** Feed addresses: local sample feeds, and local ones that fail (never the internet). */
  urls: string[];
}

const INVISIBLE = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u061C",
  "\u00AD",
  "\u034F",
  "\u180E",
];
const SPACES = [" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2028", "\u2029", "\u0085", "\u000B", "\u000C"];
const CONTROL = ["\u0000", "\u0001", "\u0007", "\u001B", "\u007F", "\u009F"];
const BROKEN = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83Dz", "\uDE00\uD83D", "😀".slice(0, 1), "x\uD83D"];
const SYNTAX = [
  '"',
  "'",
  "*",
  "-",
  ":",
  "^",
  "NEAR",
  "AND",
  "OR",
  "NOT",
  "(",
  ")",
  ";",
  "--",
  "%",
  "_",
  "\\",
  "{",
  "}",
  "+",
  "/*",
  "*/",
  "NEAR(a b, 2)",
  "body : x",
  "story : s1",
  "{story body} : x",
  "a*",
  "^a",
  '"unterminated',
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  "') OR ('1'='1",
  "AND AND",
  "OR)",
  "(((",
  "* * *",
  "- -",
  "s1",
  "rowid",
  "NULL",
  "\\x00",
];
const MENTIONS = [
  "@everyone",
  "@here",
  "<@&123456789012345678>",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<#123456789012345678>",
  "<:blob:123456789012345678>",
  "<t:1700000000:R>",
  "</help:123456789012345678>",
  "@\u200Beveryone",
  "＠everyone",
];
const MARKDOWN = [
  "**bold**",
  "*",
  "__under__",
  "~~strike~~",
  "||spoiler||",
  "`code",
  "```js\nx\n```",
  "```",
  "# Heading",
  "-# small",
  "> quote",
  "[link](http://127.0.0.1:9/evil)",
  "<http://127.0.0.1:9/x>",
  "\\*",
  "***",
  "||",
  "\n\n\n",
  "* list",
  "1. item",
];
const DATES = [
  "2023-11-17",
  "2023-11-22",
  "2023-11-01",
  "2024-01-02",
  "2023-02-29",
  "2024-02-29",
  "2023-02-30",
  "2023-13-01",
  "2023-00-10",
  "0000-00-00",
  "9999-12-31",
  "0001-01-01",
  "-001-01-01",
  "+275760-09-13",
  "2023-11-17T10:00:00Z",
  "2023-11-17T25:61:00",
  "2023-11-17T10:00:00+99:00",
  "2023-11-17 10:00",
  "2023/11/17",
  "17/11/2023",
  "20231117",
  "yesterday",
  "1e309",
  "2023-11",
  "2023",
  "２０２３-１１-１７",
  "2023-11-17\u200B",
  " 2023-11-17 ",
  "NaN-NaN-NaN",
  "2023-11-17T10:00:00.000000000001Z",
];
const TIMES = [
  "00:00",
  "09:05",
  "23:59",
  "24:00",
  "25:00",
  "12:60",
  "9:5",
  "7",
  "12:00pm",
  "noon",
  "-1:00",
  "１２:００",
  "12:00:00",
  "99:99",
  "12h30",
  "۱۲:۰۰",
];
const ZONES = [
  "UTC",
  "utc",
  "Europe/Paris",
  "Asia/Shanghai",
  "Asia/Taipei",
  "America/New_York",
  "Etc/GMT+14",
  "Etc/GMT-14",
  "UTC+8",
  "+08:00",
  "GMT-25",
  "../../etc/passwd",
  "Mars/Olympus",
  "Asia/Calcutta",
  "America/Argentina/ComodRivadavia",
  "Z",
  "local",
];
const NUMBERS = ["0", "-1", "1", "1.5", "1e309", "NaN", "Infinity", "9007199254740993", "99999999999999999999", "0x10", " 1 ", "٣", "1_000", "+1", "-0"];
const WORDS = ["board", "fired", "Microsoft", "return", "ceo", "OpenAI", "董事会", "解雇", "奥特曼", "微软", "Anthropic", "letter", "staff"];

/** One code point from anywhere in Unicode: each plane, noncharacters, private use, tags. */
function anyCodePoint(rng: Rng): string {
  const ranges: [number, number][] = [
    [0x20, 0x7e],
    [0xa0, 0x2fff],
    [0x3000, 0x9fff],
    [0xac00, 0xd7a3],
    [0xe000, 0xf8ff],
    [0xfff0, 0xffff],
    [0x1f300, 0x1faff],
    [0x10000, 0x1ffff],
    [0x20000, 0x2fa1f],
    [0x30000, 0x3134f],
    [0xe0000, 0xe007f],
    [0xf0000, 0xffffd],
    [0x100000, 0x10ffff],
  ];
  const [lo, hi] = rng.pick(ranges);
  return String.fromCodePoint(rng.int(lo, hi));
}

function repeatTo(piece: string, length: number): string {
  return piece.length === 0 ? "" : piece.repeat(Math.ceil(length / piece.length)).slice(0, length);
}

/** A word the story knows (a name, an id, a key) when there is one. */
function known(rng: Rng, v: Vocabulary): string {
  const pools = [v.names, v.entityIds, v.eventIds, v.eventKeys, v.slugs, WORDS].filter((p) => p.length > 0);
  return rng.pick(rng.pick(pools));
}

/** One adversarial piece of text. */
function piece(rng: Rng, v: Vocabulary): string {
  switch (
    rng.weighted({
      known: 6,
      word: 2,
      planes: 3,
      invisible: 2,
      space: 1,
      control: 1,
      broken: 2,
      syntax: 3,
      mention: 2,
      markdown: 2,
      date: 2,
      time: 1,
      zone: 1,
      number: 2,
      zalgo: 1,
      empty: 1,
    })
  ) {
    case "known":
      return known(rng, v);
    case "word":
      return rng.pick(WORDS);
    case "planes":
      return Array.from({ length: rng.int(1, 12) }, () => anyCodePoint(rng)).join("");
    case "invisible":
      return Array.from({ length: rng.int(1, 4) }, () => rng.pick(INVISIBLE)).join("");
    case "space":
      return rng.pick(SPACES);
    case "control":
      return rng.pick(CONTROL);
    case "broken":
      return rng.pick(BROKEN);
    case "syntax":
      return rng.pick(SYNTAX);
    case "mention":
      return rng.pick(MENTIONS);
    case "markdown":
      return rng.pick(MARKDOWN);
    case "date":
      return rng.pick(DATES);
    case "time":
      return rng.pick(TIMES);
    case "zone":
      return rng.pick(ZONES);
    case "number":
      return rng.pick(NUMBERS);
    case "zalgo":
      return `e${"\u0301\u0336\u0489".repeat(rng.int(1, 60))}`;
    case "empty":
      return "";
  }
}

/**
 * An adversarial string: usually a few pieces joined, sometimes a huge one (up to 6,000
 * code units) or a known word wrapped in invisible marks. Cut to `maxLength` code units
 * when given (which may itself split a surrogate pair, on purpose).
 */
export function fuzzString(rng: Rng, v: Vocabulary, maxLength = 6000): string {
  let text: string;
  const shape = rng.weighted({ pieces: 10, huge: 1, wrapped: 2, plain: 3 });
  if (shape === "huge") text = repeatTo(piece(rng, v) || "x", rng.pick([101, 257, 1025, 2001, 4097, 6000]));
  else if (shape === "wrapped") text = `${rng.pick(INVISIBLE)}${known(rng, v)}${rng.pick(INVISIBLE)}`;
  else if (shape === "plain") text = known(rng, v);
  else text = Array.from({ length: rng.int(1, 4) }, () => piece(rng, v)).join(rng.pick(["", " ", " ", "\u200B", ":"]));
  return text.length > maxLength ? text.slice(0, maxLength) : text;
}

/** The first few characters of a known name or title, as typed so far into an autocomplete field. */
export function typedPrefix(rng: Rng, v: Vocabulary): string {
  const pool = [...v.names, ...v.titles];
  if (!pool.length) return "";
  const whole = rng.pick(pool);
  return whole.slice(0, rng.int(1, Math.min(whole.length, 12)));
}

/** A date-like string (valid or not). */
export function fuzzDate(rng: Rng): string {
  return rng.pick(DATES);
}

/** A time-of-day-like string. */
export function fuzzTime(rng: Rng): string {
  return rng.pick(TIMES);
}

/** A time-zone-like string. */
export function fuzzZone(rng: Rng): string {
  return rng.pick(ZONES);
}

/** A number-like string. */
export function fuzzNumberText(rng: Rng): string {
  return rng.pick(NUMBERS);
}
