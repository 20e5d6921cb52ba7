import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { ROOT, runScript } from "./helpers/spawn.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A folder with the bundled story and the small test story, and a database path beside it. */
function world(): { dir: string; stories: string; db: string } {
  const tmp = tempDir();
  cleanups.push(tmp.cleanup);
  const stories = join(tmp.dir, "stories");
  mkdirSync(stories);
  copyFileSync(join(ROOT, "stories", "openai-board-crisis-2023.yaml"), join(stories, "openai-board-crisis-2023.yaml"));
  writeFileSync(join(stories, "mini-story.yaml"), miniStory());
  return { dir: tmp.dir, stories, db: join(tmp.dir, "sandbox.db") };
}

/** Runs the sandbox from a pipe with `lines`; resolves with its exit code and output. */
async function sandbox(w: { dir: string; stories: string }, args: string[], lines: string[]): Promise<{ code: number | string; out: string; err: string }> {
  const p = runScript("src/sandbox/cli.ts", args, { STORIES_DIR: w.stories }, w.dir);
  cleanups.push(() => void p.child.kill("SIGKILL"));
  p.child.stdin?.end(`${lines.join("\n")}\n`);
  const code = await p.exited;
  return { code, out: p.stdout(), err: p.stderr() };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("the sandbox across restarts", () => {
  it("given /story use and a recap schedule in one run, then the next run with the same --db still follows that story and posts the missed recap once", async () => {
    const w = world();
    const first = await sandbox(
      w,
      ["--db", w.db, "--as-admin", "--feeds-port", "0"],
      ["/story use slug:mini-story", "/recap schedule channel:news time:08:30 timezone:UTC"],
    );
    expect(first.code).toBe(0);
    expect(first.out).toContain("now follows **A small story**");
    expect(first.out).toContain("posted in #news every day at 08:30");

    // As if the schedule had been set three days ago, the story's events added two days ago,
    // and the sandbox down since before yesterday's recap.
    const day = 86_400_000;
    const db = openDatabase(w.db);
    db.prepare("UPDATE recap_schedules SET next_slot = ?, watermark = ?").run(Date.now() - day, Date.now() - 3 * day);
    db.prepare("UPDATE events SET added_at = ? WHERE story_id = (SELECT id FROM stories WHERE slug = 'mini-story')").run(Date.now() - 2 * day);
    db.close();

    const second = await sandbox(w, ["--db", w.db, "--feeds-port", "0"], ["wait 3", "/story list", "/recap status"]);
    expect(second.code).toBe(0);
    const list = second.out.slice(second.out.indexOf("> /story list"));
    expect(list).toMatch(/`mini-story` · 2 events · ✅ \*followed here\*/);
    expect(list).not.toMatch(/`openai-board-crisis-2023` · \d+ events · ✅/);
    // One catch-up post in #news, and the schedule is not paused.
    expect(second.out.match(/\[#news\]/g)).toHaveLength(1);
    expect(second.out).toContain("Ada joins Acme");
    const status = second.out.slice(second.out.indexOf("> /recap status"));
    expect(status).toContain("#news, every day at 08:30 (UTC)");
    expect(status).not.toMatch(/paused|not in this server/i);
  });
});

describe("the sandbox's forum", () => {
  it("given a recap scheduled in the forum, in Chinese, then the missed recap shows up as one new post titled with its date and tagged", async () => {
    const w = world();
    const args = ["--db", w.db, "--as-admin", "--feeds-port", "0", "--locale", "zh-CN"];
    const first = await sandbox(w, args, ["/story use slug:mini-story", "/recap schedule channel:recaps time:08:30 timezone:UTC"]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/标题如“动态摘要 · \d{4}年\d{1,2}月\d{1,2}日”，并带上标签“回顾”/);

    const day = 86_400_000;
    const db = openDatabase(w.db);
    db.prepare("UPDATE recap_schedules SET next_slot = ?, watermark = ?").run(Date.now() - day, Date.now() - 3 * day);
    db.prepare("UPDATE events SET added_at = ? WHERE story_id = (SELECT id FROM stories WHERE slug = 'mini-story')").run(Date.now() - 2 * day);
    db.close();

    const second = await sandbox(w, args, ["wait 3", "/recap status"]);
    expect(second.code).toBe(0);
    expect(second.out.match(/\[#recaps › 动态摘要 · \d{4}年\d{1,2}月\d{1,2}日\]/g)).toHaveLength(1);
    expect(second.out).toContain("每份摘要都是一个带标签“回顾”的新帖子");
  });
});

describe("sandbox options", () => {
  it("given --feeds-port, then the sample feeds are served there, listed at start and by feeds, and /feed add can use that address", async () => {
    const w = world();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/`;
    const run = await sandbox(w, ["--db", w.db, "--as-admin", "--feeds-port", String(port)], ["feeds", `/feed add url:${base}rss.xml`]);
    expect(run.code).toBe(0);
    const [intro] = run.out.split("> feeds");
    expect(intro).toContain(`${base}rss.xml`);
    expect(intro).toContain(`${base}zh.xml`);
    expect(run.out.split("> feeds")[1]).toContain(`try /feed add url:${base}rss.xml`);
    expect(run.out).toContain("First fetch: **Tech Wire**");
  });

  it("given a feeds port that is taken, then it says so in one line and serves them on another port", async () => {
    const w = world();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => busy.close(() => resolve())));
    const port = (busy.address() as { port: number }).port;
    const run = await sandbox(w, ["--db", w.db, "--feeds-port", String(port)], ["feeds"]);
    expect(run.code).toBe(0);
    const line = run.out.split("\n").find((l) => l.startsWith(`Port ${port} is taken`));
    const other = /on port (\d+) instead/.exec(line ?? "")?.[1];
    expect(other).toBeDefined();
    expect(other).not.toBe(String(port));
    expect(run.out).toContain(`http://127.0.0.1:${other}/rss.xml`);
  });

  it("given no --tz, then timed events show as Discord would in UTC, in the user's language, and channel mentions by name", async () => {
    const w = world();
    const en = await sandbox(
      w,
      ["--db", w.db, "--as-admin", "--feeds-port", "0"],
      ["/story use slug:mini-story", "/latest", "/recap schedule channel:news time:08:30"],
    );
    expect(en.out).not.toMatch(/<t:\d+/);
    expect(en.out).not.toMatch(/<#\d+>/);
    expect(en.out).toContain("January 3, 2024 9:00 AM");
    expect(en.out).toContain("posted in #news");
    const zh = await sandbox(w, ["--db", w.db, "--locale", "zh-CN", "--feeds-port", "0"], ["/latest"]);
    expect(zh.out).toContain("2024年1月3日 09:00");
    const shanghai = await sandbox(w, ["--db", w.db, "--locale", "zh-CN", "--tz", "Asia/Shanghai", "--feeds-port", "0"], ["/latest"]);
    expect(shanghai.out).toContain("2024年1月3日 17:00");
  });

  it("given any Discord locale, then it starts: es-419 answers in English, zh-TW in Chinese; a locale Discord lacks is refused clearly", async () => {
    const w = world();
    const es = await sandbox(w, ["--db", w.db, "--locale", "es-419", "--feeds-port", "0"], ["/help"]);
    expect(es.code).toBe(0);
    expect(es.out).toContain("Storyline follows");
    const tw = await sandbox(w, ["--db", w.db, "--locale", "zh-TW", "--feeds-port", "0"], ["/help"]);
    expect(tw.code).toBe(0);
    expect(tw.out).toMatch(/[\u4e00-\u9fff]{4}/);
    const bad = await sandbox(w, ["--db", w.db, "--locale", "xx-YY"], ["/help"]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"xx-YY" is not a Discord locale');
    expect(bad.err).toContain("es-419");
    expect(bad.err).not.toMatch(/\n\s+at /);
  });

  it("says `when` in its help for the editor's form", async () => {
    const w = world();
    const run = await sandbox(w, ["--db", w.db, "--feeds-port", "0"], ["help"]);
    expect(run.out).toMatch(/modal title="\.\.\." when=2023-11-22/);
    expect(run.out).not.toContain("date=");
  });
});
