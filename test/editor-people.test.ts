import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { findEntities, getEntityByKey } from "../db/entities.ts";
import { getEventByKey } from "../db/events.ts";
import { storyEntityNames } from "../db/feed-items.ts";
import { buildMatcher } from "../src/feeds/match.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { modalInputs, type InteractionOutcome } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, run } from "./helpers/commands.ts";
import { EDITOR, EDITOR2, STRANGER, addEvent, clickLabel, counts, forgedClick, forgedSubmit } from "./helpers/editor.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const NOW = Date.UTC(2031, 0, 1, 9, 0);
const BUNDLED = "openai-board-crisis-2023";

let t: TestBot;
let storyId: number;
/** The event added naming both new people. */
let talks = "";

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id, EDITOR2.id] }, now: () => NOW });
  storyId = getStoryBySlug(t.db, BUNDLED)!.id;
});
afterAll(async () => {
  await t.stop();
});

type Person = Partial<Record<"name_en" | "name_zh" | "kind" | "role" | "aliases", string>>;

const person = async (sub: string, options?: Record<string, string>, user = EDITOR): Promise<InteractionOutcome> =>
  (await t.fake.command({ name: "editor", group: "person", subcommand: sub, options, user })).settled();

/** The modal's inputs as it opened. */
const shown = (out: InteractionOutcome): Record<string, string> => Object.fromEntries(modalInputs(out.modal!.components).map((f) => [f.customId, f.value]));

/** Submits the person form of `out`, its prefilled values overridden by `form`. */
async function submitPerson(out: InteractionOutcome, form: Person, user = EDITOR): Promise<InteractionOutcome> {
  return (await t.fake.submitModal({ customId: out.modal!.custom_id, fields: { ...shown(out), ...form }, user })).settled();
}

const addPerson = async (form: Person) => submitPerson(await person("add"), form);
const who = async (name: string) => textOf((await run(t, { name: "who", options: { name } })).reply);
const entityRows = () => (t.db.prepare("SELECT count(*) AS n FROM entities").get() as { n: number }).n;

describe("/editor person", () => {
  it("opens a form of five labelled inputs, the kind a list with person chosen", async () => {
    const out = await person("add");
    expect(out.modal?.custom_id).toBe(`ed:padd:${storyId}`);
    const inputs = modalInputs(out.modal!.components);
    expect(inputs.map((i) => [i.customId, i.label])).toEqual([
      ["name_en", "Name in English"],
      ["name_zh", "Name in Chinese"],
      ["kind", "Kind"],
      ["role", "Role"],
      ["aliases", "Aliases"],
    ]);
    expect(inputs[2]).toMatchObject({ type: 3, value: "person" });
  });

  it("adds two people (one only in Chinese), audited, found at once by /who under every name and alias, by autocomplete and the event form", async () => {
    const before = auditLog(t.db).length;
    const a = await addPerson({ name_en: "Quinn Harlow", role: "Board observer\n董事会观察员", aliases: "harlow, 哈洛、QH" });
    expect(textOf(a.reply)).toContain("Added **Quinn Harlow** as `p_1`");
    const b = await addPerson({ name_zh: "林小雨", kind: "organization", aliases: "小雨" });
    expect(textOf(b.reply)).toContain("`p_2`");
    expect(getEntityByKey(t.db, storyId, "p_1")).toMatchObject({
      kind: "person",
      name: { en: "Quinn Harlow", zh: null },
      role: { en: "Board observer", zh: "董事会观察员" },
      aliases: ["harlow", "哈洛", "QH"],
    });
    expect(getEntityByKey(t.db, storyId, "p_2")).toMatchObject({ kind: "organization", name: { en: null, zh: "林小雨" } });
    const log = auditLog(t.db).slice(before);
    expect(log.map((e) => [e.action, e.eventKey, e.eventTitle])).toEqual([
      ["add", "person:p_1", "Quinn Harlow"],
      ["add", "person:p_2", "林小雨"],
    ]);
    expect(log[0]!.changes.aliases).toEqual({ before: null, after: ["harlow", "哈洛", "QH"] });

    for (const name of ["Quinn Harlow", "harlow", "哈洛", "qh"]) expect(await who(name)).toContain("Board observer");
    for (const name of ["林小雨", "小雨"]) expect(await who(name)).toContain("林小雨");
    expect(findEntities(t.db, storyId, "harl")[0]?.entity.key).toBe("p_1");
    const feedMatch = buildMatcher(storyEntityNames(t.db, storyId), [])("Quinn Harlow meets 林小雨 in San Francisco");
    expect(feedMatch?.entityIds).toEqual([getEntityByKey(t.db, storyId, "p_1")!.id, getEntityByKey(t.db, storyId, "p_2")!.id]);
    const ac = await (await t.fake.autocomplete({ name: "who", options: { name: "harl" }, focused: "name", value: "harl" })).settled();
    expect(ac.choices?.[0]?.name).toContain("Quinn Harlow");

    const ev = await addEvent(t, {
      title: "Harlow and 林小雨 join the talks",
      when: "2023-11-22",
      people: "harlow, 小雨",
      source: "Gazette",
    });
    expect(ev.reply?.content).toContain("`ed_");
    const key = /`(ed_\d+)`/.exec(ev.reply!.content!)![1]!;
    talks = key;
    expect(getEventByKey(t.db, storyId, key)!.entities.map((e) => e.key)).toEqual(["p_1", "p_2"]);
    expect(textOf((await run(t, { name: "timeline", options: { who: "harlow" } })).reply)).toContain("Harlow and 林小雨 join the talks");
  });

  it("refuses a name or alias someone else already has, saying who, keeps the draft for Edit and retry, and writes nothing", async () => {
    const before = { ...counts(t.db), entities: entityRows() };
    const out = await addPerson({ name_en: "Quentin Harlow", aliases: "quentin, harlow" });
    expect(textOf(out.reply)).toContain("“harlow” already names **Quinn Harlow** in this story.");
    expect({ ...counts(t.db), entities: entityRows() }).toEqual(before);
    expect(buttonsOf(out.reply).map((b) => b.label)).toEqual(["Edit and retry"]);
    const reopened = await clickLabel(t, out.reply, "Edit and retry");
    expect(shown(reopened)).toMatchObject({ name_en: "Quentin Harlow", aliases: "quentin, harlow" });
    const other = await clickLabel(t, out.reply, "Edit and retry", { user: EDITOR2 });
    expect(textOf(other.reply)).toContain("This draft belongs to someone else.");
    const fixed = await submitPerson(reopened, { aliases: "quentin" });
    expect(textOf(fixed.reply)).toContain("Added **Quentin Harlow** as `p_3`");
  });

  it("refuses a form with no name, or with a name over 100 characters, naming each problem", async () => {
    const before = entityRows();
    expect(textOf((await addPerson({ aliases: "nobody" })).reply)).toContain("Give a name in English, in Chinese, or both.");
    expect(textOf((await addPerson({ name_en: "x".repeat(150) })).reply)).toContain("The English name is 150 characters long; the limit is 100.");
    expect(entityRows()).toBe(before);
  });

  it("corrects a person through the prefilled form, saving only what changed, audited as an edit", async () => {
    const out = await person("edit", { who: "Quinn Harlow" });
    expect(shown(out)).toMatchObject({ name_en: "Quinn Harlow", role: "Board observer\n董事会观察员", aliases: "harlow, 哈洛, QH" });
    const same = await submitPerson(out, {});
    expect(textOf(same.reply)).toContain("Nothing changed");
    const saved = await submitPerson(out, { name_zh: "奎因·哈洛" });
    expect(textOf(saved.reply)).toContain("Changed: Chinese name");
    expect(auditLog(t.db).at(-1)).toMatchObject({ action: "edit", eventKey: "person:p_1", changes: { name_zh: { before: null, after: "奎因·哈洛" } } });
    expect(await who("奎因哈洛")).toContain("Board observer");
  });

  it("adds and removes aliases with /editor person alias, refusing one another person has", async () => {
    const out = await person("alias", { who: "harlow", add: "Q. Harlow、奎因", remove: "QH" });
    expect(textOf(out.reply)).toContain("Changed: aliases");
    expect(getEntityByKey(t.db, storyId, "p_1")!.aliases).toEqual(["harlow", "哈洛", "Q. Harlow", "奎因"]);
    expect(await who("奎因")).toContain("Board observer");
    expect(textOf((await run(t, { name: "who", options: { name: "qh" } })).reply)).not.toContain("Board observer");

    const before = auditLog(t.db).length;
    const taken = await person("alias", { who: "harlow", add: "Sam Altman" });
    expect(textOf(taken.reply)).toContain("“Sam Altman” already names **Sam Altman** in this story.");
    const missing = await person("alias", { who: "harlow", remove: "nobody" });
    expect(textOf(missing.reply)).toContain("has no alias “nobody”");
    expect(auditLog(t.db).length).toBe(before);
  });

  it("keeps the people added in Discord when the story file is imported again", () => {
    const r = importFiles(t.db, [join(import.meta.dirname, "..", "stories", `${BUNDLED}.yaml`)], NOW + 1);
    expect(r.ok).toBe(true);
    expect(getEntityByKey(t.db, storyId, "p_2")?.name.zh).toBe("林小雨");
    expect(getEntityByKey(t.db, storyId, "p_3")?.name.en).toBe("Quentin Harlow");
  });

  it("refuses someone who is not an editor for every subcommand, form and button, also forged ones, writing nothing", async () => {
    const before = { ...counts(t.db), entities: entityRows() };
    for (const [sub, options] of [
      ["add", undefined],
      ["edit", { who: "harlow" }],
      ["alias", { who: "harlow", add: "mallory" }],
    ] as const) {
      const out = await person(sub, options, STRANGER);
      expect(out.modal).toBeUndefined();
      expect(textOf(out.reply)).toContain("Only the story editors can do that.");
    }
    for (const id of [`ed:padd:${storyId}`, `ed:pedit:${storyId}:${getEntityByKey(t.db, storyId, "p_1")!.id}`]) {
      const out = await forgedSubmit(t, id, { name_en: "Mallory", kind: "person" }, STRANGER);
      expect(textOf(out.reply)).toContain("Only the story editors can do that.");
    }
    const msg = (await run(t, { name: "story", subcommand: "list" })).reply!;
    expect(textOf((await forgedClick(t, msg, "ed:pretry:1", STRANGER)).reply)).toContain("Only the story editors can do that.");
    expect(textOf((await forgedClick(t, msg, "ed:pretry:999999", EDITOR)).reply)).toContain("This draft has expired");
    expect({ ...counts(t.db), entities: entityRows() }).toEqual(before);
  });
});

describe("/editor quote", () => {
  const quote = async (sub: string, options: Record<string, string>, user = EDITOR) =>
    (await t.fake.command({ name: "editor", group: "quote", subcommand: sub, options, user })).settled();

  it("adds quotes in their own words (one only in Chinese) and their source, found by /event, /who and /search, audited on the event", async () => {
    const before = auditLog(t.db).length;
    const out = await quote("add", {
      event: talks,
      who: "harlow",
      text: "We will find the facts, whatever they are.",
      source: "Gazette | https://gazette.example/1",
    });
    expect(textOf(out.reply)).toContain("Added quote 1 to **Harlow and 林小雨 join the talks**");
    await quote("add", { event: talks, who: "小雨", text: "我们会查明真相。" });
    const event = getEventByKey(t.db, storyId, talks)!;
    expect(event.quotes.map((q) => [q.by?.key, q.text])).toEqual([
      ["p_1", { en: "We will find the facts, whatever they are.", zh: null }],
      ["p_2", { en: null, zh: "我们会查明真相。" }],
    ]);
    expect(event.sources).toContainEqual({ name: "Gazette", url: "https://gazette.example/1" });
    expect(textOf((await run(t, { name: "event", options: { id: talks } })).reply)).toContain("We will find the facts, whatever they are.");
    expect(await who("harlow")).toContain("We will find the facts");
    expect(textOf((await run(t, { name: "search", options: { query: "whatever" } })).reply)).toContain("Harlow and 林小雨 join the talks");
    const log = auditLog(t.db).slice(before);
    expect(log.map((e) => [e.action, e.eventKey])).toEqual([
      ["edit", talks],
      ["edit", talks],
    ]);
    expect(log[0]!.changes.quotes).toEqual({ before: null, after: ["Quinn Harlow: We will find the facts, whatever they are."] });
    const history = await (await t.fake.command({ name: "editor", subcommand: "history", options: { id: talks }, user: EDITOR })).settled();
    expect(textOf(history.reply)).toContain("changed it");
  });

  it("offers the event's quotes to remove, and removes the one chosen, audited", async () => {
    const ac = await (
      await t.fake.autocomplete({
        name: "editor",
        group: "quote",
        subcommand: "remove",
        options: { event: talks, quote: "" },
        focused: "quote",
        value: "",
        user: EDITOR,
      })
    ).settled();
    expect(ac.choices?.map((c) => c.value)).toEqual(["1", "2"]);
    expect(ac.choices?.[1]?.name).toBe("2. 林小雨: 我们会查明真相。");
    const out = await quote("remove", { event: talks, quote: "1" });
    expect(textOf(out.reply)).toContain("Removed quote 1");
    expect(getEventByKey(t.db, storyId, talks)!.quotes.map((q) => q.by?.key)).toEqual(["p_2"]);
    expect(auditLog(t.db).at(-1)!.changes.quotes).toEqual({ before: ["Quinn Harlow: We will find the facts, whatever they are."], after: null });
  });

  it("refuses a 5,000-character quote, a bad source, a quote that is not there and a stranger, writing nothing", async () => {
    const before = counts(t.db);
    expect(textOf((await quote("add", { event: talks, who: "harlow", text: "x".repeat(5000) })).reply)).toContain(
      "The quote is 5000 characters long; the limit is 1000.",
    );
    expect(textOf((await quote("add", { event: talks, who: "harlow", text: "Hi", source: "Gazette | ftp://x" })).reply)).toContain("is not a web address");
    expect(textOf((await quote("add", { event: talks, who: "nobody at all", text: "Hi" })).reply)).toContain("Nobody called “nobody at all”");
    expect(textOf((await quote("remove", { event: talks, quote: "9" })).reply)).toContain("This event has no quote “9”");
    expect(textOf((await quote("add", { event: talks, who: "harlow", text: "Mine" }, STRANGER)).reply)).toContain("Only the story editors can do that.");
    expect(textOf((await quote("remove", { event: talks, quote: "1" }, STRANGER)).reply)).toContain("Only the story editors can do that.");
    expect(counts(t.db)).toEqual(before);
  });
});

describe("/editor person merge", () => {
  const tmp = tempDir("storyline-merge-");
  afterAll(() => tmp.cleanup());

  it("asks first, then moves a duplicate's events, quotes and names to the other and removes it, audited", async () => {
    await addPerson({ name_en: "Quinny", aliases: "qh2" });
    const dup = getEntityByKey(t.db, storyId, "p_4")!;
    expect(dup.name.en).toBe("Quinny");
    const ev = await addEvent(t, { title: "Quinny and Harlow, the same person", when: "2023-11-24", people: "quinny, harlow", source: "Gazette" });
    const both = /`(ed_\d+)`/.exec(ev.reply!.content!)![1]!;
    await (
      await t.fake.command({ name: "editor", group: "quote", subcommand: "add", options: { event: both, who: "quinny", text: "It is me." }, user: EDITOR })
    ).settled();

    const ask = await person("merge", { from: "quinny", into: "harlow" });
    expect(textOf(ask.reply)).toContain("Merge **Quinny** into **Quinn Harlow**?");
    expect(buttonsOf(ask.reply).map((b) => b.label)).toEqual(["Merge", "Cancel"]);
    const before = { ...counts(t.db), entities: entityRows() };
    const cancel = await clickLabel(t, ask.reply, "Cancel");
    expect(textOf(cancel.reply ?? ask.reply)).toContain("nobody was merged");
    expect({ ...counts(t.db), entities: entityRows() }).toEqual(before);

    const again = await person("merge", { from: "quinny", into: "harlow" });
    const done = await clickLabel(t, again.reply, "Merge");
    expect(textOf(done.reply ?? again.reply)).toContain("Merged **Quinny** into **Quinn Harlow**");
    expect(getEntityByKey(t.db, storyId, "p_4")).toBeNull();
    const event = getEventByKey(t.db, storyId, both)!;
    expect(event.entities.map((e) => e.key)).toEqual(["p_1"]);
    expect(event.quotes.map((q) => q.by?.key)).toEqual(["p_1"]);
    expect(getEntityByKey(t.db, storyId, "p_1")!.aliases).toEqual(expect.arrayContaining(["Quinny", "qh2"]));
    expect(await who("quinny")).toContain("Board observer");
    expect(await who("qh2")).toContain("Board observer");
    const log = auditLog(t.db).slice(-2);
    expect(log.map((e) => [e.action, e.eventKey])).toEqual([
      ["remove", "person:p_4"],
      ["edit", "person:p_1"],
    ]);
  });

  it("refuses a merge of a person into themself, a stranger, and a forged button across stories, writing nothing", async () => {
    const r = importFiles(t.db, [tmp.file("mini.yaml", miniStory("merge-other"))], NOW);
    expect(r.ok).toBe(true);
    const other = getStoryBySlug(t.db, "merge-other")!;
    const ada = getEntityByKey(t.db, other.id, "ada")!;
    const harlow = getEntityByKey(t.db, storyId, "p_1")!;
    const before = { ...counts(t.db), entities: entityRows() };
    expect(textOf((await person("merge", { from: "harlow", into: "Quinn Harlow" })).reply)).toContain("cannot be merged into themself");
    expect(textOf((await person("merge", { from: "林小雨", into: "harlow" }, STRANGER)).reply)).toContain("Only the story editors can do that.");
    const msg = (await run(t, { name: "story", subcommand: "list" })).reply!;
    const forged = `ed:pmerge:${storyId}:${ada.id}:${harlow.id}`;
    expect(textOf((await forgedClick(t, msg, forged, STRANGER)).reply)).toContain("Only the story editors can do that.");
    const across = await forgedClick(t, msg, forged, EDITOR);
    expect(textOf(across.reply ?? msg)).toContain("nothing was merged");
    expect(textOf((await forgedClick(t, msg, `ed:pmerge:${storyId}:${harlow.id}:${harlow.id}`, EDITOR)).reply)).toContain("expired");
    expect({ ...counts(t.db), entities: entityRows() }).toEqual(before);
    expect(getEntityByKey(t.db, other.id, "ada")).not.toBeNull();
  });
});
