/** Which script a text is written in, for every layer (db must not import src). */
import type { Localized } from "./types.ts";

const HAN = /\p{Script=Han}/u;

/** Whether a text has Chinese (Han) characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Chinese, Japanese or Korean script: written without spaces between words. */
export const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** A text of unknown language as a localized one: Chinese when it holds Chinese characters, else English; empty is neither. */
export function inItsLanguage(text: string): Localized {
  if (!text) return { en: null, zh: null };
  return hasHan(text) ? { en: null, zh: text } : { en: text, zh: null };
}
