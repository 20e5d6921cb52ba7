import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
});

describe("/help", () => {
  it("marks the commands that need an editor as for editors, not for Manage Server", async () => {
    const text = textOf((await run(t, { name: "help" })).reply);
    const line = (c: string) => text.split("\n").find((l) => l.startsWith(`\`/${c}\` — `)) ?? "";
    expect(line("review")).toContain("(editors)");
    expect(line("review")).not.toContain("Manage Server");
    expect(line("story use")).toContain("(Manage Server)");
    const zh = textOf((await run(t, { name: "help", locale: "zh-CN" })).reply);
    expect(zh.split("\n").find((l) => l.startsWith("`/review` — "))).toContain("（仅限编辑）");
  });
});
