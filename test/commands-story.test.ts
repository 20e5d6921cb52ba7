import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getEntityByKey } from "../db/entities.ts";
import { getGuildStorySlug, setGuildStory } from "../db/guilds.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { getUserStorySlug, setUserStory } from "../db/user-stories.ts";
import { SANDBOX_USER_ID } from "../tools/fake-discord/index.ts";
import { checkChoices } from "../src/render/index.ts";
import { importFiles } from "../src/story/import.ts";
import { STORY_LIMITS as L } from "../src/story/limits.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, expectWithinLimits, press, run, tamperedClick } from "./helpers/commands.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const BUNDLED = "openai-board-crisis-2023";

/** A story whose every text is as long as a story file allows (titles 256, summaries 4,000…), 300 entities on one event. */
function longStory(): string {
  const chunk = "Lorem **ipsum** _dolor_ `sit` ||amet|| [link](x) # 董事会风波 🎉👨‍👩‍👧‍👦 ";
  // Cut by code points: a story file may not hold half a surrogate pair.
  const long = (n: number) =>
    Array.from(chunk.repeat(Math.ceil(n / chunk.length)))
      .slice(0, n)
      .join("")
      .trim();
  const entities = Array.from({ length: 300 }, (_, i) => ({
    id: `person-${i}`,
    kind: i % 2 ? "person" : "organization",
    name: { en: `Zed ${i} ${long(L.name - 10)}`, zh: `泽德${i}${long(L.name - 10)}` },
    aliases: ["zed", `z${i}`],
    role: { en: long(L.role), zh: long(L.role) },
  }));
  const events = Array.from({ length: 30 }, (_, i) => ({
    id: `event-${i}`,
    at: `2024-02-${String((i % 28) + 1).padStart(2, "0")}`,
    title: { en: `Zed event ${i} ${long(L.title - 20)}`, zh: `泽德事件${i}${long(L.title - 20)}` },
    summary: { en: long(L.summary), zh: long(L.summary) },
    importance: 1 + (i % 5),
    entities: i === 0 ? entities.map((e) => e.id) : entities.slice(i, i + 40).map((e) => e.id),
    quotes: Array.from({ length: 12 }, (_, q) => ({ by: `person-${q}`, text: { en: long(L.quote), zh: long(L.quote) } })),
    sources: Array.from({ length: 25 }, (_, s) => ({ name: long(L.sourceName), url: `https://example.org/${s}/${"p".repeat(1_500)}` })),
  }));
  return JSON.stringify({ story: { slug: "long-story", title: { en: long(L.title), zh: long(L.title) }, summary: { en: long(L.summary) } }, entities, events });
}

describe("/story and other stories", () => {
  let t: TestBot;
  let tmp: ReturnType<typeof tempDir>;
  const guildId = () => t.fake.defaultGuild().id;
  beforeAll(async () => {
    t = await startTestBot();
    tmp = tempDir();
    const outcome = importFiles(t.db, [tmp.file("mini.yaml", miniStory()), tmp.file("long.json", longStory())]);
    expect(outcome.ok).toBe(true);
  });
  afterEach(() => {
    setGuildStory(t.db, { guildId: guildId(), storySlug: null, setBy: null });
  });
  afterAll(async () => {
    await t.stop();
    tmp.cleanup();
  });

  it("lists every story with its event count and the one this server follows", async () => {
    const out = await run(t, { name: "story", subcommand: "list" });
    const text = textOf(out.reply);
    expect(text).toContain("`openai-board-crisis-2023` · 26 events · ✅ *followed here*");
    expect(text).toContain("`mini-story` · 2 events");
    expect(text).toContain("`long-story` · 30 events");
    expectWithinLimits(out.reply);
    const zh = await run(t, { name: "story", subcommand: "list", locale: "zh-CN" });
    expect(textOf(zh.reply)).toContain("一个小故事");
    expect(textOf(zh.reply)).toContain("26 个事件 · ✅ *本服务器正在追踪*");
  });

  it("given a plain member, then refuses /story use privately and changes nothing", async () => {
    const out = await run(t, { name: "story", subcommand: "use", options: { slug: "mini-story" } });
    expect(out.ephemeral).toBe(true);
    expect(out.reply!.content).toContain("Manage Server");
    expect(getGuildStorySlug(t.db, guildId())).toBeNull();
  });

  it("given a DM, then /story use sets the user's own story, not the server's", async () => {
    const out = await run(t, { name: "story", subcommand: "use", options: { slug: "mini-story" }, guildId: null });
    expect(out.ephemeral).toBe(true);
    expect(out.reply!.content).toContain("Only your own choice changed");
    expect(getGuildStorySlug(t.db, guildId())).toBeNull();
    expect(getUserStorySlug(t.db, SANDBOX_USER_ID)).toBe("mini-story");
    setUserStory(t.db, { userId: SANDBOX_USER_ID, storyId: getStoryBySlug(t.db, BUNDLED)!.id, setAt: Date.now() });
  });

  it("answers in a DM from the default story", async () => {
    const latest = await run(t, { name: "latest", guildId: null });
    expect(textOf(latest.reply)).toContain("Deal reached for Altman to return");
    const list = await run(t, { name: "story", subcommand: "list", guildId: null });
    expect(textOf(list.reply)).toContain(`\`${BUNDLED}\` · 26 events · ✅`);
  });

  it("given an unknown slug, then lists the valid ones and changes nothing", async () => {
    const out = await run(t, { name: "story", subcommand: "use", options: { slug: "nope" }, admin: true });
    expect(out.ephemeral).toBe(true);
    expect(out.reply!.content).toContain("`mini-story`");
    expect(out.reply!.content).toContain(`\`${BUNDLED}\``);
    expect(getGuildStorySlug(t.db, guildId())).toBeNull();
  });

  it("given a manager, then switches the story, and /latest follows it", async () => {
    const out = await run(t, { name: "story", subcommand: "use", options: { slug: "mini-story" }, admin: true });
    expect(out.ephemeral).toBe(false);
    expect(out.reply!.content).toBe("This server now follows **A small story**.");
    expect(getGuildStorySlug(t.db, guildId())).toBe("mini-story");
    const latest = await run(t, { name: "latest" });
    expect(textOf(latest.reply)).toContain("Acme ships the engine");
    expect(textOf(latest.reply)).not.toContain("Altman");
  });

  it("autocompletes story slugs by title or slug", async () => {
    const all = await (await t.fake.autocomplete({ name: "story", subcommand: "use", focused: "slug", value: "" })).settled();
    expect(all.choices!.map((c) => c.value).sort()).toEqual(["long-story", "mini-story", BUNDLED]);
    expect(checkChoices(all.choices as { name: string; value: string }[])).toEqual([]);
    const zh = await (await t.fake.autocomplete({ name: "story", subcommand: "use", focused: "slug", value: "小故事", locale: "zh-CN" })).settled();
    expect(zh.choices).toEqual([{ name: "一个小故事", value: "mini-story" }]);
  });

  it("answers every command from a second story file", async () => {
    setGuildStory(t.db, { guildId: guildId(), storySlug: "mini-story", setBy: null });
    const who = await run(t, { name: "who", options: { name: "ada" }, locale: "zh-CN" });
    expect((who.reply!.embeds[0] as { title: string }).title).toBe("阿达·洛夫莱斯 · Ada Lovelace");
    const chooser = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "" })).settled();
    expect(chooser.choices!.map((c) => c.name)).toEqual(["Acme Corporation (Organization)", "Ada Lovelace · 阿达·洛夫莱斯 (Person)"]);
    const event = await run(t, { name: "event", options: { id: "first" } });
    expect(textOf(event.reply)).toContain("[Gazette](https://example.org/a)");
    expect(textOf(event.reply)).toContain("The engine weaves patterns");
    const timeline = await run(t, { name: "timeline", options: { who: "acme" } });
    expect(textOf(timeline.reply)).toContain("Page 1 of 1 · 2 events");
    const search = await run(t, { name: "search", options: { query: "微软" } });
    expect(textOf(search.reply)).toContain("Ada joins Acme");
    const nobody = await run(t, { name: "who", options: { name: "ilya" } });
    expect(nobody.reply!.content).toContain("A small story");
    for (const m of [who, event, timeline, search, nobody]) expectWithinLimits(m.reply);
  });

  it("answers a timeline button for the story it was made for, whatever the server follows now", async () => {
    const bundled = await run(t, { name: "timeline" });
    setGuildStory(t.db, { guildId: guildId(), storySlug: "mini-story", setBy: null });
    const next = await press(t, bundled.reply!, { label: "Next ▶" });
    expect(textOf(next.reply)).toContain("Page 2 of 4");
    const mini = getStoryBySlug(t.db, "mini-story")!;
    const other = await tamperedClick(t, bundled.reply!, `tl:${mini.id}:-:-:-:1`);
    expect(textOf(other.reply)).toContain("Acme ships the engine");
    const sam = getEntityByKey(t.db, getStoryBySlug(t.db, BUNDLED)!.id, "sam-altman")!.id;
    const mixed = await tamperedClick(t, bundled.reply!, `tl:${mini.id}:${sam}:-:-:1`);
    expect(mixed.ephemeral).toBe(true);
    expect(mixed.reply!.content).toContain("expired");
  });

  it("keeps every reply inside Discord's limits for a story with absurdly long texts", async () => {
    setGuildStory(t.db, { guildId: guildId(), storySlug: "long-story", setBy: null });
    const story = getStoryBySlug(t.db, "long-story")!;
    const crowded = getEntityByKey(t.db, story.id, "person-0")!.id;
    for (const locale of ["en-US", "zh-CN"]) {
      const replies = [
        await run(t, { name: "who", options: { name: String(crowded) }, locale }),
        await run(t, { name: "who", options: { name: "zed" }, locale }),
        await run(t, { name: "who", options: { name: "nobody-at-all" }, locale }),
        await run(t, { name: "latest", options: { count: 10 }, locale }),
        await run(t, { name: "event", options: { id: "event-0" }, locale }),
        await run(t, { name: "event", options: { id: "event-1" }, locale }),
        await run(t, { name: "timeline", locale }),
        await run(t, { name: "timeline", options: { who: String(crowded), from: "2024-02-01" }, locale }),
        await run(t, { name: "search", options: { query: "ipsum" }, locale }),
        await run(t, { name: "search", options: { query: "董事会" }, locale }),
        await run(t, { name: "story", subcommand: "list", locale }),
      ];
      for (const r of replies) expectWithinLimits(r.reply);
      const choices = buttonsOf(replies[1]!.reply);
      expect(choices.length).toBe(5);
      const chosen = await press(t, replies[1]!.reply!, { customId: choices[0]!.customId, locale });
      expectWithinLimits(chosen.reply);
      const page2 = await press(t, replies[6]!.reply!, { label: locale === "en-US" ? "Next ▶" : "下一页 ▶", locale });
      expectWithinLimits(page2.reply);
      for (const [name, focused, value] of [
        ["who", "name", ""],
        ["who", "name", "zed"],
        ["event", "id", ""],
        ["event", "id", "ipsum"],
        ["story", "slug", ""],
      ] as const) {
        const sub = name === "story" ? { subcommand: "use" } : {};
        const out = await (await t.fake.autocomplete({ name, ...sub, focused, value, locale })).settled();
        expect(checkChoices(out.choices as { name: string; value: string }[])).toEqual([]);
      }
    }
    expect(t.logs.join("")).not.toMatch(/interaction failed/);
  });
});
