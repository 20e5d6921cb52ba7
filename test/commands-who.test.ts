import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntityByKey } from "../db/entities.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { checkChoices } from "../src/render/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, CHINESE, expectWithinLimits, press, run, tamperedClick } from "./helpers/commands.ts";

const SLUG = "openai-board-crisis-2023";

describe("/who", () => {
  let t: TestBot;
  let storyId: number;
  const idOf = (key: string) => getEntityByKey(t.db, storyId, key)!.id;
  beforeAll(async () => {
    t = await startTestBot();
    storyId = getStoryBySlug(t.db, SLUG)!.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it("given ilya in English, then shows the profile with both names, events, quotes and sources", async () => {
    const out = await run(t, { name: "who", options: { name: "ilya" } });
    expect(out.ephemeral).toBe(false);
    const embed = out.reply!.embeds[0] as { title: string; description: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe("Ilya Sutskever · 伊利亚·苏茨克维");
    expect(embed.description).toContain("Ilya Sutskever says he regrets his part in the board's move");
    expect(embed.fields.find((f) => f.name === "Quotes")?.value).toContain("I deeply regret my participation");
    expect(embed.fields.find((f) => f.name === "Sources")?.value).toContain("The New York Times");
    expectWithinLimits(out.reply);
  });

  it("given ilya in Chinese, then the Chinese name comes first and the text is Chinese", async () => {
    const out = await run(t, { name: "who", options: { name: "ilya" }, locale: "zh-CN" });
    const embed = out.reply!.embeds[0] as { title: string };
    expect(embed.title).toBe("伊利亚·苏茨克维 · Ilya Sutskever");
    expect(textOf(out.reply)).toContain("我对自己参与董事会的行动深感遗憾");
    expectWithinLimits(out.reply);
  });

  it("lists someone's events oldest first", async () => {
    const out = await run(t, { name: "who", options: { name: "sam altman" } });
    const lines = (out.reply!.embeds[0] as { description: string }).description.split("\n");
    const days = lines.map((l) => /^\*\*([A-Z][a-z]{2} \d+, \d{4})\*\*/.exec(l)?.[1]).filter((d) => d !== undefined);
    expect(days.length).toBeGreaterThan(3);
    expect(days[0]).toBe("Mar 11, 2019");
    const times = days.map((d) => Date.parse(d));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it.each([["伊利亚"], ["sutskevar"], [" ILYA "]])("given %s, then finds Ilya Sutskever", async (name) => {
    const out = await run(t, { name: "who", options: { name } });
    expect((out.reply!.embeds[0] as { title: string }).title).toContain("Ilya Sutskever");
  });

  it("given amodei, then asks which of two people, and a click shows that profile", async () => {
    const out = await run(t, { name: "who", options: { name: "amodei" } });
    expect(out.reply!.content).toContain("2 names match");
    const labels = buttonsOf(out.reply).map((b) => b.label);
    expect(labels).toHaveLength(2);
    expect(labels.join(" ")).toContain("Dario Amodei");
    expect(labels.join(" ")).toContain("Daniela Amodei");
    expectWithinLimits(out.reply);
    const dario = buttonsOf(out.reply).find((b) => b.label.includes("Dario"))!;
    const clicked = await press(t, out.reply!, { customId: dario.customId });
    expect(clicked.callbackType).toBe(7);
    expect((clicked.reply!.embeds[0] as { title: string }).title).toContain("Dario Amodei");
    expect(clicked.reply!.content).toBe("");
    expectWithinLimits(clicked.reply);
  });

  it("given amodei in Chinese, then a click on Daniela shows her profile in Chinese", async () => {
    const out = await run(t, { name: "who", options: { name: "阿莫代" }, locale: "zh-CN" });
    const daniela = buttonsOf(out.reply).find((b) => b.label.startsWith("丹妮拉"))!;
    const clicked = await press(t, out.reply!, { customId: daniela.customId, locale: "zh-CN" });
    expect((clicked.reply!.embeds[0] as { title: string }).title).toBe("丹妮拉·阿莫代伊 · Daniela Amodei");
    expect(textOf(clicked.reply)).toMatch(CHINESE);
  });

  it("given a name nobody has, then answers privately, naming the story and suggesting names", async () => {
    for (const locale of ["en-US", "zh-CN"]) {
      const out = await run(t, { name: "who", options: { name: "nobody-at-all" }, locale });
      expect(out.ephemeral).toBe(true);
      const text = out.reply!.content;
      expect(text).toContain("nobody-at-all");
      expect(text).toContain(locale === "en-US" ? "OpenAI's board crisis" : "OpenAI董事会风波");
      expect(text).toContain(locale === "en-US" ? "Closest names:" : "最接近的名字");
      expect(text).toContain("**OpenAI**");
      expectWithinLimits(out.reply);
    }
  });

  it("suggests names that start like a word of what was typed", async () => {
    const out = await run(t, { name: "who", options: { name: "ilyx nadellaz" } });
    expect(out.ephemeral).toBe(true);
    expect(out.reply!.content).toContain("Satya Nadella");
  });

  it("given an entity id from the autocomplete, then shows that entity", async () => {
    const out = await run(t, { name: "who", options: { name: String(idOf("greg-brockman")) } });
    expect((out.reply!.embeds[0] as { title: string }).title).toContain("Greg Brockman");
  });

  it("autocompletes il with Ilya first, valued by id, names in the user's language", async () => {
    const en = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "il" })).settled();
    expect(en.choices![0]).toEqual({ name: "Ilya Sutskever · 伊利亚·苏茨克维 (Person)", value: String(idOf("ilya-sutskever")) });
    const zh = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "il", locale: "zh-CN" })).settled();
    expect(zh.choices![0]!.name).toBe("伊利亚·苏茨克维 · Ilya Sutskever (人物)");
  });

  it("autocompletes 微 with Microsoft", async () => {
    const out = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "微", locale: "zh-CN" })).settled();
    expect(out.choices![0]).toEqual({ name: "微软 · Microsoft (机构)", value: String(idOf("microsoft")) });
  });

  it("autocompletes empty input with the most mentioned, at most 25, every value an id", async () => {
    const out = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "" })).settled();
    const choices = out.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(20);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(checkChoices(choices)).toEqual([]);
    expect(choices[0]!.name).toMatch(/^OpenAI/);
    for (const c of choices) expect(c.value).toMatch(/^\d+$/);
  });

  it("opens the full timeline of someone with many events from the profile's button, for the clicker alone", async () => {
    const out = await run(t, { name: "who", options: { name: "sam" } });
    const full = buttonsOf(out.reply).find((b) => b.label === "Full timeline")!;
    expect(full.customId).toMatch(/^tl:\d+:\d+:-:-:1:n$/);
    const clicked = await press(t, out.reply!, { label: "Full timeline" });
    expect(clicked.ephemeral).toBe(true);
    const embed = clicked.reply!.embeds[0] as { title: string; description: string };
    expect(embed.title).toBe("Timeline · Sam Altman");
    expect(embed.description).toContain("Page 1 of 2 · 13 events");
    expect((out.reply!.embeds[0] as { title: string }).title).toContain("Sam Altman");
    const next = await press(t, clicked.reply!, { label: "Next ▶" });
    expect((next.reply!.embeds[0] as { description: string }).description).toContain("Page 2 of 2");
    expectWithinLimits(next.reply);
  });

  it("given a tampered or stale who button, then answers politely and privately", async () => {
    const msg = (await run(t, { name: "who", options: { name: "amodei" } })).reply!;
    const otherStory = storyId + 1000;
    for (const id of ["who:x:y", `who:${storyId}:999999`, `who:${otherStory}:${idOf("dario-amodei")}`, `who:${storyId}`, `who:${storyId}:1:2`]) {
      const out = await tamperedClick(t, msg, id);
      expect(out.ephemeral).toBe(true);
      expect(out.reply!.content).toMatch(/expired|not valid/);
    }
    const zh = await tamperedClick(t, msg, "who:-1:1", "zh-CN");
    expect(zh.reply!.content).toContain("过期");
  });
});
