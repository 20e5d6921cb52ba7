/**
 * Which language a feed item is written in: "zh" when Chinese characters carry the text,
 * "en" when Latin-script text reads as English (its common words), "other" for anything
 * else — another Latin-script language, another script, or nothing to go by (digits,
 * symbols, a bare name). Only script counts and a list of common words: no model.
 */
import { EN_STOP } from "./stopwords.ts";

export type ItemLang = "en" | "zh" | "other";

/** Characters looked at: the opening of an item says what language it is in. */
const SAMPLE = 2000;

/**
 * A Han character carries about as much as a Latin word of four or five letters, so Chinese
 * wins when Han characters are at least a quarter as many as Latin letters: "OpenAI董事会罢免
 * 奥尔特曼" is Chinese, an English headline quoting one Chinese name is not.
 */
const HAN_PER_LATIN = 0.25;

/** Common words of other Latin-script languages (French, German, Spanish, Italian, Portuguese). */
const OTHER_LATIN = new Set(
  "le la les des du une et est dans pour qui que sur avec pas au aux der die das und ist nicht mit ein eine den dem von zu auf für el los las del por con una es y se lo al il di che della per non sono uma não com os em".split(
    " ",
  ),
);

/** The language of a text; see the module comment. */
export function detectLanguage(text: string): ItemLang {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/[a-zA-Z\u00C0-\u024F]/g)?.length ?? 0;
  const otherLetters = (sample.match(/\p{L}/gu)?.length ?? 0) - han - latin;
  if (han >= 2 && han >= latin * HAN_PER_LATIN && han >= otherLetters) return "zh";
  if (latin < 2 || otherLetters > latin) return "other";
  const words = sample.toLowerCase().match(/[a-z\u00C0-\u024F']+/g) ?? [];
  let english = 0;
  let foreign = 0;
  for (const w of words) {
    if (EN_STOP.has(w)) english++;
    else if (OTHER_LATIN.has(w)) foreign++;
  }
  if (foreign > english) return "other";
  // A headline may have no function word at all ("Altman ousted"); short Latin text with no
  // sign of another language is taken as English, longer text must show English words.
  if (english > 0 || words.length <= 6) return "en";
  return "other";
}
