import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEntityByKey } from "../db/entities.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { DISABLED_NEXT_ID, DISABLED_PREV_ID, parseTimelineArgs, timelineCustomId } from "../src/custom-ids.ts";
import type { FakeMessage } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, CHINESE, expectWithinLimits, press, run, tamperedClick } from "./helpers/commands.ts";

const description = (m: FakeMessage | undefined) => (m?.embeds[0] as { description?: string } | undefined)?.description ?? "";
const title = (m: FakeMessage | undefined) => (m?.embeds[0] as { title?: string } | undefined)?.title ?? "";

describe("/timeline", () => {
  let t: TestBot;
  let storyId: number;
  beforeAll(async () => {
    t = await startTestBot();
    storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it("pages forwards through every page until Next is disabled, then back to the first", async () => {
    const first = await run(t, { name: "timeline" });
    expect(description(first.reply)).toContain("Page 1 of 4 · 26 events");
    expect(buttonsOf(first.reply).map((b) => [b.customId, b.disabled])).toEqual([
      [DISABLED_PREV_ID, true],
      [`tl:${storyId}:-:-:-:2`, false],
    ]);
    const message = first.reply!;
    const seen = new Set<string>();
    for (let page = 2; page <= 4; page++) {
      const out = await press(t, message, { label: "Next ▶" });
      expect(out.callbackType).toBe(7);
      expect(out.reply!.id).toBe(message.id);
      expect(description(out.reply)).toContain(`Page ${page} of 4`);
      seen.add(description(out.reply));
      expectWithinLimits(out.reply);
    }
    expect(seen.size).toBe(3);
    const last = buttonsOf(message);
    expect(last.find((b) => b.label === "Next ▶")).toMatchObject({ disabled: true, customId: DISABLED_NEXT_ID });
    for (let page = 3; page >= 1; page--) {
      const out = await press(t, message, { label: "◀ Previous" });
      expect(description(out.reply)).toContain(`Page ${page} of 4`);
    }
    expect(buttonsOf(message)[0]).toMatchObject({ disabled: true, customId: DISABLED_PREV_ID });
  });

  it("lists the first page oldest first, starting in 2019", async () => {
    const out = await run(t, { name: "timeline" });
    expect(description(out.reply).split("\n")[0]).toContain("Mar 11, 2019");
  });

  it("pages in Chinese with Chinese labels", async () => {
    const out = await run(t, { name: "timeline", locale: "zh-CN" });
    expect(description(out.reply)).toContain("第 1 / 4 页");
    const next = await press(t, out.reply!, { label: "下一页 ▶", locale: "zh-CN" });
    expect(description(next.reply)).toContain("第 2 / 4 页");
    expect(textOf(next.reply)).toMatch(CHINESE);
  });

  it("filters by who, from and to, and keeps the filter while paging", async () => {
    const sam = getEntityByKey(t.db, storyId, "sam-altman")!.id;
    const out = await run(t, { name: "timeline", options: { who: String(sam), from: "2023-11-17", to: "2023-11-22" } });
    expect(title(out.reply)).toBe("Timeline · Sam Altman · Nov 17, 2023 – Nov 22, 2023");
    expect(description(out.reply)).toContain("Page 1 of 2 · 12 events");
    expect(description(out.reply)).not.toContain("2019");
    const next = await press(t, out.reply!, { label: "Next ▶" });
    expect(title(next.reply)).toBe("Timeline · Sam Altman · Nov 17, 2023 – Nov 22, 2023");
    expect(description(next.reply)).toContain("Page 2 of 2 · 12 events");
    expect(buttonsOf(next.reply)[1]!.disabled).toBe(true);
  });

  it("takes a typed name for who, and asks which when it matches several", async () => {
    const ilya = await run(t, { name: "timeline", options: { who: "ilya" } });
    expect(title(ilya.reply)).toBe("Timeline · Ilya Sutskever");
    expect(buttonsOf(ilya.reply)).toEqual([]);
    const amodei = await run(t, { name: "timeline", options: { who: "amodei" } });
    const dario = buttonsOf(amodei.reply).find((b) => b.label.includes("Dario"))!;
    const chosen = await press(t, amodei.reply!, { customId: dario.customId });
    expect(title(chosen.reply)).toBe("Timeline · Dario Amodei");
    const nobody = await run(t, { name: "timeline", options: { who: "nobody-at-all" } });
    expect(nobody.ephemeral).toBe(true);
  });

  it("shows a single day, an open-ended range, and says when nothing is in it", async () => {
    const day = await run(t, { name: "timeline", options: { from: "2023-11-17", to: "2023-11-17" } });
    expect(title(day.reply)).toBe("Timeline · Nov 17, 2023");
    expect(description(day.reply)).toContain("2 events");
    const until = await run(t, { name: "timeline", options: { to: "2023-11-16" } });
    expect(title(until.reply)).toBe("Timeline · Nov 16, 2023 and earlier");
    const none = await run(t, { name: "timeline", options: { from: "2030-01-01" }, locale: "zh-CN" });
    expect(title(none.reply)).toBe("时间线 · 2030年1月1日起");
    expect(description(none.reply)).toContain("没有与“2030年1月1日起”相关的事件");
  });

  it("given a bad date, then names the format; given from after to, then says so; privately", async () => {
    for (const [options, text] of [
      [{ from: "20/11/2023" }, "YYYY-MM-DD"],
      [{ to: "2023-02-30" }, "YYYY-MM-DD"],
      [{ from: "2023-11-22", to: "2023-11-17" }, "start date is after the end date"],
    ] as const) {
      const out = await run(t, { name: "timeline", options });
      expect(out.ephemeral).toBe(true);
      expect(out.reply!.content).toContain(text);
    }
    const zh = await run(t, { name: "timeline", options: { from: "昨天" }, locale: "zh-CN" });
    expect(zh.reply!.content).toContain("YYYY-MM-DD 格式");
  });

  it("given a tampered custom_id, then answers politely and privately", async () => {
    const msg = (await run(t, { name: "timeline" })).reply!;
    const long = `tl:${storyId}:-:-:-:${"1".repeat(120)}`;
    for (const id of [
      "tl:999:x:y",
      `tl:${storyId}:-:-:-`,
      `tl:${storyId}:-:-:-:x`,
      `tl:${storyId}:abc:-:-:1`,
      `tl:${storyId}:999999:-:-:1`,
      `tl:${storyId}:-:20231340:-:1`,
      `tl:${storyId}:-:20231122:20231117:1`,
      `tl:${storyId}:-:-:-:1:z`,
      "tl:999999:-:-:-:1",
      "tl:-1:-:-:-:1",
      long,
    ]) {
      const out = await tamperedClick(t, msg, id);
      expect(out.ephemeral, id).toBe(true);
      expect(out.reply!.content, id).toMatch(/expired or is not valid/);
    }
    expect(description(msg)).toContain("Page 1 of 4");
  });

  it("clamps a page past the end to the last page", async () => {
    const msg = (await run(t, { name: "timeline" })).reply!;
    const out = await tamperedClick(t, msg, `tl:${storyId}:-:-:-:999`);
    expect(description(out.reply)).toContain("Page 4 of 4");
    const zero = await tamperedClick(t, msg, `tl:${storyId}:-:-:-:0`);
    expect(description(zero.reply)).toContain("Page 1 of 4");
  });

  it("autocompletes who with entity ids", async () => {
    const out = await (await t.fake.autocomplete({ name: "timeline", focused: "who", value: "gre" })).settled();
    expect(out.choices![0]).toMatchObject({ name: "Greg Brockman · 格雷格·布罗克曼 (Person)" });
    expect(String(out.choices![0]!.value)).toMatch(/^\d+$/);
  });
});

describe("the timeline custom_id", () => {
  it("round-trips every field and stays short", () => {
    const state = { storyId: 123456789, entityId: 987654321, from: "2023-11-17", to: "2023-11-22", page: 999_999, fresh: true };
    const id = timelineCustomId(state);
    expect(id).toBe("tl:123456789:987654321:20231117:20231122:999999:n");
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseTimelineArgs(id.split(":").slice(1))).toEqual(state);
    expect(parseTimelineArgs(timelineCustomId({ storyId: 1, entityId: null, from: null, to: null, page: 3 }).split(":").slice(1))).toEqual({
      storyId: 1,
      entityId: null,
      from: null,
      to: null,
      page: 3,
      fresh: false,
    });
  });

  it("refuses what it does not fully understand", () => {
    for (const args of [
      ["999", "x", "y"],
      ["1", "-", "-", "-", "1e3"],
      ["1", "-", "-", "-", "-1"],
      ["01", "-", "-", "-", "1"],
      ["1", "-", "2023111", "-", "1"],
      ["1", "-", "-", "-", "1", "n", "n"],
    ]) {
      expect(parseTimelineArgs(args), args.join(":")).toBeNull();
    }
  });
});
