import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { expectWithinLimits, run } from "./helpers/commands.ts";

type Embed = { title: string; description: string };

describe("/search", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("finds Microsoft newest first, with the matching word in bold", async () => {
    const out = await run(t, { name: "search", options: { query: "Microsoft" } });
    const embed = out.reply!.embeds[0] as Embed;
    expect(embed.title).toBe("Search: Microsoft");
    expect(embed.description).toContain("Newest 10 of 14 matches.");
    expect(embed.description).toContain("**Microsoft**");
    const lines = embed.description.split("\n").filter((l) => /^\*\*(Nov|Oct|Mar|<t:)/.test(l));
    expect(lines[0]).toContain("Amazon and Google are drawn into the fight");
    expectWithinLimits(out.reply);
  });

  it("finds two-character Chinese (微软) and a Chinese name (伊利亚), answering in Chinese", async () => {
    const ms = await run(t, { name: "search", options: { query: "微软" }, locale: "zh-CN" });
    expect((ms.reply!.embeds[0] as Embed).description).toContain("**微软**");
    expect((ms.reply!.embeds[0] as Embed).title).toBe("搜索：微软");
    const ilya = await run(t, { name: "search", options: { query: "伊利亚" }, locale: "zh-CN" });
    expect((ilya.reply!.embeds[0] as Embed).description).toContain("共 2 条结果");
    expectWithinLimits(ilya.reply);
  });

  it("given hostile input, then always answers inside Discord's limits", async () => {
    const noise = Array.from({ length: 500 }, (_, i) => '"*()^:-+~`|'[i % 11]).join("");
    const inputs = [
      '"',
      "NEAR(",
      "*",
      "a AND",
      "OR NOT",
      "body:x",
      "🎉👨‍👩‍👧‍👦🇨🇳",
      noise,
      "a".repeat(500),
      `${"微软 ".repeat(120)}`,
      'ilya" OR "sam',
      "-",
      "\\",
    ];
    for (const query of inputs) {
      const out = await run(t, { name: "search", options: { query } });
      expect(out.reply, query).toBeDefined();
      expectWithinLimits(out.reply);
      expect(textOf(out.reply), query).not.toMatch(/error id|went wrong/i);
    }
    expect(t.logs.join("")).not.toMatch(/interaction failed/);
  });

  it("bolds a short word where it stands alone, not inside another word", async () => {
    const out = await run(t, { name: "search", options: { query: "a AND" } });
    const text = textOf(out.reply);
    expect(text).toContain("**a**");
    expect(text).not.toContain("Open**A**I");
  });

  it("given no hits, then says so privately and suggests /who or another spelling", async () => {
    const en = await run(t, { name: "search", options: { query: "zzzqqq" } });
    expect(en.ephemeral).toBe(true);
    expect(en.reply!.content).toContain("zzzqqq");
    expect(en.reply!.content).toContain("/who");
    const zh = await run(t, { name: "search", options: { query: "没有这个词" }, locale: "zh-CN" });
    expect(zh.reply!.content).toContain("/who");
    expect(zh.reply!.content).toContain("没有与");
  });
});
