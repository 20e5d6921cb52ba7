import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventByKey, timelinePage } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { expectWithinLimits, run } from "./helpers/commands.ts";
import { EDITOR, addEvent } from "./helpers/editor.ts";

let t: TestBot;
let storyId: number;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] } });
  storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
});
afterAll(async () => {
  await t.stop();
});

describe("/help", () => {
  it("marks the commands that need an editor as for editors, not for Manage Server", async () => {
    const text = textOf((await run(t, { name: "help" })).reply);
    const line = (c: string) => text.split("\n").find((l) => l.startsWith(`\`/${c}\` — `)) ?? "";
    expect(line("review")).toContain("(editors)");
    expect(line("review")).not.toContain("Manage Server");
    expect(line("story use")).toContain("(Manage Server)");
    const zh = textOf((await run(t, { name: "help", locale: "zh-CN" })).reply);
    expect(zh.split("\n").find((l) => l.startsWith("`/review` — "))).toContain("（仅限编辑）");
  });
});

describe("an event added as in the README, and /latest", () => {
  const TITLE = "Board names Emmett Shear interim CEO";

  it("says where the new event really is in the timeline, and /latest order:added lists it first", async () => {
    const out = await addEvent(t, { title: TITLE, when: "2023-11-19", people: "emmett, openai board", source: "The Information" });
    const timeline = timelinePage(t.db, storyId, { page: 0, pageSize: 100 }).events.map((e) => e.key);
    const position = timeline.indexOf("ed_1") + 1;
    expect(position).toBeGreaterThan(1);
    expect(position).toBeLessThan(timeline.length - 10);
    const nth = `${position}${[11, 12, 13].includes(position % 100) ? "th" : (["th", "st", "nd", "rd"][position % 10] ?? "th")}`;
    expect(out.reply?.content).toContain(`Saved as \`ed_1\`, dated Nov 19, 2023 — ${nth} of ${timeline.length} in the timeline; see \`/event id:ed_1\``);
    expect(out.reply?.content).toContain("/latest order:added");
    expect(out.reply?.content).not.toMatch(/shows in \/latest/);

    const byTime = textOf((await run(t, { name: "latest", options: { count: 10 } })).reply);
    expect(byTime).not.toContain(TITLE);
    const byAdded = await run(t, { name: "latest", options: { count: 10, order: "added" } });
    expectWithinLimits(byAdded.reply);
    const lines = textOf(byAdded.reply)
      .split("\n")
      .filter((l) => l.startsWith("**"));
    expect(lines[0]).toContain(TITLE);
    expect(lines).toHaveLength(10);
    expect(textOf((await run(t, { name: "latest", options: { order: "happened" } })).reply)).toBe(textOf((await run(t, { name: "latest" })).reply));
    expect(getEventByKey(t.db, storyId, "ed_1")?.title.en).toBe(TITLE);
  });

  it("registers order: with localized choices, happened being the default", () => {
    type Option = { name: string; name_localizations?: Record<string, string>; choices?: unknown[] };
    const commands = t.fake.commandsFor(t.fake.defaultGuild().id) as { name: string; options: Option[] }[];
    const order = commands.find((c) => c.name === "latest")!.options.find((o) => o.name === "order")!;
    expect(order.name_localizations?.["zh-CN"]).toBe("排序");
    expect(order.choices).toEqual([
      { name: "happened", value: "happened", name_localizations: { "zh-CN": "发生时间", "zh-TW": "發生時間" } },
      { name: "added", value: "added", name_localizations: { "zh-CN": "添加时间", "zh-TW": "新增時間" } },
    ]);
  });

  it("answers order:added in Chinese for a Chinese locale", async () => {
    const zh = await run(t, { name: "latest", options: { order: "added" }, locale: "zh-CN" });
    expect(textOf(zh.reply)).toContain("最新添加");
  });
});
