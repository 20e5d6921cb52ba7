import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
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
    await submit(t, opened, { title: `! ${CORRECTED}` });
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

  it("filters the audit log by story and date, and refuses a bad argument with exit 1", async () => {
    const other = await cli("src/audit/cli.ts", ["--db", dbPath, "--story", "another-story", "--since", "2031-01-01"], tmp.dir);
    expect([other.code, other.out, other.err]).toEqual([0, "", "No changes recorded.\n"]);
    const bad = await cli("src/audit/cli.ts", ["--db", dbPath, "--since", "2031-02-30"], tmp.dir);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/"2031-02-30" is not a date; use YYYY-MM-DD[\s\S]*usage: npm run audit/);
    expect(bad.out).toBe("");
  });
});
