import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { getStoryBySlug, listStories } from "../db/stories.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { EDITOR, STRANGER } from "./helpers/editor.ts";

const NOW = Date.UTC(2031, 0, 1, 9, 0);
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => NOW });
});
afterAll(async () => {
  await t.stop();
});

const create = (options: Record<string, string>, user = EDITOR, locale?: string) =>
  run(t, { name: "story", subcommand: "create", options, user, ...(locale ? { locale } : {}) });

const rows = () => ({ stories: listStories(t.db).length, audit: auditLog(t.db).length });

describe("/story create", () => {
  it("creates an empty story, audited, that /story use then follows and /story list shows", async () => {
    const before = rows();
    const out = await create({ slug: "shear-week", title: "Emmett Shear's week", title_zh: "希尔的一周", summary: "Three days at OpenAI." });
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("`shear-week`");
    const story = getStoryBySlug(t.db, "shear-week")!;
    expect(story).toMatchObject({ title: { en: "Emmett Shear's week", zh: "希尔的一周" }, summary: { en: "Three days at OpenAI.", zh: null }, language: "en" });
    expect(story.eventCount).toBe(0);
    expect(rows()).toEqual({ stories: before.stories + 1, audit: before.audit + 1 });
    const entry = auditLog(t.db).at(-1)!;
    expect(entry).toMatchObject({ action: "add", storySlug: "shear-week", eventKey: "(story)", userId: EDITOR.id, eventTitle: "Emmett Shear's week" });
    expect(entry.changes.title_zh).toEqual({ before: null, after: "希尔的一周" });

    const use = await run(t, { name: "story", subcommand: "use", options: { slug: "shear-week" }, user: EDITOR, permissions: 0x20n });
    expect(textOf(use.reply)).toContain("Emmett Shear's week");
    expect(textOf((await run(t, { name: "story", subcommand: "list" })).reply)).toContain("shear-week");
    expect(textOf((await run(t, { name: "latest" })).reply)).not.toMatch(/error|wrong/i);
  });

  it("takes a title written in Chinese alone as the Chinese title of a Chinese story", async () => {
    await create({ slug: "dongshihui", title: "董事会风波" });
    expect(getStoryBySlug(t.db, "dongshihui")).toMatchObject({ title: { en: null, zh: "董事会风波" }, language: "zh" });
  });

  it("refuses a taken slug, a slug with capitals or spaces, and a 5,000-character title, writing nothing", async () => {
    const before = rows();
    const taken = await create({ slug: "openai-board-crisis-2023", title: "Again" });
    expect(textOf(taken.reply)).toContain("There is already a story called `openai-board-crisis-2023`");
    const caps = await create({ slug: "Board Crisis", title: "Caps" });
    expect(textOf(caps.reply)).toContain("may use only a-z, 0-9 and single dashes");
    const long = await create({ slug: "long-title", title: "x".repeat(5000) });
    expect(textOf(long.reply)).toContain("The title is 5000 characters long; the limit is 256.");
    const blank = await create({ slug: "blank", title: "   " });
    expect(textOf(blank.reply)).toContain("The title is empty.");
    expect(rows()).toEqual(before);
    expect(getStoryBySlug(t.db, "long-title")).toBeNull();
  });

  it("answers in Chinese for a Chinese client", async () => {
    const out = await create({ slug: "Bad Slug", title: "x" }, EDITOR, "zh-CN");
    expect(textOf(out.reply)).toContain("只能使用 a-z、0-9 和单个连字符");
  });

  it("refuses someone who is not an editor, and writes nothing", async () => {
    const before = rows();
    const out = await create({ slug: "mallory-story", title: "Mine now" }, STRANGER);
    expect(textOf(out.reply)).toContain("Only the story editors can do that.");
    expect(rows()).toEqual(before);
  });
});
