/** Rules for the characters of every text in a story file, and showing a value in a message. */

/** C0 controls except tab and line feed, DEL, and the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this is for.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** With the `u` flag a surrogate class matches only halves without their partner. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why a text cannot be stored (a control character, half a surrogate pair), or null. */
export function characterProblem(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `contains a control character (${hex(control[0].charCodeAt(0))})`;
  const lone = LONE_SURROGATE.exec(text);
  if (lone) return `contains half of a surrogate pair (${hex(lone[0].charCodeAt(0))}), which is not a character`;
  return null;
}

/** Text with every control character and lone surrogate removed: what a story file may hold. */
export function storableText(text: string): string {
  return text.replace(new RegExp(CONTROL.source, "g"), "").replace(new RegExp(LONE_SURROGATE.source, "gu"), "");
}

/** Characters as people count them: code points, so an emoji or a CJK extension character is one. */
export function characterCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * A value quoted for a problem line: escaped (so control characters and half surrogates are
 * visible, never printed) and cut to `max` characters with `…`.
 */
export function shown(value: unknown, max = 60): string {
  const text = String(value);
  const cut = text.length > max ? `${text.slice(0, max).replace(/[\uD800-\uDBFF]$/, "")}…` : text;
  return JSON.stringify(cut).replace(/[\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** `events[3].entities[1]` from keys and indices (odd keys quoted); the top level is `(file)`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (typeof p === "string" && /^[A-Za-z_][\w-]{0,40}$/.test(p)) out += `${out ? "." : ""}${p}`;
    else out += `[${shown(String(p), 40)}]`;
  }
  return out || "(file)";
}
