import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getStoryBySlug } from "../db/stories.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { bigStory, sleep } from "./helpers/drills.ts";
import { EDITOR } from "./helpers/editor.ts";
import { tempDir } from "./helpers/tmp.ts";

const tmp = tempDir("storyline-import-loop-");
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ dbPath: join(tmp.dir, "bot.db"), config: { EDITOR_USER_IDS: [EDITOR.id] } });
});
afterAll(async () => {
  await t.stop();
  tmp.cleanup();
});

/** Starts `/story import` of a file, resolving once the bot has downloaded it (its import then runs). */
async function startUpload(name: string, text: string) {
  const downloads = () => t.fake.requests.filter((r) => r.method === "GET" && r.path.startsWith("/attachments/")).length;
  const before = downloads();
  const handle = await t.fake.command({
    name: "story",
    subcommand: "import",
    options: { file: name },
    files: { [name]: { data: text, contentType: "application/json" } },
    user: EDITOR,
  });
  while (downloads() === before) await sleep(2);
  return handle;
}

describe("/story import of a large file in the running bot", () => {
  it("answers another command while the import runs, then the import, which commits all at once", async () => {
    const story = bigStory("loop-story", "a", 2500);
    const order: string[] = [];
    const importing = (await startUpload("loop.json", story.text)).settled({ timeoutMs: 60_000 }).then((o) => {
      order.push("import");
      return o;
    });
    const help = await run(t, { name: "help" });
    order.push("help");
    // Answered before the import committed: the bot read the old snapshot meanwhile.
    const storyWhileImporting = getStoryBySlug(t.db, "loop-story");
    const imported = await importing;
    expect(textOf(help.reply)).toContain("/who");
    expect(order).toEqual(["help", "import"]);
    expect(storyWhileImporting).toBeNull();
    expect(textOf(imported.reply)).toMatch(/loop-story: 100 entities, 2500 events \(2500 new, 0 updated, 0 removed\)/);
    expect(getStoryBySlug(t.db, "loop-story")).not.toBeNull();
  });

  it("answers an import whose worker runs out of memory clearly, writes nothing, and keeps answering", async () => {
    t.config.IMPORT_WORKER_MAX_MB = 8;
    try {
      const out = await (await startUpload("crash.json", bigStory("crash-story", "a", 2500).text)).settled({ timeoutMs: 60_000 });
      expect(textOf(out.reply)).toContain("nothing was written");
      expect(textOf(out.reply)).toContain("The import stopped before it finished");
    } finally {
      t.config.IMPORT_WORKER_MAX_MB = undefined;
    }
    expect(getStoryBySlug(t.db, "crash-story")).toBeNull();
    expect(t.logs.join("")).toContain("story import stopped");
    expect(textOf((await run(t, { name: "help" })).reply)).toContain("/who");
  });
});
