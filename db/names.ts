import { hasHan } from "./text.ts";

/**
 * Normalises a name for lookup: NFKC, lower case, accents stripped, punctuation such as
 * "·" and "-" treated as spaces, spaces collapsed. "Ilya Sutskéver" and "ilya  sutskever"
 * become the same key; Chinese is kept as it is (without its middle dot).
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, " ")
    .trim();
}

/** Every normalised name an entity answers to: its names in both languages and its aliases. */
export function namesOf(entity: { name: { en: string | null; zh: string | null }; aliases: readonly string[] }): string[] {
  const raw = [entity.name.en, entity.name.zh, ...entity.aliases].filter((s): s is string => !!s);
  const out = new Set<string>();
  for (const r of raw) {
    const n = normalizeName(r);
    if (n) out.add(n);
    // "伊利亚·苏茨克维" is also found as "伊利亚苏茨克维".
    const joined = n.replace(/ /g, "");
    if (joined && hasHan(joined)) out.add(joined);
  }
  return [...out];
}

/** Whether text (typed, or already normalised) has anything to look up: a letter or a digit of any script. */
export function searchable(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
