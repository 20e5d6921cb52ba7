import { SlashCommandBuilder } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../src/context.ts";
import { UserError } from "../src/context.ts";
import { checkCommandShape, loadCommands } from "../src/bot/loader.ts";
import { startTestBot, TEST_TOKEN, textOf, type TestBot } from "./helpers/bot.ts";

describe("the bot against the fake Discord", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("logs in and is ready with its guilds", () => {
    expect(t.bot.client.isReady()).toBe(true);
    expect(t.bot.client.guilds.cache.size).toBe(1);
    expect(t.fake.identifies).toBe(1);
  });

  it("registers every command in one bulk overwrite with zh-CN and zh-TW localizations", () => {
    const puts = t.fake.requests.filter((r) => r.method === "PUT" && r.path.endsWith("/commands"));
    expect(puts).toHaveLength(1);
    const registered = t.fake.commandsFor(t.fake.defaultGuild().id) as {
      name: string;
      name_localizations?: Record<string, string>;
      description_localizations?: Record<string, string>;
      options?: { name_localizations?: Record<string, string>; description_localizations?: Record<string, string> }[];
    }[];
    expect(registered.map((c) => c.name).sort()).toEqual([...t.bot.commands.keys()].sort());
    for (const c of registered) {
      expect(Object.keys(c.name_localizations ?? {}).sort()).toEqual(["zh-CN", "zh-TW"]);
      expect(Object.keys(c.description_localizations ?? {}).sort()).toEqual(["zh-CN", "zh-TW"]);
      for (const o of c.options ?? []) expect(Object.keys(o.description_localizations ?? {}).sort()).toEqual(["zh-CN", "zh-TW"]);
    }
  });

  it("answers /help in English with the story this server follows", async () => {
    const out = await (await t.fake.command({ name: "help", locale: "en-US" })).settled();
    expect(out.ephemeral).toBe(true);
    const text = textOf(out.reply);
    expect(text).toContain("/who");
    expect(text).toContain("OpenAI");
    expect(text).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it.each(["zh-CN", "zh-TW"])("answers /help in Chinese for a %s user", async (locale) => {
    const out = await (await t.fake.command({ name: "help", locale })).settled();
    expect(textOf(out.reply)).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(textOf(out.reply)).toContain("/who");
  });
});

describe("the dispatcher's error handling", () => {
  let t: TestBot;
  const boom: Command = {
    data: new SlashCommandBuilder().setName("boom").setDescription("throws"),
    async execute() {
      throw new Error(`database exploded near ${TEST_TOKEN}`);
    },
  };
  const slowBoom: Command = {
    data: new SlashCommandBuilder().setName("slowboom").setDescription("defers then throws"),
    async execute(i) {
      await i.deferReply();
      throw new Error("failed after deferring");
    },
  };
  const refuse: Command = {
    data: new SlashCommandBuilder().setName("refuse").setDescription("refuses"),
    async execute() {
      throw new UserError("No, and here is why.");
    },
  };
  const ping: Command = {
    data: new SlashCommandBuilder().setName("ping").setDescription("pong"),
    async execute(i) {
      await i.reply({ content: "pong @everyone <@&123456789012345678>" });
    },
  };
  beforeAll(async () => {
    t = await startTestBot({ commands: new Map(Object.entries({ boom, slowboom: slowBoom, refuse, ping })) });
  });
  afterAll(async () => {
    await t.stop();
  });
  afterEach(() => {
    expect(t.bot.client.isReady()).toBe(true);
  });

  it("given a command that throws, then answers ephemerally with an error id and keeps answering", async () => {
    const out = await (await t.fake.command({ name: "boom" })).settled();
    expect(out.ephemeral).toBe(true);
    const id = /\b([0-9a-f]{8})\b/.exec(out.reply?.content ?? "")?.[1];
    expect(id).toBeDefined();
    expect(out.reply?.content).not.toContain("exploded");
    expect(out.reply?.content).not.toContain(TEST_TOKEN);
    expect(t.logs.join("").includes(id!)).toBe(true);
    const next = await (await t.fake.command({ name: "ping" })).settled();
    expect(next.reply?.content).toMatch(/^pong/);
  });

  it("given a deferred command that then fails, then the error is still shown to the user alone", async () => {
    const out = await (await t.fake.command({ name: "slowboom" })).settled({ quietMs: 150 });
    const shown = [out.reply, ...out.followUps].filter((m) => m && !m.deleted);
    expect(shown).toHaveLength(1);
    expect(shown[0]?.ephemeral).toBe(true);
    expect(shown[0]?.content).toMatch(/[0-9a-f]{8}/);
  });

  it("given a deliberate refusal, then shows its message as it is", async () => {
    const out = await (await t.fake.command({ name: "refuse" })).settled();
    expect(out).toMatchObject({ ephemeral: true });
    expect(out.reply?.content).toBe("No, and here is why.");
  });

  it("given a button nobody owns, then answers politely and ephemerally", async () => {
    const msg = (await (await t.fake.command({ name: "ping" })).settled()).reply!;
    const out = await (
      await t.fake.sendInteraction({
        type: 3,
        data: { custom_id: "zz:tampered", component_type: 2 },
        message: t.fake.apiMessage(msg),
        channel_id: msg.channelId,
        guild_id: t.fake.defaultGuild().id,
      })
    ).settled();
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toMatch(/expired|no longer/i);
  });

  it("sends every message with allowed_mentions that parse nothing", async () => {
    await (await t.fake.command({ name: "ping" })).settled();
    const bodies = t.fake.requests
      .filter((r) => r.method !== "GET" && /\/(callback|messages)/.test(r.path) && !/DELETE/.test(r.method))
      .map((r) => r.body as { type?: number; data?: { allowed_mentions?: unknown }; allowed_mentions?: unknown } | null)
      .filter((b) => b && (b.type === 4 || b.data !== undefined || "content" in b));
    expect(bodies.length).toBeGreaterThan(3);
    for (const b of bodies) {
      const mentions = b!.type !== undefined ? b!.data?.allowed_mentions : b!.allowed_mentions;
      if (b!.type === 5) continue;
      expect(mentions).toMatchObject({ parse: [] });
    }
  });

  it("resumes after the gateway drops and answers the next command", async () => {
    const before = t.fake.resumes;
    t.fake.dropConnections();
    const out = await (await t.fake.command({ name: "ping" })).settled({ timeoutMs: 10_000 });
    expect(out.reply?.content).toMatch(/^pong/);
    expect(t.fake.resumes).toBe(before + 1);
  });

  it("never writes the token to its logs", () => {
    expect(t.logs.join("")).not.toContain(TEST_TOKEN);
  });
});

describe("the command loader", () => {
  it("loads every command in commands/ with a valid shape", async () => {
    const commands = await loadCommands();
    expect(commands.has("help")).toBe(true);
    for (const [name, c] of commands) expect(c.data.name).toBe(name);
  });

  it("names every problem of a malformed module", () => {
    expect(checkCommandShape("x.ts", {})).toEqual(["x.ts: has no default export (export default { data, execute } satisfies Command)"]);
    const problems = checkCommandShape("y.ts", { default: { data: { name: "y" }, execute: 3, button: () => 1 } });
    expect(problems).toEqual([
      'y.ts: "data" must be a SlashCommandBuilder (with a name)',
      'y.ts: "execute" must be a function',
      'y.ts: a command with buttons or modals needs "prefix" (1–8 lower-case letters)',
    ]);
  });
});
