/**
 * Discord's message limits, and cutting text to fit them. Lengths are counted in UTF-16
 * code units (`string.length`), which is never less than Discord's own count, so a text
 * that fits here fits there.
 */
import { stripControl } from "../text/clean.ts";

/** Discord's limits on message payloads, embeds, components and autocomplete. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  actionRows: 5,
  rowButtons: 5,
  customId: 100,
  buttonLabel: 80,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionDescription: 100,
  selectOptionValue: 100,
  selectPlaceholder: 150,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** What {@link truncate} appends to a text it cut. */
export const ELLIPSIS = "…";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The grapheme clusters (user-perceived characters) of a text. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * Code points that may join a grapheme cluster with a neighbour (marks, joiners and other
 * format characters, CR, Hangul jamo, the few Prepend and SpacingMark letters, and every
 * astral code point: emoji, flags, modifiers, tags), tested one code unit at a time.
 */
const CLUSTERING = /[\p{M}\p{Cf}\r\u0D4E\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\uFF9E\uFF9F\u{10000}-\u{10FFFF}\uD800-\uDFFF]/u;

/**
 * Whether there is certainly a grapheme boundary before `text[j]`: at the start, or
 * between two code units neither of which is {@link CLUSTERING} (no rule joins those, and
 * no sequence that a later boundary depends on can run across them).
 */
function plainBoundary(text: string, j: number): boolean {
  return j === 0 || (!CLUSTERING.test(text.charAt(j - 1)) && !CLUSTERING.test(text.charAt(j)));
}

/**
 * The longest run of whole graphemes from the start of `text` that is at most `max` code
 * units long. Only the stretch from the last certain boundary before `max` to `max + 2` is
 * segmented: a boundary depends only on the code point after it and what precedes it, back
 * to a certain boundary, so those are the text's own boundaries.
 */
export function takeGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let start = max;
  while (!plainBoundary(text, start)) start--;
  if (start === max) return text.slice(0, max);
  let end = start;
  for (const { index, segment } of segmenter.segment(text.slice(start, max + 2))) {
    if (start + index + segment.length > max) break;
    end = start + index + segment.length;
  }
  return text.slice(0, end);
}

/**
 * The longest run of whole graphemes from the end of `text` that is at most `max` code
 * units long. Segments from the last certain boundary before the cut, not the whole text.
 */
export function takeLastGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const start = text.length - max;
  let from = start;
  while (!plainBoundary(text, from)) from--;
  if (from === start) return text.slice(start);
  for (const { index } of segmenter.segment(text.slice(from))) {
    if (from + index >= start) return text.slice(from + index);
  }
  return "";
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` with every half of a broken surrogate pair (Discord refuses them) replaced by U+FFFD; same length. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/**
 * Cuts `text` to at most `max` code units at a grapheme boundary, ending it with "…" when
 * it was cut. Never splits a surrogate pair, a combining sequence, a ZWJ emoji, a flag or a
 * Chinese character. Trailing whitespace before the "…" is dropped. A broken surrogate pair
 * already in `text` (e.g. echoed user input) becomes U+FFFD, and control characters are
 * removed ({@link stripControl}: a tab becomes a space, line feeds stay). Every text of
 * every payload passes here (fitMessage, fitChoices, private refusals), so nothing stored
 * or typed reaches Discord with a NUL or an escape in it.
 */
export function truncate(input: string, max: number): string {
  const text = wellFormed(stripControl(input));
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return "";
  return takeGraphemes(text, max - ELLIPSIS.length).trimEnd() + ELLIPSIS;
}
