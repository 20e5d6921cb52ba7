/**
 * How text from users, story files and feeds is placed in a message: escaped once, here,
 * by the message functions themselves, so no caller can forget it or do it twice.
 */

/**
 * Escapes text so Discord shows it as written: emphasis, code, spoilers, masked-link
 * brackets, and headings, quotes and lists at the start of a line. Mentions and timestamps
 * (`<@…>`, `<t:…>`) are left alone: whether they ping is the client's `allowedMentions`.
 */
export function md(text: string): string {
  return text
    .replace(/[\\*_~`|[\]]/g, "\\$&")
    .replace(/^([ \t]*)(-#|#{1,3}|>{1,3}|[-+])(?=[ \t])/gm, "$1\\$2")
    .replace(/^([ \t]*\d+)\.(?=[ \t])/gm, "$1\\.");
}

/** Text as inline code, which cannot escape a backtick, so none may remain (they become ˋ). */
export function code(text: string): string {
  return `\`${text.replace(/`/g, "ˋ") || "?"}\``;
}
