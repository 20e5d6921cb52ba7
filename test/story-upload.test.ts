import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { EDITOR, STRANGER } from "./helpers/editor.ts";
import { miniStory } from "./helpers/tmp.ts";

const NOW = Date.UTC(2031, 0, 1, 9, 0);
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, now: () => NOW });
});
afterAll(async () => {
  await t.stop();
});

/** `/story import` with one file attached, as `user`. */
async function upload(name: string, data: Buffer | string, contentType = "application/x-yaml", user = EDITOR) {
  return (await t.fake.command({ name: "story", subcommand: "import", options: { file: name }, files: { [name]: { data, contentType } }, user })).settled();
}

const rows = () => {
  const n = (sql: string) => (t.db.prepare(sql).get() as { n: number }).n;
  return {
    stories: n("SELECT count(*) AS n FROM stories"),
    events: n("SELECT count(*) AS n FROM events"),
    entities: n("SELECT count(*) AS n FROM entities"),
    audit: auditLog(t.db).length,
  };
};

/** "Billion laughs": ten levels of nine aliases each. */
function yamlBomb(): string {
  const lines = ["story: { slug: bomb, title: Bomb }", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (let i = 1; i < 10; i++)
    lines.push(
      `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(", ")}]`,
    );
  return `${lines.join("\n")}\n`;
}

describe("/story import", () => {
  it("imports an uploaded YAML story file as npm run import does, audited, downloaded from the attachment's URL", async () => {
    const before = rows();
    const out = await upload("mini.yaml", miniStory("uploaded-story"));
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("Imported:");
    expect(textOf(out.reply)).toMatch(/uploaded-story: 2 entities, \d+ events \(\d+ new, 0 updated, 0 removed\)/);
    expect(getStoryBySlug(t.db, "uploaded-story")?.title).toEqual({ en: "A small story", zh: "一个小故事" });
    expect(rows().audit).toBe(before.audit + 1);
    expect(auditLog(t.db).at(-1)).toMatchObject({ storySlug: "uploaded-story", eventKey: "(story)", action: "edit", userId: EDITOR.id });
    expect(t.fake.requests.some((r) => r.method === "GET" && r.path.startsWith("/attachments/"))).toBe(true);
  });

  it("imports a JSON story file too", async () => {
    const json = JSON.stringify({
      story: { slug: "json-story", title: "From JSON" },
      events: [{ id: "one", at: "2024-01-02", title: "One", sources: [{ name: "Gazette" }] }],
    });
    expect(textOf((await upload("story.json", json, "application/json")).reply)).toContain("json-story: 0 entities, 1 events");
  });

  it("refuses a file that is not a story, naming every problem by its path, and writes nothing", async () => {
    const before = rows();
    const bad = await upload("bad.yaml", "story:\n  slug: Bad Slug\nevents:\n  - id: x\n    at: 2023-13-01\n    title: X\n");
    const text = textOf(bad.reply);
    expect(text).toContain("The file was not imported, and nothing was written:");
    expect(text).toContain("bad.yaml: refused");
    expect(text).toContain("story.slug: must use only a-z, 0-9 and single dashes");
    expect(text).toContain("story.title: is required");
    const bomb = await upload("bomb.yaml", yamlBomb());
    expect(textOf(bomb.reply)).toContain("bomb.yaml: refused, 1 problem");
    const binary = await upload("story.yaml", Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80, 0x81]));
    expect(textOf(binary.reply)).toContain("story.yaml: refused");
    expect(rows()).toEqual(before);
  });

  it("refuses an image, a 0-byte file and a 50 MB file before downloading them, with a clear message", async () => {
    const before = rows();
    const gets = () => t.fake.requests.filter((r) => r.path.startsWith("/attachments/")).length;
    const fetched = gets();
    expect(textOf((await upload("photo.png", Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png")).reply)).toContain("“photo.png” is not a story file");
    expect(textOf((await upload("story.yaml", Buffer.from([0x89, 0x50]), "image/png")).reply)).toContain("is not a story file");
    expect(textOf((await upload("empty.yaml", "")).reply)).toContain("“empty.yaml” is empty (0 bytes)");
    expect(textOf((await upload("huge.yaml", Buffer.alloc(50 * 1024 * 1024, 0x61))).reply)).toContain("“huge.yaml” is 50 MB; an upload may be at most 1 MB.");
    expect(gets()).toBe(fetched);
    expect(rows()).toEqual(before);
  });

  it("answers in Chinese for a Chinese client", async () => {
    const out = await (
      await t.fake.command({
        name: "story",
        subcommand: "import",
        options: { file: "e.yaml" },
        files: { "e.yaml": { data: "" } },
        user: EDITOR,
        locale: "zh-CN",
      })
    ).settled();
    expect(textOf(out.reply)).toContain("是空文件（0 字节）");
  });

  it("refuses someone who is not an editor, and writes nothing", async () => {
    const before = rows();
    const out = await upload("mini.yaml", miniStory("stranger-story"), "application/x-yaml", STRANGER);
    expect(textOf(out.reply)).toContain("Only the story editors can do that.");
    expect(rows()).toEqual(before);
  });
});
