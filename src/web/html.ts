/**
 * HTML built by a tagged template that escapes every value placed in it, so stored text
 * (titles, names, quotes, source names) is always shown as text. Only {@link Html} values,
 * made by `html` itself, go in unescaped.
 */
import { safeUrl } from "../render/format.ts";

/** Markup known to be safe: made by {@link html} from escaped parts. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text escaped for HTML content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return "";
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

/** `html\`<p>${title}</p>\``: strings and numbers escaped, Html kept, arrays joined, null/false dropped. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** An http(s) link target for a stored URL, or null: `javascript:`, `data:` and the like are never links. */
export function linkTarget(url: string | null): string | null {
  return safeUrl(url);
}
