import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { findEntities, getEntityByKey } from "../db/entities.ts";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { importFiles } from "../src/story/import.ts";
import { modalInputs, type InteractionOutcome } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, run } from "./helpers/commands.ts";
import { EDITOR, EDITOR2, STRANGER, addEvent, clickLabel, counts, forgedClick, forgedSubmit } from "./helpers/editor.ts";

const NOW = Date.UTC(2031, 0, 1, 9, 0);
const BUNDLED = "openai-board-crisis-2023";

let t: TestBot;
let storyId: number;

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
