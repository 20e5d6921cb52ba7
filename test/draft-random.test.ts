import { describe, expect, it } from "vitest";
import { readArticleParts } from "../src/draft/article.ts";
import { draftStory } from "../src/draft/draft.ts";
import { DraftError } from "../src/draft/errors.ts";
import { draftYaml } from "../src/draft/yaml.ts";
import { parseStoryText } from "../src/story/parse.ts";

/** mulberry32: a small seeded generator, so a failing mix can be replayed. */
function generator(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/** The forms the drafter reads, and what could trip it: quotes, dates, names, YAML syntax, odd Unicode. */
const PIECES = [
  "微软表示：",
  "“",
  "”",
  "「",
  "」",
  '"',
  "20日，",
  "周一，",
  "上周五",
  "据《纽约时报》报道，",
  "Sam Altman",
  "伊利亚·苏茨克维",
  "。",
  "，",
  "？",
  "\n",
  "\n\n",
  "On Monday, ",
  "late Tuesday night ",
  "he said.",
  " said ",
  "according to The Information, ",
  "Mr. ",
  "# ",
  "---",
  ": ",
  "'",
  "\\",
  "{",
  "}",
  "[",
  "]",
  "&",
  "*",
  "!",
  "2019 年",
  "in 1968",
  "The ",
  "Bloomberg TV",
  "🦄",
  "\u200b",
  "\ud800",
  "   ",
  "董事会",
  "员工",
  "的",
  "a",
  "OpenAI",
  "称",
  "透露",
  "马斯克",
  "回复：",
  "12:30",
  "…",
  "……",
  "last week",
  "weekend",
  "周末",
  "<p>",
  "</p>",
  "&amp;",
];

describe("drafts from random mixes of what articles hold", () => {
  it("always import, or are refused with a DraftError — never a broken draft or another error", () => {
    const rnd = generator(20231121);
    let drafted = 0;
    for (let i = 0; i < 300; i++) {
      let body = "Title here\n\n2023-11-21\n\n";
      for (let j = 20 + rnd(300); j > 0; j--) body += PIECES[rnd(PIECES.length)];
      const raw = { body, html: rnd(4) === 0, origin: `mix-${i}.txt`, url: null };
      let yaml: string;
      try {
        const article = readArticleParts(raw, rnd(2) ? "2023-11-21" : null);
        yaml = draftYaml(draftStory(article, null), new Date(0));
      } catch (err) {
        if (err instanceof DraftError) continue;
        throw new Error(`mix ${i} threw ${(err as Error).stack}\n${JSON.stringify(body)}`);
      }
      const parsed = parseStoryText(yaml, `mix-${i}.yaml`);
      expect(parsed.ok ? [] : parsed.problems, JSON.stringify(body)).toEqual([]);
      drafted++;
    }
    expect(drafted).toBeGreaterThan(150);
  });
});
