import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventSources, eventStanding } from "../db/event-sources.ts";
import { listNewsItems } from "../db/news-items.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import { itemReport } from "../src/feeds/items.ts";
import type { FakeMessage } from "../tools/fake-discord/index.ts";
import { textOf, type TestBot } from "./helpers/bot.ts";
import { feedEvents } from "./helpers/feeds.ts";
import type { FeedServer } from "./helpers/feed-server.ts";
import { startReviewWorld, type ReviewWorld } from "./helpers/review-world.ts";

const OUTSIDER = { id: "1310000000000000077", username: "outsider" };

let world: ReviewWorld;
let t: TestBot;
let server: FeedServer;
let storyId: number;
beforeAll(async () => {
  world = await startReviewWorld();
  ({ t, server, storyId } = world);
});
afterAll(() => world.stop());

const review = async (user?: typeof OUTSIDER) => (await t.fake.command({ name: "review", user, admin: true })).settled();
const click = async (message: FakeMessage, customId: string, user?: typeof OUTSIDER) =>
  (await t.fake.click({ message, customId, user, admin: true })).settled();
const choose = async (message: FakeMessage, customId: string, value: string, user?: typeof OUTSIDER) =>
  (await t.fake.select({ message, customId, values: [value], user, admin: true })).settled();

type Component = { label?: string; custom_id?: string; options?: { label: string; value: string }[] };
function components(m: FakeMessage | undefined): Component[] {
  return ((m?.components ?? []) as { components: Component[] }[]).flatMap((r) => r.components);
}
const byLabel = (m: FakeMessage | undefined, label: string): string => components(m).find((c) => c.label === label)!.custom_id!;
const selectOf = (m: FakeMessage | undefined, verb: string): Component => components(m).find((c) => c.custom_id?.startsWith(`rv:${verb}:`))!;
const pending = () => feedEvents(t.db).filter((e) => e.status === "pending");

describe("/review of developments", () => {
  it("shows one development at a time with both languages, its earliest date, every report and why, as `feeds items` lists them", async () => {
    const out = await review();
    const text = textOf(out.reply);
    expect(text).toContain("OpenAI board hires law firm WilmerHale to review Sam Altman's firing");
    expect(text).toContain("OpenAI董事会聘请律所WilmerHale调查奥尔特曼被解雇一事");
    expect(text).toContain("Earliest report");
    expect(text).toContain("Reports (3)");
    expect(text).toContain("Suggestion 1 of 2 waiting for review");
    // Named by two of its reports, and not one of the story's people.
    expect(text).toMatch(/New names\n.*Wilmer Cutler Pickering Hale/);
    const dev = pending()[0]!;
    const listed = listNewsItems(t.db, { storyId })
      .map(itemReport)
      .filter((i) => i.group === listNewsItems(t.db, { storyId }).find((r) => r.eventId === dev.id)!.groupId);
    expect(listed).toHaveLength(3);
    for (const i of listed) {
      expect(text).toContain(`\`${i.language}\` [${i.outlet}](${i.url})`);
      expect(text).toContain(i.reason.slice(0, 40));
    }
    expect(Object.keys(Object.fromEntries(components(out.reply).map((c) => [c.label ?? c.custom_id!.split(":")[1], 1])))).toEqual([
      "Approve",
      "Edit",
      "Reject",
      "Skip",
      "Merge into another event…",
      "merge",
      "split",
    ]);
  });

  it("refuses a non-editor /review and their forged clicks and choices, changing nothing", async () => {
    expect(textOf((await review(OUTSIDER)).reply)).toContain("editor");
    const out = await review();
    const before = pending().map((e) => e.id);
    const split = selectOf(out.reply, "split");
    const merge = selectOf(out.reply, "merge");
    for (const res of [
      await click(out.reply!, byLabel(out.reply, "Approve"), OUTSIDER),
      await click(out.reply!, byLabel(out.reply, "Reject"), OUTSIDER),
      await choose(out.reply!, split.custom_id!, split.options![1]!.value, OUTSIDER),
      await choose(out.reply!, merge.custom_id!, merge.options![0]!.value, OUTSIDER),
    ])
      expect(textOf(res.reply)).toContain("editor");
    expect(pending().map((e) => e.id)).toEqual(before);
    expect(eventSources(t.db, before[0]!)).toHaveLength(3);
  });

  it("splits one report out into its own development, then approving gives one event whose sources are all the rest, corroborated", async () => {
    const out = await review();
    const dev = pending()[0]!;
    const split = selectOf(out.reply, "split");
    const zh = split.options!.find((o) => o.label.startsWith("[zh]"))!;
    const after = await choose(out.reply!, split.custom_id!, zh.value);
    expect(after.reply?.content).toContain("✂️ Split");
    expect(textOf(after.reply)).toContain("Reports (2)");
    expect(textOf(after.reply)).toContain("left for the editor");
    expect(pending()).toHaveLength(3);
    expect(eventSources(t.db, dev.id).map((s) => s.language)).toEqual(["en", "en"]);

    const approved = await click(after.reply!, byLabel(after.reply, "Approve"));
    expect(approved.reply?.content).toContain("✅ Published: **OpenAI board hires law firm WilmerHale");
    expect(eventStanding(t.db, dev.id)).toEqual({ status: "corroborated", note: null, outlets: 2 });
    expect(
      listNewsItems(t.db)
        .filter((i) => i.eventId === dev.id)
        .map((i) => i.fate),
    ).toEqual(["published", "published"]);
  });

  it("merges a development into the event chosen: its reports become sources of it", async () => {
    const out = await review();
    expect(textOf(out.reply)).toContain("Microsoft gets a non-voting observer seat");
    const dev = pending()[0]!;
    const target = eventIdByKey(t.db, storyId, "altman-return-agreed")!;
    const before = eventSources(t.db, target.id).length;
    const merge = selectOf(out.reply, "merge");
    expect(merge.options!.map((o) => o.value)).toContain(String(target.id));
    const merged = await choose(out.reply!, merge.custom_id!, String(target.id));
    expect(merged.reply?.content).toContain("🔗 Merged");
    expect(feedEvents(t.db).some((e) => e.id === dev.id)).toBe(false);
    expect(
      eventSources(t.db, target.id)
        .slice(before)
        .map((s) => s.name),
    ).toEqual(["Harbour Wire", "港湾科技", "Quay Ledger"]);
    const items = listNewsItems(t.db).filter((i) => i.eventId === target.id && i.reason.startsWith("merged"));
    expect(items.map((i) => i.fate)).toEqual(["attached", "attached", "attached"]);
  });

  it("refuses a forged choice of an event that is not published, and rejects the last development", async () => {
    const out = await review();
    const dev = pending()[0]!;
    const merge = selectOf(out.reply, "merge");
    const forge = async (values: string[]) =>
      (
        await t.fake.sendInteraction({
          type: 3,
          data: { custom_id: merge.custom_id!, component_type: 3, values },
          message: t.fake.apiMessage(out.reply!),
          channel_id: out.reply!.channelId,
          guild_id: t.fake.defaultGuild().id,
        })
      ).settled();
    // Itself, not a published event; nothing; two; not a number.
    expect((await forge([String(dev.id)])).reply?.content).toContain("already reviewed");
    for (const values of [[], ["1", "2"], ["x"]]) expect(textOf((await forge(values)).reply)).toMatch(/expired|no longer/i);
    expect(pending().map((e) => e.id)).toEqual([dev.id]);
    const again = await review();
    const rejected = await click(again.reply!, byLabel(again.reply, "Reject"));
    expect(rejected.reply?.content).toContain("🗑️ Rejected");
    expect(pending()).toEqual([]);
    expect(listNewsItems(t.db).find((i) => i.eventId === dev.id)?.fate).toBe("rejected");
  });

  it("says on /feed add how many items joined developments and became further sources", async () => {
    const out = await (await t.fake.command({ name: "feed", subcommand: "add", options: { url: server.url("/f/newsroom-ledger.xml") }, admin: true })).settled({
      timeoutMs: 15_000,
    });
    // Followed already and read in full: its items are not new, so nothing is placed twice.
    expect(textOf(out.reply)).toContain("0 new events");
    expect(textOf(out.reply)).not.toContain("joined developments");
  });

  it("shows on /event every source with outlet, link, language and date and the status with outlets, and a status mark in /latest and /timeline", async () => {
    const target = eventIdByKey(t.db, storyId, "altman-return-agreed")!;
    const standing = eventStanding(t.db, target.id);
    expect(standing.status).toBe("corroborated");
    const ev = textOf((await (await t.fake.command({ name: "event", options: { id: "altman-return-agreed" } })).settled()).reply);
    expect(ev).toContain(`◉ corroborated · ${standing.outlets} outlets`);
    expect(ev).toContain("[港湾科技](https://gangwan.example/2023/11/30/observer) · `zh` · Nov 30, 2023");
    const latest = textOf((await (await t.fake.command({ name: "latest", options: { count: 10 } })).settled()).reply);
    expect(latest).toContain("◉ corroborated");
    expect(latest).toMatch(/ · [○◉✔⚠✎]\d+/);
    const timeline = textOf((await (await t.fake.command({ name: "timeline" })).settled()).reply);
    expect(timeline).toMatch(/ · [○◉✔⚠✎]\d+\n/);
  });
});
