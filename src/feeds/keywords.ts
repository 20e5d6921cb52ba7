/** A feed's keywords as an editor types them: "openai, 奥特曼，board crisis". */

/** Keywords kept per feed at most. */
export const MAX_KEYWORDS = 20;
/** Longest keyword kept. */
export const MAX_KEYWORD = 60;

/**
 * Splits on commas (also the Chinese "，" and "、") and semicolons, trims and collapses
 * spaces, drops blanks and repeats (case-insensitively), keeps at most MAX_KEYWORDS of at
 * most MAX_KEYWORD characters each.
 */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；]/)) {
    const word = [...raw.replace(/\s+/g, " ").trim()].slice(0, MAX_KEYWORD).join("").trim();
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
    if (out.length === MAX_KEYWORDS) break;
  }
  return out;
}
