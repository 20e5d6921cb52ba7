import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { eventStanding } from "../db/event-sources.ts";
import { exportStory } from "../db/export.ts";
import { migrate, openDatabase } from "../db/index.ts";
import { eventIdByKey } from "../db/newsroom.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { storyFileData } from "../src/story/export.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { EDITOR, STRANGER, addEvent } from "./helpers/editor.ts";
import { modalInputs } from "../tools/fake-discord/index.ts";
import { tempDir } from "./helpers/tmp.ts";

const NOW = Date.UTC(2031, 0, 1, 9, 0);
const BUNDLED = "openai-board-crisis-2023";
const tmp = tempDir("storyline-export-");
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => NOW });
});
afterAll(async () => {
  await t.stop();
  tmp.cleanup();
});

const exportCommand = async (options: Record<string, string> = {}, user = EDITOR) =>
  (await t.fake.command({ name: "story", subcommand: "export", options, user })).settled();

/** Adds a person through the form, as an editor would. */
async function addPerson(fields: Record<string, string>): Promise<void> {
  const form = await (await t.fake.command({ name: "editor", group: "person", subcommand: "add", user: EDITOR })).settled();
  const shown = Object.fromEntries(modalInputs(form.modal!.components).map((f) => [f.customId, f.value]));
  const out = await (await t.fake.submitModal({ customId: form.modal!.custom_id, fields: { ...shown, ...fields }, user: EDITOR })).settled();
  expect(textOf(out.reply)).toContain("Added");
}

describe("/story export", () => {
  it("attaches the story as it stands as a YAML story file, which imported into an empty database gives the same story row by row", async () => {
    await addPerson({ name_zh: "林小雨", aliases: "小雨", role: "\n观察员" });
    const ev = await addEvent(t, {
      title: "林小雨 speaks",
      when: "2023-11-21T08:30:00-08:00",
      people: "小雨, sam altman",
      source: "Gazette | https://gazette.example/2",
    });
    const key = /`(ed_\d+)`/.exec(ev.reply!.content!)![1]!;
    const q = await (
      await t.fake.command({ name: "editor", group: "quote", subcommand: "add", options: { event: key, who: "小雨", text: "我们会查明真相。" }, user: EDITOR })
    ).settled();
    expect(textOf(q.reply)).toContain("Added quote 1");
    // Statuses an editor set, on an event from Discord (with a note) and on one from the file (without).
    const setStatus = async (options: Record<string, string>) =>
      (await t.fake.command({ name: "editor", subcommand: "status", options, user: EDITOR })).settled();
    expect(textOf((await setStatus({ id: key, status: "disputed", note: "Only one witness." })).reply)).toContain("disputed");
    expect(textOf((await setStatus({ id: "altman-fired", status: "confirmed" })).reply)).toContain("confirmed");

    const out = await exportCommand();
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("`openai-board-crisis-2023` as it stands now");
    const file = out.reply!.attachments[0]!;
    expect(file.filename).toBe(`${BUNDLED}.yaml`);
    const yaml = file.data.toString("utf8");
    const data = parse(yaml) as {
      entities: { id: string; name: unknown }[];
      events: { id: string; at: string; entities?: string[]; quotes?: unknown[]; status?: string; status_note?: string }[];
    };
    expect(data.entities.find((e) => e.id === "p-1")?.name).toEqual({ zh: "林小雨" });
    const mine = data.events.find((e) => e.id === key.replace("_", "-"))!;
    expect(mine).toMatchObject({ at: "2023-11-21T16:30:00Z", entities: ["p-1", "sam-altman"], quotes: [{ by: "p-1", text: { zh: "我们会查明真相。" } }] });
    expect(mine).toMatchObject({ status: "disputed", status_note: "Only one witness." });
    const fired = data.events.find((e) => e.id === "altman-fired")!;
    expect(fired.status).toBe("confirmed");
    expect(fired).not.toHaveProperty("status_note");
    expect(data.events.filter((e) => e.status).length).toBe(2);

    const fresh = openDatabase(":memory:");
    migrate(fresh);
    const r = importFiles(fresh, [tmp.file("exported.yaml", yaml)], NOW);
    expect(r.ok).toBe(true);
    const original = exportStory(t.db, getStoryBySlug(t.db, BUNDLED)!.id)!;
    const copy = exportStory(fresh, getStoryBySlug(fresh, BUNDLED)!.id)!;
    expect(copy.events.length).toBe(original.events.length);
    expect(copy.entities.length).toBe(original.entities.length);
    // Row by row, in file form (where `ed_3` is written `ed-3`): the same story.
    expect(storyFileData(copy)).toEqual(storyFileData(original));
    // The same statuses, read as /event reads them.
    const standings = (db: typeof t.db, story: typeof original) => {
      const id = getStoryBySlug(db, BUNDLED)!.id;
      return story.events.map((e) => eventStanding(db, eventIdByKey(db, id, e.key)!.id));
    };
    const copiedStandings = standings(fresh, copy);
    expect(copiedStandings.filter((st) => st.status === "disputed")).toEqual([{ status: "disputed", note: "Only one witness.", outlets: 1 }]);
    expect(copiedStandings.map((st) => [st.status, st.note])).toEqual(standings(t.db, original).map((st) => [st.status, st.note]));
    fresh.close();
  });

  it("exports another story by slug, and a story created in Discord with nothing in it", async () => {
    await run(t, { name: "story", subcommand: "create", options: { slug: "empty-one", title: "Empty" }, user: EDITOR });
    const out = await exportCommand({ slug: "empty-one" });
    expect(textOf(out.reply)).toContain("0 published events and 0 people");
    expect(parse(out.reply!.attachments[0]!.data.toString("utf8"))).toEqual({
      story: { slug: "empty-one", title: { en: "Empty" }, language: "en" },
      entities: [],
      events: [],
    });
  });

  it("refuses someone who is not an editor, and an unknown slug", async () => {
    const stranger = await exportCommand({}, STRANGER);
    expect(textOf(stranger.reply)).toContain("Only the story editors can do that.");
    expect(stranger.reply?.attachments ?? []).toEqual([]);
    expect(textOf((await exportCommand({ slug: "no-such-story" })).reply)).toContain("no-such-story");
  });
});
