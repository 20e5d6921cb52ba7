import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { checkChoices } from "../src/render/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { CHINESE, commandId, expectWithinLimits, run } from "./helpers/commands.ts";

type Embed = { title: string; description?: string; fields: { name: string; value: string }[] };
const embed = (m: { embeds: unknown[] } | undefined) => m!.embeds[0] as Embed;
const eventLines = (m: { embeds: unknown[] } | undefined) => (embed(m).description ?? "").split("\n").filter((l) => l.startsWith("**"));

describe("/latest", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("shows five events by default, newest first", async () => {
    const out = await run(t, { name: "latest" });
    const lines = eventLines(out.reply);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toContain("Deal reached for Altman to return");
    expect(lines[1]).toContain("<t:1700540520:f>");
    expect(lines.slice(2).every((l) => l.startsWith("**Nov 20, 2023**"))).toBe(true);
    expectWithinLimits(out.reply);
  });

  it("shows one or ten when asked, in Chinese too", async () => {
    expect(eventLines((await run(t, { name: "latest", options: { count: 1 } })).reply)).toHaveLength(1);
    const ten = await run(t, { name: "latest", options: { count: 10 }, locale: "zh-CN" });
    expect(eventLines(ten.reply)).toHaveLength(10);
    expect(embed(ten.reply).title).toBe("最新进展");
    expect(eventLines(ten.reply)[0]).toContain("2023年11月22日");
  });

  it("cannot be sent with 0 or 11, as Discord refuses them", async () => {
    await expect(t.fake.command({ name: "latest", options: { count: 0 } })).rejects.toThrow(/min_value/);
    await expect(t.fake.command({ name: "latest", options: { count: 11 } })).rejects.toThrow(/max_value/);
  });

  it("given a payload with count 99 that got past Discord, then shows ten", async () => {
    const out = await (
      await t.fake.sendInteraction({
        type: 2,
        guild_id: t.fake.defaultGuild().id,
        data: { id: commandId(t, "latest"), name: "latest", type: 1, options: [{ name: "count", type: 4, value: 99 }] },
      })
    ).settled();
    expect(eventLines(out.reply)).toHaveLength(10);
  });
});

describe("/event", () => {
  let t: TestBot;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestBot();
    storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it("given the id the autocomplete sends, then shows the event with its linked source", async () => {
    const id = getEventByKey(t.db, storyId, "altman-fired")!.id;
    const out = await run(t, { name: "event", options: { id: String(id) } });
    expect(out.ephemeral).toBe(false);
    expect(embed(out.reply).title).toContain("OpenAI's board fires Sam Altman");
    const sources = embed(out.reply).fields.find((f) => f.name === "Sources")!.value;
    expect(sources).toContain("](https://openai.com/blog/openai-announces-leadership-transition)");
    expectWithinLimits(out.reply);
  });

  it("given a key typed by hand, then shows the event with its quotes and who said them, in Chinese", async () => {
    const out = await run(t, { name: "event", options: { id: "ilya-regret-tweet" }, locale: "zh-CN" });
    expect(embed(out.reply).title).toContain("伊利亚·苏茨克维表示后悔参与董事会的行动");
    const quotes = embed(out.reply).fields.find((f) => f.name === "引述")!.value;
    expect(quotes).toContain("我对自己参与董事会的行动深感遗憾");
    expect(quotes).toContain("伊利亚·苏茨克维");
    expect(textOf(out.reply)).toMatch(CHINESE);
    expectWithinLimits(out.reply);
  });

  it("given an unknown id, then refuses privately in the user's language", async () => {
    for (const [id, locale, text] of [
      ["99999", "en-US", "There is no event “99999”"],
      ["no-such-event", "zh-CN", "本新闻中没有“no-such-event”这个事件"],
    ] as const) {
      const out = await run(t, { name: "event", options: { id }, locale });
      expect(out.ephemeral).toBe(true);
      expect(out.reply!.content).toContain(text);
    }
  });

  it("autocompletes by title words, partly typed words and Chinese, with event ids as values", async () => {
    const letter = getEventByKey(t.db, storyId, "employee-letter")!.id;
    for (const value of ["letter", "emplo", "联名信"]) {
      const out = await (await t.fake.autocomplete({ name: "event", focused: "id", value })).settled();
      expect(
        out.choices!.map((c) => c.value),
        value,
      ).toContain(String(letter));
      expect(checkChoices(out.choices as { name: string; value: string }[])).toEqual([]);
    }
  });

  it("autocompletes empty input with the latest events, dated in the user's language", async () => {
    const out = await (await t.fake.autocomplete({ name: "event", focused: "id", value: "", locale: "zh-CN" })).settled();
    expect(out.choices).toHaveLength(25);
    expect(out.choices![0]!.name).toMatch(/^2023年11月22日 · /);
  });
});
