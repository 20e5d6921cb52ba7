/**
 * How HTML becomes plain text for Storyline (feed summaries, drafted articles): no line
 * wrapping, links as their text, images and figures dropped, headings as written (not in
 * capitals), tables as rows. One rule, so a feed item and an article read alike.
 */
import { convert, type HtmlToTextOptions } from "html-to-text";

const SELECTORS: NonNullable<HtmlToTextOptions["selectors"]> = [
  { selector: "a", options: { ignoreHref: true } },
  { selector: "img", format: "skip" },
  { selector: "picture", format: "skip" },
  { selector: "figure", format: "skip" },
  { selector: "ul", options: { itemPrefix: " " } },
  { selector: "ol", options: { itemPrefix: " " } },
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((h) => ({ selector: h, options: { uppercase: false } })),
  { selector: "table", format: "dataTable", options: { uppercaseHeaderCells: false } },
];

/** `html` as plain text; with `maxInput`, longer HTML is cut before converting. */
export function htmlToText(html: string, maxInput?: number): string {
  return convert(html, { wordwrap: false, selectors: SELECTORS, ...(maxInput ? { limits: { maxInputLength: maxInput } } : {}) });
}
