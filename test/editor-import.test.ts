import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addEditorEvent } from "../db/event-writes.ts";
import { getEventByKey } from "../db/events.ts";
import { importStory } from "../db/import.ts";
import { openDatabase } from "../db/index.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { StoryInput } from "../db/types.ts";
import { describeImport } from "../src/story/import.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { EDITOR, addEvent, editor, eventRow, submit } from "./helpers/editor.ts";
import { runScript } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const SLUG = "openai-board-crisis-2023";
const NOW = Date.UTC(2031, 0, 2, 8, 30);
const FILE_TITLE = "OpenAI's board fires Sam Altman; Mira Murati named interim CEO";
const CORRECTED = "OpenAI's board fires Sam Altman; Mira Murati becomes interim CEO";

async function cli(script: string, args: string[], cwd: string): Promise<{ code: number | string; out: string; err: string }> {
  const p = runScript(script, args, {}, cwd);
  const code = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

describe("editors' changes and the story file", () => {
  const tmp = tempDir("storyline-editor-");
  const storiesDir = join(tmp.dir, "stories");
  const file = join(storiesDir, `${SLUG}.yaml`);
  const dbPath = join(tmp.dir, "data", "storyline.db");
  let t: TestBot;
  let storyId: number;

  beforeAll(async () => {
    mkdirSync(storiesDir);
    copyFileSync(`stories/${SLUG}.yaml`, file);
    t = await startTestBot({ dbPath, storiesDir, config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => NOW });
    storyId = getStoryBySlug(t.db, SLUG)!.id;
    await addEvent(t, { title: "Board names Emmett Shear interim CEO", when: "2023-11-23", summary: "", people: "emmett", source: "The Information" });
    const opened = await editor(t, "edit", { id: getEventByKey(t.db, storyId, "altman-fired")!.id });
    await submit(t, opened, { title: CORRECTED });
  });
  afterAll(async () => {
    await t.stop();
    tmp.cleanup();
  });

  it("keeps an added event and a file event's correction when the unchanged file is imported again", async () => {
    const before = eventRow(t.db, "altman-fired");
    const r = await cli("src/story/cli.ts", [file, "--db", dbPath], tmp.dir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(0 new, 0 updated, 0 removed\)/);
    expect(eventRow(t.db, "altman-fired")).toEqual(before);
    expect(eventRow(t.db, "altman-fired")).toMatchObject({ title_en: CORRECTED, origin: "file" });
    expect(eventRow(t.db, "ed_1")).toMatchObject({ origin: "editor" });
    expect(textOf((await run(t, { name: "latest", options: { count: 1 } })).reply)).toContain("Board names Emmett Shear interim CEO");
  });

  it("lets a changed file overwrite its event, and still keeps the added one", async () => {
    writeFileSync(file, readFileSync(file, "utf8").replace(FILE_TITLE, "OpenAI's board ousts Sam Altman"));
    const r = await cli("src/story/cli.ts", [file, "--db", dbPath], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(0 new, 1 updated, 0 removed\)/);
    expect(eventRow(t.db, "altman-fired")).toMatchObject({ title_en: "OpenAI's board ousts Sam Altman" });
    expect(getEventByKey(t.db, storyId, "ed_1")?.title.en).toBe("Board names Emmett Shear interim CEO");
  });

  it("keeps a person that only an event added in Discord still names, says so, and takes it back when the file has it again", async () => {
    const original = readFileSync(file, "utf8");
    const withoutShear = original
      .replace(/ {2}- id: emmett-shear\n[\s\S]*?(?= {2}- id: )/, "")
      .replace("entities: [emmett-shear, openai-board, openai, mira-murati]", "entities: [openai-board, openai, mira-murati]");
    expect(withoutShear).not.toContain("emmett-shear\n");
    writeFileSync(file, withoutShear);
    const entity = () =>
      t.db.prepare("SELECT id, content_hash FROM entities WHERE key = 'emmett-shear'").get() as { id: number; content_hash: string } | undefined;
    const before = { entity: entity()!, ed1: eventRow(t.db, "ed_1") };
    const audited = (t.db.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n;

    const r = await cli("src/story/cli.ts", [file, "--db", dbPath], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\(0 new, 1 updated, 0 removed\); kept 1 person still used by events added in Discord: emmett-shear \(ed_1\)\n$/);
    expect(getEventByKey(t.db, storyId, "ed_1")!.entities.map((e) => e.key)).toEqual(["emmett-shear"]);
    expect(eventRow(t.db, "ed_1")).toEqual(before.ed1);
    expect(entity()).toEqual({ id: before.entity.id, content_hash: "" });
    expect(getEventByKey(t.db, storyId, "emmett-shear-interim-ceo")!.entities.map((e) => e.key)).not.toContain("emmett-shear");
    expect(textOf((await run(t, { name: "who", options: { name: "emmett" } })).reply)).toContain("Emmett Shear");
    expect((t.db.prepare("SELECT count(*) AS n FROM audit_log").get() as { n: number }).n).toBe(audited);

    const again = await cli("src/story/cli.ts", [file, "--db", dbPath], tmp.dir);
    expect(again.out).toMatch(/\(0 new, 0 updated, 0 removed\); kept 1 person still used by events added in Discord: emmett-shear \(ed_1\)\n$/);

    writeFileSync(file, original);
    const back = await cli("src/story/cli.ts", [file, "--db", dbPath], tmp.dir);
    expect(back.out).toMatch(/\(0 new, 1 updated, 0 removed\)\n$/);
    expect(entity()!.id).toBe(before.entity.id);
    expect(entity()!.content_hash).toBe(before.entity.content_hash);
    expect(getEventByKey(t.db, storyId, "emmett-shear-interim-ceo")!.entities.map((e) => e.key)).toContain("emmett-shear");
    expect(getEventByKey(t.db, storyId, "ed_1")!.entities.map((e) => e.key)).toEqual(["emmett-shear"]);
  });

  it("prints the audit log one change per line, oldest first, fields as before → after", async () => {
    const r = await cli("src/audit/cli.ts", ["--db", dbPath], tmp.dir);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `2031-01-02 08:30:00Z  add     ${SLUG}/ed_1  "Board names Emmett Shear interim CEO"  by ada (1500000000000000001)  ` +
        `title_en: (none) → "Board names Emmett Shear interim CEO"; when: (none) → "2023-11-23"; importance: (none) → 3; ` +
        `people: (none) → "emmett-shear"; sources: (none) → "The Information"`,
    );
    expect(lines[1]).toContain(`edit    ${SLUG}/altman-fired`);
    expect(lines[1]).toContain(`title_en: "${FILE_TITLE}" → "${CORRECTED}"`);
  });

  it("filters the audit log by story and date, and refuses a bad argument or an unknown story with exit 1", async () => {
    const later = await cli("src/audit/cli.ts", ["--db", dbPath, "--story", SLUG, "--since", "2031-01-03"], tmp.dir);
    expect([later.code, later.out, later.err]).toEqual([0, "", "No changes recorded.\n"]);
    const nope = await cli("src/audit/cli.ts", ["--db", dbPath, "--story", "nope"], tmp.dir);
    expect([nope.code, nope.out, nope.err]).toEqual([1, "", `audit: no story "nope" (known: ${SLUG})\n`]);
    const bad = await cli("src/audit/cli.ts", ["--db", dbPath, "--since", "2031-02-30"], tmp.dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"2031-02-30" is not a date; use YYYY-MM-DD[\s\S]*usage: npm run audit/);
    expect(bad.out).toBe("");
  });
});

describe("entities an import no longer has", () => {
  const entity = (key: string, name: string) => ({ key, kind: "person" as const, name: { en: name, zh: null }, role: { en: null, zh: null }, aliases: [] });
  const story = (keys: string[]): StoryInput => ({
    slug: "mini",
    title: { en: "Mini", zh: null },
    summary: { en: null, zh: null },
    language: "en",
    entities: [entity("ada", "Ada"), entity("bob", "Bob"), entity("cy", "Cy"), entity("acme", "Acme")].filter((e) => keys.includes(e.key)),
    events: [
      {
        key: "first",
        at: Date.UTC(2024, 0, 1, 12),
        precision: "date",
        title: { en: "First", zh: null },
        summary: { en: null, zh: null },
        importance: 3,
        entityKeys: ["ada"],
        quotes: [],
        sources: [{ name: "x", url: null }],
      },
    ],
  });
  const actor = { userId: "1", userName: "ada" };

  it("given a quote by someone only in an event added in Discord, then keeps them and the quote's attribution; others go", () => {
    const db = openDatabase(":memory:");
    importStory(db, story(["ada", "bob", "cy", "acme"]), 1_000);
    const storyId = getStoryBySlug(db, "mini")!.id;
    const ids = Object.fromEntries((db.prepare("SELECT key, id FROM entities").all() as { key: string; id: number }[]).map((r) => [r.key, r.id]));
    const event = { at: 0, precision: "date" as const, title: { en: "By hand", zh: null }, summary: { en: null, zh: null }, importance: 3, sources: [] };
    const linked = addEditorEvent(db, { storyId, event: { ...event, entityIds: [ids.acme!], sources: [] }, actor, changes: {}, now: 2_000 })!;
    const quoted = addEditorEvent(db, { storyId, event: { ...event, entityIds: [], sources: [] }, actor, changes: {}, now: 2_000 })!;
    db.prepare("INSERT INTO quotes (event_id, entity_id, position, text_en) VALUES (?, ?, 0, 'Hello')").run(quoted.id, ids.bob);

    const c = importStory(db, story(["ada"]), 3_000);
    expect(c.kept).toEqual([
      { key: "acme", kind: "person", eventKeys: [linked.key] },
      { key: "bob", kind: "person", eventKeys: [quoted.key] },
    ]);
    expect(describeImport(c)).toBe(
      `mini: 1 entities, 1 events (0 new, 0 updated, 0 removed); kept 2 people still used by events added in Discord: acme (${linked.key}), bob (${quoted.key})`,
    );
    expect(db.prepare("SELECT key FROM entities ORDER BY id").all()).toEqual([{ key: "ada" }, { key: "bob" }, { key: "acme" }]);
    expect(db.prepare("SELECT entity_id FROM quotes WHERE event_id = ?").get(quoted.id)).toEqual({ entity_id: ids.bob });
    db.close();
  });
});
