import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuildStorySlug } from "../db/guilds.ts";
import { getUserStorySlug } from "../db/user-stories.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startSandbox, type Sandbox } from "../src/sandbox/session.ts";
import { importFiles } from "../src/story/import.ts";
import { SANDBOX_IDS, SANDBOX_USER_ID } from "../tools/fake-discord/index.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

let sandbox: Sandbox;
let zh: Sandbox;
let tmp: ReturnType<typeof tempDir>;
const NEEDS_SERVER = "This command needs Storyline in a server";

beforeAll(async () => {
  sandbox = await startSandbox({ config: { ...loadConfig({}), DATABASE_PATH: ":memory:" }, log: createLogger("silent"), admin: true });
  zh = await startSandbox({ config: { ...loadConfig({}), DATABASE_PATH: ":memory:" }, log: createLogger("silent"), locale: "zh-CN", place: "group" });
  tmp = tempDir();
  expect(importFiles(sandbox.db, [tmp.file("mini.yaml", miniStory())]).ok).toBe(true);
});
afterAll(async () => {
  await sandbox.stop();
  await zh.stop();
  tmp.cleanup();
});

describe("the sandbox's context verb", () => {
  it("moves the sandbox user to a DM, a group DM and a server without the bot, where reads answer and server-only commands explain", async () => {
    for (const place of ["dm", "group", "user-server"]) {
      expect((await sandbox.run(`context ${place}`)).output).toContain("Commands now come from");
      expect((await sandbox.run("/latest count:2")).output).toContain("Latest");
      expect((await sandbox.run("/recap status")).output).toContain(NEEDS_SERVER);
      expect((await sandbox.run("/editor add")).output).toContain(NEEDS_SERVER);
    }
    expect((await sandbox.run("context")).output).toContain("Elsewhere, a server Storyline has not joined");
    expect((await sandbox.run("context the moon")).output).toContain('"the moon" is not a place');
    expect((await sandbox.run("context")).output).toContain("Elsewhere");
  });

  it("keeps the user's own /story use choice apart from the server's", async () => {
    await sandbox.run("context dm");
    expect((await sandbox.run("/story use slug:mini-story")).output).toContain("You now read **A small story**");
    expect(getUserStorySlug(sandbox.db, SANDBOX_USER_ID)).toBe("mini-story");
    await sandbox.run("context group");
    expect((await sandbox.run("/latest")).output).toContain("A small story");
    await sandbox.run("context server");
    expect((await sandbox.run("/latest")).output).not.toContain("A small story");
    expect(getGuildStorySlug(sandbox.db, SANDBOX_IDS.guild)).toBeNull();
  });

  it("starts in the place --context names, in Chinese with --locale zh-CN", async () => {
    expect((await zh.run("/who ilya")).output).toContain("伊利亚");
    expect((await zh.run("/review")).output).toContain("这个命令需要 Storyline 在服务器里");
    expect((await zh.run("/help")).output).toContain("阅读类命令都可以用");
  });
});
