import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catchupMark } from "../db/catchup.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { modalInputs, type InteractionOutcome } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { CHINESE, expectWithinLimits, run } from "./helpers/commands.ts";
import { EDITOR, addEvent } from "./helpers/editor.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const START = Date.UTC(2031, 0, 1, 9, 0);
const BUNDLED = "openai-board-crisis-2023";
const READER = { id: "1600000000000000001", username: "reader" };
const OTHER = { id: "1600000000000000002", username: "other" };

let t: TestBot;
let now = START;
let storyId: number;
const tmp = tempDir("storyline-catchup-");

beforeAll(async () => {
  // The bundled story was imported at the real time, years before START: nothing of it is "new".
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => now });
  storyId = getStoryBySlug(t.db, BUNDLED)!.id;
});
afterAll(async () => {
  await t.stop();
  tmp.cleanup();
});

const stamp = (at: number) => `<t:${Math.floor(at / 1000)}:f>`;
const catchup = async (user = READER, options?: Record<string, string>, locale?: string): Promise<InteractionOutcome> => {
  const out = await run(t, { name: "catchup", user, options, locale });
  expect(out.ephemeral).toBe(true);
  expectWithinLimits(out.reply);
  return out;
};
const text = async (user = READER, options?: Record<string, string>, locale?: string) => textOf((await catchup(user, options, locale)).reply);
const status = async (options: Record<string, string>) =>
  (await t.fake.command({ name: "editor", subcommand: "status", options, user: EDITOR, admin: true })).settled();
async function addPerson(name_en: string): Promise<void> {
  const open = await (await t.fake.command({ name: "editor", group: "person", subcommand: "add", user: EDITOR })).settled();
  const shown = Object.fromEntries(modalInputs(open.modal!.components).map((f) => [f.customId, f.value]));
  await (await t.fake.submitModal({ customId: open.modal!.custom_id, fields: { ...shown, name_en }, user: EDITOR })).settled();
}

describe("/catchup", () => {
  it("the first time looks back 24 hours, and says so when nothing is new", async () => {
    const out = await text();
    expect(out).toContain("You're up to date");
    expect(out).toContain(stamp(START - DAY));
    expect(catchupMark(t.db, { userId: READER.id, storyId })).toBe(START);
  });

  it("shows new events, changed statuses and new people once, then you're up to date; each user has their own mark", async () => {
    now = START + HOUR;
    await addEvent(t, { title: "The new board meets for the first time", when: "2023-11-30", source: "The Verge" });
    now = START + 2 * HOUR;
    await addEvent(t, { title: "Investors ask for a seat on the board", when: "2023-11-29", source: "Reuters" });
    await status({ id: "altman-fired", status: "confirmed" });
    await status({ id: "brockman-quits", status: "corrected", note: "He resigned as chair the same day." });
    await addPerson("Quinn Harlow");
    now = START + 3 * HOUR;

    const out = await text();
    expect(out).toContain(`since you last caught up (${stamp(START)})`);
    expect(out).toContain("2 new events");
    // In the order they happened, not the order they were added.
    expect(out.indexOf("Investors ask for a seat")).toBeGreaterThan(-1);
    expect(out.indexOf("Investors ask for a seat")).toBeLessThan(out.indexOf("The new board meets"));
    expect(out).toContain("Changed statuses");
    expect(out).toMatch(/— now confirmed/);
    expect(out).toContain("corrected: He resigned as chair the same day.");
    expect(out).toContain("New people");
    expect(out).toContain("Quinn Harlow");
    expect(catchupMark(t.db, { userId: READER.id, storyId })).toBe(START + 3 * HOUR);

    expect(await text()).toContain("You're up to date");
    const other = await text(OTHER);
    expect(other).toContain("first catch-up");
    expect(other).toContain("2 new events");
    expect(other).toContain("Quinn Harlow");
  });

  it("answers in Chinese for a Chinese client", async () => {
    now = START + 4 * HOUR;
    await addEvent(t, { title: "The board publishes its review", when: "2023-12-01", source: "Bloomberg" });
    const zh = await text(READER, undefined, "zh-CN");
    expect(zh).toContain("补看");
    expect(zh).toContain("1 个新事件");
    expect(zh).toMatch(CHINESE);
    expect(await text(READER, undefined, "zh-CN")).toContain("你已看完最新内容");
  });

  it("looks further back with since: without moving the mark", async () => {
    now = START + 5 * HOUR;
    const before = catchupMark(t.db, { userId: READER.id, storyId });
    const out = await text(READER, { since: "2023-11-19" });
    expect(out).toContain("your mark stays where it was");
    expect(out).toMatch(/\d+ new events/);
    expect(out).toContain("The board publishes its review");
    expect(catchupMark(t.db, { userId: READER.id, storyId })).toBe(before);
  });

  it("refuses a date it cannot read, changing no mark", async () => {
    now = START + 6 * HOUR;
    const before = catchupMark(t.db, { userId: READER.id, storyId });
    for (const since of ["yesterday", "2023-13-45"]) {
      const out = await text(READER, { since });
      expect(out).toContain("is not a date");
      expect(out).toContain("YYYY-MM-DD");
    }
    expect(catchupMark(t.db, { userId: READER.id, storyId })).toBe(before);
  });

  it("looks back at most a week, however long ago the last catch-up was", async () => {
    now = START + 30 * DAY;
    expect(await text()).toContain(stamp(now - 7 * DAY));
  });

  it("keeps one mark per story: another story the server follows starts from its own first time", async () => {
    importFiles(t.db, [tmp.file("mini.yaml", miniStory("catchup-mini"))], now);
    const mini = getStoryBySlug(t.db, "catchup-mini")!.id;
    await run(t, { name: "story", subcommand: "use", options: { slug: "catchup-mini" }, admin: true });
    const readerBundled = catchupMark(t.db, { userId: READER.id, storyId });
    expect(catchupMark(t.db, { userId: READER.id, storyId: mini })).toBeNull();
    now += HOUR;
    const out = await text();
    expect(out).toContain("first catch-up");
    expect(out).toContain("A small story");
    expect(catchupMark(t.db, { userId: READER.id, storyId: mini })).toBe(now);
    expect(catchupMark(t.db, { userId: READER.id, storyId })).toBe(readerBundled);
    await run(t, { name: "story", subcommand: "use", options: { slug: BUNDLED }, admin: true });
  });
});
