/**
 * Which language an article is in: Chinese when Chinese characters carry the text (Latin
 * names and numbers in between are normal there), English when Latin letters do and enough
 * of the words are common English ones; anything else is refused with what it looks like.
 */
import { DraftError } from "./errors.ts";

export type Language = "zh" | "en";

/** Below this many letters there is too little to draft from, or to tell the language by. */
export const MIN_LETTERS = 40;

const count = (text: string, re: RegExp): number => text.match(re)?.length ?? 0;

/** The words that make up a large share of any English text, and of few other languages'. */
const ENGLISH = new Set(
  "the of and to a in is that for on with as was by it at said from he she has have be are his her its an will were not but they this who which had been would their after about more than also we says".split(
    " ",
  ),
);

/** Decides the language of an article's text, or throws a DraftError saying what it is instead. */
export function detectLanguage(text: string): Language {
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  const hangul = count(text, /\p{Script=Hangul}/gu);
  const latin = count(text, /\p{Script=Latin}/gu);
  const letters = count(text, /\p{L}/gu);
  // A Chinese character says about as much as two Latin letters.
  if (letters + han < MIN_LETTERS)
    throw new DraftError(`the article has too little text to draft from (${letters} letters; at least ${MIN_LETTERS} are needed)`);
  if (kana > han * 0.1 && kana > 20) throw new DraftError("the article looks Japanese; only Chinese and English articles can be drafted");
  if (hangul > letters * 0.2) throw new DraftError("the article looks Korean; only Chinese and English articles can be drafted");
  // Chinese text counts one letter per character, Latin words several: weigh accordingly.
  if (han > 0 && han * 3 >= latin) return "zh";
  if (latin < letters * 0.6) {
    const script =
      count(text, /\p{Script=Cyrillic}/gu) > letters * 0.3
        ? "Cyrillic-script"
        : count(text, /\p{Script=Arabic}/gu) > letters * 0.3
          ? "Arabic-script"
          : "non-Latin";
    throw new DraftError(`the article looks like a ${script} text; only Chinese and English articles can be drafted`);
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const common = words.filter((w) => ENGLISH.has(w)).length;
  if (common < words.length * 0.12)
    throw new DraftError("the article looks like a language other than English or Chinese; only Chinese and English articles can be drafted");
  return "en";
}
