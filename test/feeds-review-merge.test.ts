import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSources } from "../db/event-sources.ts";
import { listNewsItems } from "../db/news-items.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import type { FakeMessage } from "../tools/fake-discord/index.ts";
import { textOf, type TestBot } from "./helpers/bot.ts";
import { feedEvents } from "./helpers/feeds.ts";
import { startReviewWorld, type ReviewWorld } from "./helpers/review-world.ts";

const OUTSIDER = { id: "1310000000000000077", username: "outsider" };
const SEARCH = "Merge into another event…";

let world: ReviewWorld;
let t: TestBot;
let storyId: number;
beforeAll(async () => {
  world = await startReviewWorld();
  ({ t, storyId } = world);
});
afterAll(() => world.stop());

type Component = { label?: string; custom_id?: string };
const components = (m: FakeMessage | undefined): Component[] => ((m?.components ?? []) as { components: Component[] }[]).flatMap((r) => r.components);
const byLabel = (m: FakeMessage | undefined, label: string): string | undefined => components(m).find((c) => c.label === label)?.custom_id;
const review = async (locale = "en-US") => (await t.fake.command({ name: "review", admin: true, locale })).settled();
const click = async (message: FakeMessage, customId: string, user?: typeof OUTSIDER, locale = "en-US") =>
  (await t.fake.click({ message, customId, user, admin: true, locale })).settled();
const submit = async (customId: string, value: string, opts: { message?: FakeMessage; user?: typeof OUTSIDER; locale?: string } = {}) =>
  (
    await t.fake.submitModal({
      customId,
      fields: { event: value },
      admin: true,
      ...(opts.message ? { message: opts.message } : {}),
      ...(opts.user ? { user: opts.user } : {}),
      ...(opts.locale ? { locale: opts.locale } : {}),
    })
  ).settled();
const pending = () => feedEvents(t.db).filter((e) => e.status === "pending");
/** What the story's events and their sources are, to show a refusal wrote nothing. */
const snapshot = () => ({ pending: pending().map((e) => e.id), sources: listNewsItems(t.db).map((i) => [i.eventId, i.fate]) });

describe("/review's Merge into another event…", () => {
  it("refuses a non-editor's click and a forged form submitted by a non-editor, changing nothing", async () => {
    const out = await review();
    const id = byLabel(out.reply, SEARCH)!;
    const dev = pending()[0]!;
    expect(id).toBe(`rv:find:${dev.id}`);
    const before = snapshot();
    expect(textOf((await click(out.reply!, id, OUTSIDER)).reply)).toContain("editor");
    const forged = await submit(`rv:into:${dev.id}`, "altman-return-agreed", { message: out.reply!, user: OUTSIDER });
    expect(textOf(forged.reply)).toContain("editor");
    expect(snapshot()).toEqual(before);
  });

  it("refuses a tampered form, a blank event, no event or several, keeping the card and writing nothing", async () => {
    const out = await review();
    const dev = pending()[0]!;
    const before = snapshot();
    const opened = await click(out.reply!, byLabel(out.reply, SEARCH)!);
    expect(opened.modal?.custom_id).toBe(`rv:into:${dev.id}`);
    expect(opened.modal?.title).toBe("Merge into an event");
    for (const id of ["rv:into:x", "rv:into:1:2", "rv:into:0"]) expect(textOf((await submit(id, "altman-return-agreed")).reply)).toMatch(/expired|no longer/i);
    expect(textOf((await submit(opened.modal!.custom_id, "  ", { message: out.reply! })).reply)).toContain("There is nothing to look up in that.");
    const none = await submit(opened.modal!.custom_id, "zebra-crossing", { message: out.reply! });
    expect(none.ephemeral).toBe(true);
    expect(textOf(none.reply)).toContain("There is no event “zebra-crossing” in this story.");
    const several = textOf((await submit(opened.modal!.custom_id, "Nadella", { message: out.reply! })).reply);
    expect(several).toContain("4 events match “Nadella”");
    expect(several).toContain("Nadella on Bloomberg TV");
    expect(several).toContain("Nadella pitches Microsoft's own AI work");
    const zh = textOf((await submit(opened.modal!.custom_id, "zebra-crossing", { message: out.reply!, locale: "zh-CN" })).reply);
    expect(zh).toContain("zebra-crossing");
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    // The card is the one shown, still with its buttons.
    const card = t.fake.channelMessages(out.reply!.channelId).find((m) => m.id === out.reply!.id);
    expect(card?.components).toEqual(out.reply!.components);
    expect(snapshot()).toEqual(before);
  });

  it("merges a development into the event named by its key in any case: its reports become sources of it, then the next card", async () => {
    const out = await review();
    const dev = pending()[0]!;
    const target = eventIdByKey(t.db, storyId, "altman-return-agreed")!;
    const before = eventSources(t.db, target.id).length;
    const opened = await click(out.reply!, byLabel(out.reply, SEARCH)!);
    const merged = await submit(opened.modal!.custom_id, "ALTMAN-Return-Agreed", { message: out.reply! });
    expect(merged.reply?.content).toContain("🔗 Merged: its reports are now sources of **Deal reached for Altman to return as CEO with a new board**");
    expect(feedEvents(t.db).some((e) => e.id === dev.id)).toBe(false);
    expect(eventSources(t.db, target.id).length).toBeGreaterThan(before);
    const items = listNewsItems(t.db).filter((i) => i.eventId === target.id && i.reason.startsWith("merged"));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.fate === "attached")).toBe(true);
    // The next development is shown in place of the merged one.
    expect(textOf(merged.reply)).toContain(`Suggestion 1 of 1`);
  });

  it("merges the last development into the event named by words of its title, in Chinese for a Chinese editor", async () => {
    const out = await review("zh-CN");
    const dev = pending()[0]!;
    const target = eventIdByKey(t.db, storyId, "brockman-quits")!;
    const before = eventSources(t.db, target.id).length;
    const id = byLabel(out.reply, "合并到其他事件……")!;
    const opened = await click(out.reply!, id, undefined, "zh-CN");
    expect(opened.modal?.title).toBe("合并到一条事件");
    const merged = await submit(opened.modal!.custom_id, "brockman quits", { message: out.reply!, locale: "zh-CN" });
    expect(merged.reply?.content).toContain("🔗 已合并");
    expect(pending()).toEqual([]);
    expect(feedEvents(t.db).some((e) => e.id === dev.id)).toBe(false);
    expect(eventSources(t.db, target.id).length).toBeGreaterThan(before);
    // The form of a development already merged says so, and merges nothing.
    const again = await submit(opened.modal!.custom_id, "altman-return-agreed", { message: out.reply! });
    expect(textOf(again.reply)).toMatch(/already reviewed|expired/);
    expect(eventSources(t.db, target.id).length).toBeGreaterThan(before);
  });
});
