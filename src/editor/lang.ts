import { hasHan } from "../../db/text.ts";
import type { Lang } from "../../db/types.ts";

/**
 * The language an editor's texts are saved in: Chinese for a Chinese Discord locale or
 * when any of the texts they wrote has Chinese characters, English otherwise. One
 * language per save; the other language's texts are left as they are.
 */
export function writingLang(localeLang: Lang, texts: readonly string[]): Lang {
  return localeLang === "zh" || texts.some(hasHan) ? "zh" : "en";
}
