/** The newsroom engine's text side: language, words, numbers, dates, names. Pure functions. */
import { describe, expect, it } from "vitest";
import { extractDates } from "../src/newsroom/dates.ts";
import { EntityMatcher } from "../src/newsroom/entities.ts";
import { extractFeatures } from "../src/newsroom/features.ts";
import { detectLanguage } from "../src/newsroom/language.ts";
import { extractNumbers } from "../src/newsroom/numbers.ts";
import { stem } from "../src/newsroom/stem.ts";
import { tokenize } from "../src/newsroom/tokens.ts";
import { loadStory } from "../tools/bench/newsroom-fixture.ts";
import { ROOT } from "./helpers/spawn.ts";

const story = loadStory(ROOT);
const matcher = new EntityMatcher(story.entities);
const id = (key: string): number => story.ids.get(key)!;
const MONDAY = Date.UTC(2023, 10, 20, 15);

describe("language detection", () => {
  it("calls text carried by Chinese characters Chinese, even with Latin names in it", () => {
    expect(detectLanguage("OpenAI董事会罢免CEO萨姆·奥尔特曼")).toBe("zh");
    expect(detectLanguage("研究总监Jakub Pachocki等三名资深研究员辞职")).toBe("zh");
  });

  it("calls English text English, also a headline with one Chinese name or no function word", () => {
    expect(detectLanguage("The board fired Sam Altman on Friday")).toBe("en");
    expect(detectLanguage("Altman (奥尔特曼) is back at the company he co-founded")).toBe("en");
    expect(detectLanguage("Altman ousted")).toBe("en");
  });

  it("calls other languages, other scripts and text without words 'other'", () => {
    expect(detectLanguage("Le conseil d'administration a licencié le patron de la société")).toBe("other");
    expect(detectLanguage("Сэм Альтман уволен из компании")).toBe("other");
    expect(detectLanguage("12345 !!! ### 2023")).toBe("other");
    expect(detectLanguage("")).toBe("other");
  });
});

describe("tokenization", () => {
  it("stems English lightly so the forms of a word are one term", () => {
    expect(new Set(["fire", "fired", "fires", "firing"].map(stem)).size).toBe(1);
    expect(new Set(["resign", "resigned", "resigns", "resigning"].map(stem)).size).toBe(1);
    expect(stem("board")).toBe("board");
  });

  it("drops English stop words and bare numbers", () => {
    expect(tokenize("the board said it fired him on 17 november").terms).toEqual(["board", stem("fired"), "november"]);
  });

  it("segments Chinese with jieba, drops Chinese stop words and keeps Latin words inside Chinese", () => {
    const { terms } = tokenize("董事会解雇了奥尔特曼 研究总监jakub也辞职了");
    expect(terms).toContain("董事会");
    expect(terms).toContain("解雇");
    expect(terms).toContain("辞职");
    expect(terms).toContain("jakub");
    expect(terms).not.toContain("了");
  });
});

describe("numbers and dates", () => {
  it("reads the same amount written in English and Chinese as one key", () => {
    const en = extractNumbers("a share sale at an $86 billion valuation").keys;
    const zh = extractNumbers("以860亿美元估值出售股份").keys;
    expect(en).toEqual(["#86000000000"]);
    expect(zh).toEqual(en);
    expect(extractNumbers("$86bn").keys).toEqual(en);
  });

  it("reads counts, prices and percentages, and leaves out small counts, model names and times", () => {
    expect(extractNumbers("770 employees (95%) signed; shares closed at $377.44").keys).toEqual(["#770", "#95%", "#377.44"]);
    expect(extractNumbers("770名员工中95%已签名，股价收于377.44美元").keys).toEqual(["#770", "#95%", "#377.44"]);
    expect(extractNumbers("3 researchers, GPT-4 Turbo, at 9:30 am, H100 chips").keys).toEqual([]);
    expect(extractNumbers("逾百家客户").keys).toEqual(extractNumbers("more than a hundred customers").keys);
  });

  it("reads dates in both languages as one key, weekdays resolved against the item's own date", () => {
    const keys = (text: string): string[] => extractDates(text, MONDAY).keys;
    expect(keys("on Nov. 17")).toEqual(["@11-17"]);
    expect(keys("on 17 November")).toEqual(["@11-17"]);
    expect(keys("11月17日晚")).toEqual(["@11-17"]);
    expect(keys("2023-11-17")).toEqual(["@11-17"]);
    expect(keys("on Friday")).toEqual(["@11-17"]);
    expect(keys("上周五")).toEqual(["@11-17"]);
    expect(keys("a structure set up in 2019")).toEqual(["@2019"]);
  });

  it("blanks the dates it read so their digits are not read again as numbers", () => {
    const { rest } = extractDates("On Nov. 17, 770 staff", MONDAY);
    expect(extractNumbers(rest).keys).toEqual(["#770"]);
  });
});

describe("features", () => {
  it("names the story's entities in either language, by any name or alias", () => {
    const en = extractFeatures({ title: "OpenAI's board ousts Sam Altman" }, matcher);
    const zh = extractFeatures({ title: "奥特曼被OpenAI董事会解雇" }, matcher);
    expect(en.entities).toContain(id("sam-altman"));
    expect(zh.entities).toContain(id("sam-altman"));
    expect(zh.entities).toContain(id("openai-board"));
  });

  it("matches the longer name first, so an alias two people share does not name both", () => {
    const f = extractFeatures({ title: "Dario Amodei declined the offer" }, matcher);
    expect(f.entities).toEqual([id("dario-amodei")]);
  });

  it("matches Latin names as whole words only", () => {
    expect(extractFeatures({ title: "An Altmanesque move" }, matcher).entities).toEqual([]);
  });

  it("leaves the story's names out of the terms: they are compared as entities", () => {
    const f = extractFeatures({ title: "Sam Altman returns" }, matcher);
    expect(Object.keys(f.terms)).not.toContain("altman");
    expect(Object.keys(f.terms)).toContain(stem("returns"));
  });

  it("adds the glossary's concept to a term, shared by both languages", () => {
    const en = extractFeatures({ title: "The board fired him" }, matcher);
    const zh = extractFeatures({ title: "他被解雇" }, matcher);
    expect(en.terms["~dismiss"]).toBe(1);
    expect(zh.terms["~dismiss"]).toBe(1);
  });

  it("finds new names: capitalised Latin names, dotted Chinese renderings, names before attribution words", () => {
    const en = extractFeatures({ title: "Investors Thrive Capital and Helen Toner back Sam Altman", at: MONDAY }, matcher);
    expect(en.names).toEqual(["Thrive Capital", "Helen Toner"]);
    expect(en.anchors).toContain("!helen toner");
    const zh = extractFeatures({ title: "海伦·托纳称董事会无意摧毁公司，王晓明表示震惊" }, matcher);
    expect(zh.names).toContain("海伦·托纳");
    expect(zh.names).toContain("王晓明");
    expect(extractFeatures({ title: "Mira Murati and Greg Brockman" }, matcher).names).toEqual([]);
  });

  it("looks at no more than a capped part of a very long text, markup removed", () => {
    const html = `<div><p>${"<b>OpenAI</b> board news &amp; more. ".repeat(4000)}</p></div>`;
    expect(html.length).toBeGreaterThan(100_000);
    const f = extractFeatures({ title: "A title", summary: html }, matcher);
    const words = Object.values(f.terms).reduce((a, b) => a + b, 0);
    expect(words).toBeLessThan(200);
    expect(Object.keys(f.terms)).not.toContain("div");
    expect(f.entities).toContain(id("openai-board"));
  });
});
