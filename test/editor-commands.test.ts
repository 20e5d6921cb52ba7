import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { eventsAddedBetween, getEvent, getEventByKey, latestEvents, searchEvents, timelinePage } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { parseDay } from "../src/story/dates.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, expectWithinLimits, run } from "./helpers/commands.ts";
import { modalInputs } from "../tools/fake-discord/index.ts";
import { EDITOR, EDITOR2, addEvent, clickLabel, counts, editor, eventRow, forgedClick, modalValues, submit, type Form } from "./helpers/editor.ts";

/** Later than the story import at start (which uses the real clock), as time goes. */
const NOW = Date.UTC(2031, 0, 1, 9, 0);
const GOOD: Form = {
  title: "Board names Emmett Shear interim CEO",
  when: "2023-11-23",
  summary: "Shear promises to hire an ombudsman to look into the firing.",
  people: "emmett, openai board",
  source: "The Information | https://www.theinformation.com/articles/shear",
};

let t: TestBot;
let clock = NOW;
let storyId: number;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id, EDITOR2.id] }, now: () => clock });
  storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
});
afterAll(async () => {
  await t.stop();
});

describe("/editor add", () => {
  it("opens a form of five labelled inputs, the importance a list with 3 chosen, the date's format as placeholder", async () => {
    const out = await editor(t, "add");
    expect(out.modal?.custom_id).toBe(`ed:add:${storyId}`);
    const inputs = modalInputs(out.modal!.components);
    expect(inputs.map((i) => [i.customId, i.label])).toEqual([
      ["title", "Title and summary"],
      ["when", "When"],
      ["importance", "Importance"],
      ["people", "People and organizations"],
      ["source", "Sources"],
    ]);
    expect(inputs[2]).toMatchObject({ type: 3, required: true, value: "3" });
    expect(inputs[2]!.options).toEqual([
      { value: "5", label: "5 — major development" },
      { value: "4", label: "4 — important" },
      { value: "3", label: "3 — normal" },
      { value: "2", label: "2 — minor" },
      { value: "1", label: "1 — background" },
    ]);
    expect(JSON.stringify(out.modal)).toContain("YYYY-MM-DD or 2023-11-20T09:30:00-08:00");
  });

  it("given a good form, then adds the event and it reaches /latest, /search, /timeline and the next recap at once", async () => {
    clock = NOW;
    const out = await addEvent(t, GOOD);
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain("`ed_1`");
    expect(textOf(out.reply)).toContain("Board names Emmett Shear interim CEO");
    expect(textOf(out.reply)).toContain("Emmett Shear");
    expectWithinLimits(out.reply);

    const row = eventRow(t.db, "ed_1")!;
    expect(row).toMatchObject({ origin: "editor", added_at: NOW, content_hash: "", importance: 3, title_en: GOOD.title, title_zh: null });
    const event = getEventByKey(t.db, storyId, "ed_1")!;
    expect(event.entities.map((e) => e.key)).toEqual(["emmett-shear", "openai-board"]);
    expect(event.sources).toEqual([{ name: "The Information", url: "https://www.theinformation.com/articles/shear" }]);

    expect(latestEvents(t.db, storyId, 1)[0]?.key).toBe("ed_1");
    expect(searchEvents(t.db, storyId, "ombudsman").hits.map((h) => h.event.key)).toEqual(["ed_1"]);
    const day = parseDay("2023-11-23")!;
    expect(timelinePage(t.db, storyId, { from: day.start, to: day.end, page: 0, pageSize: 8 }).events.map((e) => e.key)).toEqual(["ed_1"]);
    expect(eventsAddedBetween(t.db, storyId, NOW - 1, NOW).map((e) => e.key)).toEqual(["ed_1"]);

    expect(textOf((await run(t, { name: "latest", options: { count: 1 } })).reply)).toContain("Board names Emmett Shear interim CEO");
    expect(textOf((await run(t, { name: "search", options: { query: "ombudsman" } })).reply)).toContain("Board names Emmett Shear interim CEO");
    expect(textOf((await run(t, { name: "timeline", options: { from: "2023-11-23" } })).reply)).toContain("Board names Emmett Shear interim CEO");
  });

  it("records the addition in the audit log: who, when, which event and every field", () => {
    const [entry] = auditLog(t.db);
    expect(entry).toMatchObject({
      action: "add",
      userId: EDITOR.id,
      userName: EDITOR.username,
      at: NOW,
      eventKey: "ed_1",
      storySlug: "openai-board-crisis-2023",
    });
    expect(entry!.changes).toMatchObject({
      title_en: { before: null, after: GOOD.title },
      when: { before: null, after: "2023-11-23" },
      people: { before: null, after: ["emmett-shear", "openai-board"] },
    });
  });

  it("given an importance chosen, then adds the event with it, with the next key", async () => {
    clock = NOW + 60_000;
    const out = await addEvent(t, {
      ...GOOD,
      title: "Shear threatens to quit",
      importance: "4",
      when: "2023-11-21T09:30:00-08:00",
      summary: "",
      people: "",
      source: "Bloomberg",
    });
    expect(out.reply?.content).toContain("`ed_2`");
    expect(eventRow(t.db, "ed_2")).toMatchObject({
      importance: 4,
      title_en: "Shear threatens to quit",
      precision: "datetime",
      at: Date.parse("2023-11-21T17:30:00Z"),
    });
  });

  it.each([
    ["a bad date", { when: "20/11/2023" }, /“20\/11\/2023” is not a date\. Use YYYY-MM-DD/],
    ["an unknown person", { people: "emmett, Zaphod Beeblebrox" }, /Nobody called “Zaphod Beeblebrox”/],
    ["an ambiguous person", { people: "amodei" }, /“amodei” could mean several.*Daniela Amodei.*Dario Amodei/s],
    ["a url that is not http(s)", { source: "Leak | ftp://example.org/memo" }, /“ftp:\/\/example\.org\/memo” is not a web address/],
    ["a source with no name", { source: "https://example.org/memo" }, /has no name/],
  ])("given %s, then refuses, changes nothing, and Edit and retry reopens the form as typed", async (_, change, message) => {
    const before = counts(t.db);
    const typed = { ...GOOD, ...change };
    const out = await addEvent(t, typed);
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toMatch(message);
    expect(buttonsOf(out.reply).map((b) => b.label)).toEqual(["Edit and retry"]);
    expectWithinLimits(out.reply);
    expect(counts(t.db)).toEqual(before);

    const reopened = await clickLabel(t, out.reply, "Edit and retry");
    expect(modalValues(reopened)).toEqual({ ...typed, importance: "3" });
  });

  it("given a retried form that is now right, then adds it and forgets the draft", async () => {
    const refused = await addEvent(t, { ...GOOD, title: "Staff letter gathers 700 names", summary: "", when: "yesterday" });
    const reopened = await clickLabel(t, refused.reply, "Edit and retry");
    expect(reopened.modal?.custom_id).toMatch(new RegExp(`^ed:add:${storyId}:\\d+$`));
    const saved = await submit(t, reopened, { when: "2023-11-20" });
    expect(saved.reply?.content).toContain("`ed_3`");
    const draftId = Number(reopened.modal!.custom_id.split(":").at(-1));
    expect(t.db.prepare("SELECT count(*) AS n FROM editor_drafts WHERE id = ?").get(draftId)).toEqual({ n: 0 });
    const again = await clickLabel(t, refused.reply, "Edit and retry");
    expect(again.reply?.content).toMatch(/expired/);
  });

  it("given a draft older than a day, then says it expired", async () => {
    const refused = await addEvent(t, { ...GOOD, when: "someday" });
    clock = NOW + 25 * 3600_000;
    const out = await clickLabel(t, refused.reply, "Edit and retry");
    clock = NOW;
    expect(out.modal).toBeUndefined();
    expect(out.reply?.content).toMatch(/draft has expired/);
  });

  it("given someone else's draft, then refuses to reopen it", async () => {
    const refused = await addEvent(t, { ...GOOD, when: "soon" });
    const out = await clickLabel(t, refused.reply, "Edit and retry", { user: EDITOR2 });
    expect(out.modal).toBeUndefined();
    expect(out.reply?.content).toMatch(/belongs to someone else/);
  });
});

describe("/editor edit", () => {
  it("opens the form prefilled with the event's values, its importance chosen in the list", async () => {
    const out = await editor(t, "edit", { id: getEventByKey(t.db, storyId, "emmett-shear-interim-ceo")!.id });
    expect(modalValues(out)).toEqual({
      title: "Emmett Shear named OpenAI's interim CEO",
      importance: "4",
      when: "2023-11-19",
      summary: expect.stringContaining("former Twitch chief"),
      people: "Emmett Shear, OpenAI board of directors, OpenAI, Mira Murati",
      source: "The Information\nEmmett Shear's post on X",
    });
  });

  it("given an event of importance 5 and a new title, then keeps its importance; the list alone changes it", async () => {
    const id = getEventByKey(t.db, storyId, "altman-return-agreed")!.id;
    const before = eventRow(t.db, "altman-return-agreed")!;
    expect(before.importance).toBe(5);
    const opened = await editor(t, "edit", { id });
    expect(modalValues(opened)).toMatchObject({ title: before.title_en, importance: "5" });
    const retitled = await submit(t, opened, { title: "Altman to return as CEO under a new board" });
    expect(retitled.reply?.content).toMatch(/Changed: Title \(English\)\./);
    expect(eventRow(t.db, "altman-return-agreed")).toMatchObject({ title_en: "Altman to return as CEO under a new board", importance: 5 });
    const lastChange = () =>
      auditLog(t.db)
        .filter((e) => e.eventKey === "altman-return-agreed")
        .sort((a, b) => a.id - b.id)
        .at(-1)!;
    expect(Object.keys(lastChange().changes)).toEqual(["title_en"]);

    const lowered = await submit(t, await editor(t, "edit", { id }), { importance: "2" });
    expect(lowered.reply?.content).toMatch(/Changed: Importance\./);
    expect(eventRow(t.db, "altman-return-agreed")).toMatchObject({ title_en: "Altman to return as CEO under a new board", importance: 2 });
    expect(lastChange().changes).toEqual({ importance: { before: 5, after: 2 } });
  });

  it("given a draft saved before the form had an importance list, then reopens it with the event's own importance", async () => {
    const ev = getEventByKey(t.db, storyId, "microsoft-hires-altman")!;
    const old = { title: ev.title.en, when: "2023-11-20", summary: "", people: "", source: "x" };
    const draftId = Number(
      t.db
        .prepare("INSERT INTO editor_drafts (user_id, story_id, event_id, fields, base, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
        .pluck()
        .get(EDITOR.id, storyId, ev.id, JSON.stringify(old), JSON.stringify(old), clock),
    );
    const anyReply = (await editor(t, "history", { id: ev.id })).reply!;
    const reopened = await forgedClick(t, anyReply, `ed:retry:${draftId}`, EDITOR);
    expect(modalValues(reopened).importance).toBe(String(ev.importance));
  });

  it("given the form sent back unchanged, then says so and records nothing", async () => {
    const id = getEventByKey(t.db, storyId, "emmett-shear-interim-ceo")!.id;
    const before = counts(t.db);
    const out = await submit(t, await editor(t, "edit", { id }), {});
    expect(out.reply?.content).toMatch(/Nothing changed/);
    expect(counts(t.db)).toEqual(before);
  });

  it("given a new summary, then writes only the summary, keeps the file's content hash, and says what changed", async () => {
    clock = NOW + 120_000;
    const key = "emmett-shear-interim-ceo";
    const before = { row: eventRow(t.db, key)!, event: getEventByKey(t.db, storyId, key)! };
    const out = await submit(t, await editor(t, "edit", { id: before.event.id }), {
      summary: "The board chose Shear after a weekend of talks with candidates.",
    });
    expect(out.reply?.content).toMatch(/Saved\. Changed: Summary \(English\)\./);
    expect(out.reply?.content).toMatch(/comes from the story file/);
    const after = { row: eventRow(t.db, key)!, event: getEventByKey(t.db, storyId, key)! };
    expect(after.row).toEqual({ ...before.row, summary_en: "The board chose Shear after a weekend of talks with candidates.", updated_at: clock });
    expect(after.event.entities).toEqual(before.event.entities);
    expect(after.event.sources).toEqual(before.event.sources);
    expect(after.event.quotes).toEqual(before.event.quotes);
    expect(searchEvents(t.db, storyId, "candidates").hits.map((h) => h.event.key)).toContain(key);
    expect(auditLog(t.db).at(-1)).toMatchObject({
      action: "edit",
      eventKey: key,
      changes: { summary_en: { before: before.event.summary.en, after: "The board chose Shear after a weekend of talks with candidates." } },
    });
    expect(Object.keys(auditLog(t.db).at(-1)!.changes)).toEqual(["summary_en"]);
  });

  it("given a new date, people and sources, then moves the event and relinks it, still found by search", async () => {
    const id = getEventByKey(t.db, storyId, "ed_1")!.id;
    const out = await submit(t, await editor(t, "edit", { id }), {
      when: "2023-11-19T23:00:00-08:00",
      people: "emmett shear, ilya",
      source: "The Information\nWired | https://wired.com/a",
    });
    expect(out.reply?.content).toMatch(/Changed: When, People, Sources\./);
    const timeline = timelinePage(t.db, storyId, { page: 0, pageSize: 100 }).events;
    const place = timeline.findIndex((e) => e.id === id) + 1;
    expect(out.reply?.content).toMatch(
      new RegExp(`Now dated <t:${Date.parse("2023-11-20T07:00:00Z") / 1000}:f> — ${place}(st|nd|rd|th) of ${timeline.length} in the timeline\\.`),
    );
    const ev = getEvent(t.db, storyId, id)!;
    expect(ev).toMatchObject({ at: Date.parse("2023-11-20T07:00:00Z"), precision: "datetime", addedAt: NOW });
    expect(ev.entities.map((e) => e.key)).toEqual(["emmett-shear", "ilya-sutskever"]);
    expect(ev.sources).toEqual([
      { name: "The Information", url: null },
      { name: "Wired", url: "https://wired.com/a" },
    ]);
    expect(searchEvents(t.db, storyId, "ombudsman").hits.map((h) => h.event.id)).toEqual([id]);
    expect(eventsAddedBetween(t.db, storyId, NOW + 1, clock + 1).map((e) => e.id)).not.toContain(id);
  });

  it("given a bad change, then refuses and Edit and retry keeps both the typed text and what the form first showed", async () => {
    const id = getEventByKey(t.db, storyId, "ed_2")!.id;
    const opened = await editor(t, "edit", { id });
    const refused = await submit(t, opened, { title: "Shear threatens to resign", when: "2023-02-30" });
    expect(refused.reply?.content).toMatch(/“2023-02-30” is not a date/);
    const reopened = await clickLabel(t, refused.reply, "Edit and retry");
    expect(reopened.modal?.custom_id).toBe(opened.modal?.custom_id);
    expect(modalValues(reopened)).toMatchObject({ title: "Shear threatens to resign", when: "2023-02-30", importance: "4" });
    const saved = await submit(t, reopened, { when: modalValues(opened).when! });
    expect(saved.reply?.content).toMatch(/Changed: Title \(English\)\./);
    expect(eventRow(t.db, "ed_2")).toMatchObject({ title_en: "Shear threatens to resign", importance: 4 });
  });

  it("given a form for an event removed meanwhile, then says it no longer exists", async () => {
    const opened = await editor(t, "edit", { id: getEventByKey(t.db, storyId, "ed_3")!.id });
    t.db.prepare("DELETE FROM events WHERE key = 'ed_3'").run();
    const out = await submit(t, opened, { title: "Staff letter gathers 745 names" });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toMatch(/no longer exists/);
  });

  it("given an id that is no event, then says so", async () => {
    const out = await editor(t, "edit", { id: "999999" });
    expect(out.modal).toBeUndefined();
    expect(out.reply?.content).toMatch(/no event “999999”/);
  });

  it("suggests events by title, the latest when nothing is typed", async () => {
    const typed = await (await t.fake.autocomplete({ name: "editor", subcommand: "edit", focused: "id", value: "Shear", user: EDITOR })).settled();
    expect(typed.choices?.map((c) => c.name)).toContain("Nov 20, 2023 · Board names Emmett Shear interim CEO");
    expect(typed.choices?.find((c) => c.name.endsWith("Board names Emmett Shear interim CEO"))?.value).toBe(String(getEventByKey(t.db, storyId, "ed_1")!.id));
    const blank = await (await t.fake.autocomplete({ name: "editor", subcommand: "remove", focused: "id", value: "", user: EDITOR })).settled();
    expect(blank.choices?.length).toBeGreaterThan(5);
  });
});

describe("/editor remove", () => {
  it("asks first; Cancel keeps the event and records nothing", async () => {
    const id = getEventByKey(t.db, storyId, "ed_2")!.id;
    const asked = await editor(t, "remove", { id });
    expect(asked.ephemeral).toBe(true);
    expect(asked.reply?.content).toMatch(/Remove \*\*Shear threatens to resign\*\*/);
    expect(buttonsOf(asked.reply).map((b) => b.label)).toEqual(["Remove", "Cancel"]);
    const before = counts(t.db);
    const out = await clickLabel(t, asked.reply, "Cancel");
    expect(out.reply?.content).toMatch(/not removed/);
    expect(counts(t.db)).toEqual(before);
  });

  it("given Remove, then the event, its links, sources and search entry go, and the log keeps what it was", async () => {
    clock = NOW + 180_000;
    const id = getEventByKey(t.db, storyId, "ed_1")!.id;
    const asked = await editor(t, "remove", { id });
    const removeId = buttonsOf(asked.reply)[0]!.customId;
    expect(removeId).toMatch(new RegExp(`^ed:rm:${storyId}:${id}:\\d+$`));
    const before = counts(t.db);
    const out = await clickLabel(t, asked.reply, "Remove");
    expect(out.reply?.content).toMatch(/Removed \*\*Board names Emmett Shear interim CEO\*\*/);
    expect(buttonsOf(out.reply)).toEqual([]);
    expect(getEvent(t.db, storyId, id)).toBeNull();
    expect(counts(t.db)).toMatchObject({
      events: before.events! - 1,
      links: before.links! - 2,
      sources: before.sources! - 2,
      fts: before.fts! - 1,
      audit: before.audit! + 1,
    });
    expect(searchEvents(t.db, storyId, "ombudsman").hits).toEqual([]);
    expect(auditLog(t.db).at(-1)).toMatchObject({
      action: "remove",
      eventKey: "ed_1",
      eventTitle: "Board names Emmett Shear interim CEO",
      changes: { title_en: { before: "Board names Emmett Shear interim CEO", after: null } },
    });

    const stale = await forgedClick(t, asked.reply!, removeId, EDITOR);
    expect(stale.reply?.content).toMatch(/no longer exists/);
  });

  it("given an event changed after the question, then removes nothing and says so", async () => {
    const id = getEventByKey(t.db, storyId, "ed_2")!.id;
    const asked = await editor(t, "remove", { id });
    await submit(t, await editor(t, "edit", { id }), { summary: "Shear says he will stay if the board explains itself." });
    const out = await clickLabel(t, asked.reply, "Remove");
    expect(out.reply?.content).toMatch(/changed this event meanwhile/);
    expect(getEvent(t.db, storyId, id)).not.toBeNull();
  });

  it("finds the event from words of its title typed without picking a suggestion", async () => {
    const asked = await editor(t, "remove", { id: "Shear threatens" });
    expect(asked.reply?.content).toMatch(/Remove \*\*Shear threatens to resign\*\*/);
  });

  it("warns that an event from the story file comes back at the next import", async () => {
    const asked = await editor(t, "remove", { id: getEventByKey(t.db, storyId, "altman-fired")!.id });
    expect(asked.reply?.content).toMatch(/next import brings it back/);
  });

  it("never gives a removed event's number to a new one", async () => {
    const out = await addEvent(t, { ...GOOD, title: "Shear starts an investigation", summary: "", when: "2023-11-24" });
    expect(out.reply?.content).toContain("`ed_4`");
  });
});

describe("/editor history", () => {
  it("lists an event's changes newest first: when, who, and each field before → after", async () => {
    const id = getEventByKey(t.db, storyId, "ed_2")!.id;
    const out = await editor(t, "history", { id });
    expect(out.ephemeral).toBe(true);
    const text = textOf(out.reply);
    expect(text).toContain("Changes to Shear threatens to resign");
    expect(text.indexOf("changed it")).toBeLessThan(text.indexOf("added it"));
    expect(text).toContain(`<t:${Math.floor((NOW + 120_000) / 1000)}:f> · **ada** changed it`);
    expect(text).toContain("Title (English): “Shear threatens to quit” → “Shear threatens to resign”");
    expectWithinLimits(out.reply);
  });

  it("still shows the history of a removed event, and says when there is none", async () => {
    const removedId = auditLog(t.db).find((e) => e.action === "remove")!.eventId;
    expect(textOf((await editor(t, "history", { id: removedId })).reply)).toContain("removed it");
    const byKey = textOf((await editor(t, "history", { id: "ed_1" })).reply);
    expect(byKey).toContain("Changes to Board names Emmett Shear interim CEO");
    expect(byKey).toContain("removed it");
    expect(byKey).toContain("added it");
    const none = await editor(t, "history", { id: getEventByKey(t.db, storyId, "altman-fired")!.id });
    expect(textOf(none.reply)).toContain("No changes recorded");
  });
});

describe("an editor writing in Chinese", () => {
  it("given a zh-CN locale, then fills the Chinese fields and answers in Chinese", async () => {
    const out = await addEvent(
      t,
      { title: "董事会任命新的临时CEO", when: "2023-11-19", summary: "", people: "埃米特、董事会", source: "信息网" },
      { locale: "zh-CN" },
    );
    expect(out.reply?.content).toMatch(/已保存为 `ed_5`，日期为2023年11月19日，在时间线的 \d+ 个事件中排第 \d+ 个/);
    expect(eventRow(t.db, "ed_5")).toMatchObject({ title_zh: "董事会任命新的临时CEO", title_en: null, summary_zh: null });
  });

  it("given Chinese text from an English locale, then fills the Chinese fields too", async () => {
    await addEvent(t, { ...GOOD, title: "希尔接任", summary: "希尔接任临时CEO。", when: "2023-11-25" });
    expect(eventRow(t.db, "ed_6")).toMatchObject({ title_zh: "希尔接任", summary_zh: "希尔接任临时CEO。", title_en: null, summary_en: null });
  });

  it("given a correction from a zh-TW locale, then prefills and writes the Chinese fields only", async () => {
    const key = "microsoft-hires-altman";
    const before = eventRow(t.db, key)!;
    const opened = await editor(t, "edit", { id: before.id as number, locale: "zh-TW" });
    expect(modalValues(opened)).toMatchObject({ title: String(before.title_zh), importance: "5" });
    const out = await submit(t, opened, { summary: "微软宣布聘请奥特曼领导新的研究团队。" }, { locale: "zh-TW" });
    expect(out.reply?.content).toMatch(/修改了：摘要（中文）/);
    expect(eventRow(t.db, key)).toMatchObject({ summary_zh: "微软宣布聘请奥特曼领导新的研究团队。", summary_en: before.summary_en, title_en: before.title_en });
  });
});
