import type { Lang } from "../../db/types.ts";

/** What separates the items of a list in a sentence: "a, b" / "a、b". */
const SEPARATOR: Record<Lang, string> = { en: ", ", zh: "、" };

/** The separator between list items in `lang` (for lists cut to fit, see render's joinCapped). */
export function listSeparator(lang: Lang): string {
  return SEPARATOR[lang];
}

/** Items as a list in `lang`: "Altman, Sutskever" / "奥特曼、苏茨克维". */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(SEPARATOR[lang]);
}
