/** Feed texts → plain text: HTML reduced to its words, whitespace collapsed, length capped. */
import { truncate } from "../render/limits.ts";
import { stripControl } from "../text/clean.ts";
import { htmlToText } from "../text/html.ts";

/** Longest event title taken from a feed item. */
export const TITLE_MAX = 250;
/** Longest event summary taken from a feed item. */
export const SUMMARY_MAX = 1000;
/** Longest feed title kept. */
export const FEED_TITLE_MAX = 200;
/** HTML longer than this is cut before converting: a summary needs far less. */
const HTML_INPUT_MAX = 50_000;

/**
 * The plain text of an HTML fragment (or of text that merely might hold markup or
 * entities): no tags, links, images or scripts, no control characters (also none written
 * as `&#1;`); whitespace runs become one space; cut at `max` characters (grapheme-safe,
 * with an ellipsis).
 */
export function plainText(html: string | null | undefined, max: number): string {
  if (!html) return "";
  const input = html.length > HTML_INPUT_MAX ? html.slice(0, HTML_INPUT_MAX) : html;
  const text = /[<&]/.test(input) ? htmlToText(input, HTML_INPUT_MAX) : input;
  return truncate(stripControl(text).replace(/\s+/g, " ").trim(), max);
}
