/**
 * Cleaning text of control characters. Pure, and below every layer (no imports), so the
 * story importer, the command options, the feeds and the renderers all share this one rule.
 */

/** Every C0 and C1 control character (and DEL) except the line feed. */
const CONTROL = /[^\P{Cc}\n]/gu;

/**
 * `text` without control characters: a tab becomes a space, CR LF and a lone CR become a
 * line feed (so old-Mac line breaks stay line breaks), and every other C0/C1 control (NUL,
 * BEL, ESC, DEL, U+0080–U+009F…) is removed. Discord shows them as boxes or refuses them,
 * and a terminal would obey them.
 */
export function stripControl(text: string): string {
  if (!hasControl(text)) return text;
  return text.replace(/\t/g, " ").replace(/\r\n?/g, "\n").replace(CONTROL, "");
}

/** Whether `text` holds a control character other than the line feed. */
export function hasControl(text: string): boolean {
  return /[^\P{Cc}\n]/u.test(text);
}
