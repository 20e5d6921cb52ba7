import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startSandbox, type Sandbox } from "../src/sandbox/session.ts";

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ config: { ...loadConfig({}), DATABASE_PATH: ":memory:" }, log: createLogger("silent") });
});
afterAll(async () => {
  await sandbox.stop();
});

describe("the sandbox's modal verb", () => {
  it("shows the editor's form with the importance list, and fills it with modal title=… importance=5", async () => {
    const form = (await sandbox.run("/editor add")).output;
    expect(form).toContain("Form: Add an event");
    expect(form).toMatch(/importance= Importance \(required\) \[3\] — 5 — major development \| 4 — important \| 3 — normal/);
    expect(form).toContain('Fill it with: modal title="..." when="..." importance="..." people="..." source="..."');

    const out = (
      await sandbox.run(
        'modal title="Board names Emmett Shear interim CEO" when=2023-11-19 people="emmett, openai board" source="The Information" importance=5',
      )
    ).output;
    expect(out).toMatch(/Saved as `ed_1`, dated Nov 19, 2023 — \d+(st|nd|rd|th) of \d+ in the timeline/);
    const storyId = getStoryBySlug(sandbox.db, "openai-board-crisis-2023")!.id;
    expect(getEventByKey(sandbox.db, storyId, "ed_1")).toMatchObject({ importance: 5, title: { en: "Board names Emmett Shear interim CEO" } });
  });

  it("takes an option's label as well as its value, and names the options of a value it does not know", async () => {
    await sandbox.run("/editor add");
    const out = (await sandbox.run('modal title="Shear threatens to quit" when=2023-11-21 source=Bloomberg importance="2 — minor"')).output;
    expect(out).toContain("Saved as `ed_2`");
    const storyId = getStoryBySlug(sandbox.db, "openai-board-crisis-2023")!.id;
    expect(getEventByKey(sandbox.db, storyId, "ed_2")?.importance).toBe(2);
    await sandbox.run("/editor add");
    const bad = (await sandbox.run('modal title="X" when=2023-11-21 source=Bloomberg importance=9')).output;
    expect(bad).toContain('importance has no option "9"; choose one of: 5, 4, 3, 2, 1');
  });
});
