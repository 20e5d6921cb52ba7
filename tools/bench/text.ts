/** English and Chinese text of a chosen length, words drawn Zipf-like from the vocabularies. */
import { intIn, zipf, type Rng } from "./prng.ts";
import type { Vocab } from "./words.ts";

export interface TextMaker {
  /** English, `min`–`max` characters; `sentences` adds full stops and capitals. */
  en(rng: Rng, min: number, max: number, sentences: boolean, lead?: string): string;
  /** Chinese, `min`–`max` characters, with Chinese punctuation when `sentences`. */
  zh(rng: Rng, min: number, max: number, sentences: boolean, lead?: string): string;
}

/** Zipf exponents: ~1 as in natural text. */
const EN_S = 1.0;
const ZH_S = 1.0;

/** Text makers over `vocab`. */
export function textMaker(vocab: Vocab): TextMaker {
  const enRank = zipf(vocab.en.length, EN_S);
  const zhRank = zipf(vocab.zh.length, ZH_S);
  const { en: enWords, zh: zhWords } = vocab;
  return {
    en(rng, min, max, sentences, lead) {
      const target = intIn(rng, min, max);
      let out = lead ?? "";
      let sinceStop = lead ? 1 : 0;
      let stopAt = intIn(rng, 8, 20);
      while (out.length < target) {
        let w = enWords[enRank(rng)]!;
        if (sinceStop === 0) w = w.charAt(0).toUpperCase() + w.slice(1);
        out += out ? ` ${w}` : w;
        if (sentences && ++sinceStop >= stopAt) {
          out += ".";
          sinceStop = 0;
          stopAt = intIn(rng, 8, 20);
        } else if (!sentences) sinceStop++;
      }
      if (out.length > max) out = out.slice(0, max).trimEnd();
      return sentences && !out.endsWith(".") ? `${out}.` : out;
    },
    zh(rng, min, max, sentences, lead) {
      const target = intIn(rng, min, max);
      let out = lead ?? "";
      let n = 0;
      let commaAt = intIn(rng, 3, 8);
      while (out.length < target) {
        out += zhWords[zhRank(rng)]!;
        if (sentences && ++n >= commaAt) {
          out += rng() < 0.3 ? "。" : "，";
          n = 0;
          commaAt = intIn(rng, 3, 8);
        }
      }
      if (out.length > max) out = out.slice(0, max);
      return sentences ? `${out.replace(/[，。]$/, "")}。` : out;
    },
  };
}
