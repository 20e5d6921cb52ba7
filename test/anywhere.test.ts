import { Routes } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getGuildStorySlug, setGuildStory } from "../db/guilds.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { getUserStorySlug } from "../db/user-stories.ts";
import { createRest, deployCommands } from "../src/bot/deploy.ts";
import { importFiles } from "../src/story/import.ts";
import {
  USER_INSTALL_MAX_FOLLOW_UPS,
  type FakeActorInput,
  type FakeCommandInput,
  type FakeMessage,
  type FakeWhere,
  type GroupDm,
  type GuildWithoutBot,
  type InteractionOutcome,
} from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, TEST_TOKEN, type TestBot } from "./helpers/bot.ts";
import { buttonsOf, CHINESE, expectWithinLimits, run } from "./helpers/commands.ts";
import { counts, EDITOR } from "./helpers/editor.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

const BUNDLED = "openai-board-crisis-2023";
const NEEDS_SERVER = { "en-US": /This command needs Storyline in a server/, "zh-CN": /这个命令需要 Storyline 在服务器里/ } as const;
const LOCALES = ["en-US", "zh-CN"] as const;
const READER = { id: "1600000000000000001", username: "reader" };
const OTHER = { id: "1600000000000000002", username: "other" };

let t: TestBot;
let group: GroupDm;
let away: GuildWithoutBot;
let tmp: ReturnType<typeof tempDir>;

/** Where each case acts: the DM with the bot, a group DM, a server without the bot. */
const places = (): { name: FakeWhere; at: FakeActorInput }[] => [
  { name: "dm", at: { where: "dm" } },
  { name: "group-dm", at: { channelId: group.id } },
  { name: "server-without-bot", at: { guildId: away.id } },
];

beforeAll(async () => {
  // Deployed globally, as `npm run deploy-commands` does: user installs only see global commands.
  t = await startTestBot({ deploy: false, config: { EDITOR_USER_IDS: [EDITOR.id] } });
  await deployCommands(createRest(TEST_TOKEN, t.fake.apiBase), t.fake.applicationId, t.bot.commands.values());
  group = t.fake.addGroupDm({ name: "news friends", users: [OTHER] });
  away = t.fake.addGuildWithoutBot({ name: "Not joined", preferredLocale: "zh-CN" });
  tmp = tempDir();
  expect(importFiles(t.db, [tmp.file("mini.yaml", miniStory())]).ok).toBe(true);
});
afterAll(async () => {
  await t.stop();
  tmp.cleanup();
});

/** An answer that is a real reply, not an error. */
function expectAnswered(out: InteractionOutcome, locale: string): string {
  expectWithinLimits(out.reply);
  const text = textOf(out.reply);
  expect(text).not.toMatch(/Something went wrong|出了点问题|error id/);
  if (locale === "zh-CN") expect(text).toMatch(CHINESE);
  return text;
}

describe("registration", () => {
  it("registers every command for server and user installs and all three contexts, in one bulk PUT", () => {
    const puts = t.fake.requests.filter((r) => r.method === "PUT" && r.path.includes("/commands"));
    expect(puts).toHaveLength(1);
    const global = t.fake.commandsFor("global") as { name: string; integration_types: number[]; contexts: number[] }[];
    expect(global.map((c) => c.name).sort()).toEqual([...t.bot.commands.keys()].sort());
    for (const c of global) {
      expect(c.integration_types, c.name).toEqual([0, 1]);
      expect(c.contexts, c.name).toEqual([0, 1, 2]);
    }
  });

  it("is refused by the fake Discord, as by Discord, with unknown installation types or contexts, and nothing changes", async () => {
    const rest = createRest(TEST_TOKEN, t.fake.apiBase);
    const before = t.fake.registrations.length;
    const body = (extra: Record<string, unknown>) => ({ body: [{ name: "probe", description: "probe", ...extra }] });
    for (const [extra, path] of [
      [{ integration_types: [0, 2] }, ["0", "integration_types", "1"]],
      [{ contexts: [3] }, ["0", "contexts", "0"]],
      [{ contexts: "guild" }, ["0", "contexts"]],
      [{ integration_types: ["1"] }, ["0", "integration_types", "0"]],
    ] as const) {
      const err = (await rest.put(Routes.applicationCommands(t.fake.applicationId), body(extra)).catch((e: unknown) => e)) as {
        code?: number;
        rawError?: { errors?: Record<string, unknown> };
      };
      expect(err.code).toBe(50035);
      let at: unknown = err.rawError?.errors;
      for (const key of path) at = (at as Record<string, unknown>)[key];
      expect((at as { _errors: unknown[] })._errors).toHaveLength(1);
    }
    expect(t.fake.registrations).toHaveLength(before);
  });
});

describe("the fake Discord's user-install interactions", () => {
  it("carry Discord's context, owners, user or member and partial channel for each place", async () => {
    const payload = async (at: FakeActorInput) => {
      const handle = await t.fake.command({ name: "help", ...at, user: READER });
      await handle.settled();
      return handle.payload as Record<string, unknown> & { channel: { type: number }; authorizing_integration_owners: Record<string, string> };
    };
    const dm = await payload({ where: "dm" });
    expect([dm.context, dm.channel.type, "member" in dm, (dm.user as { id: string }).id]).toEqual([1, 1, false, READER.id]);
    expect(dm.authorizing_integration_owners).toEqual({ "0": "0", "1": READER.id });
    const inGroup = await payload({ channelId: group.id });
    expect([inGroup.context, inGroup.channel.type, "member" in inGroup, "guild_id" in inGroup]).toEqual([2, 3, false, false]);
    expect(inGroup.authorizing_integration_owners).toEqual({ "1": READER.id });
    const inAway = await payload({ guildId: away.id });
    expect([inAway.context, inAway.channel.type, inAway.guild_id, "user" in inAway]).toEqual([0, 0, away.id, false]);
    expect((inAway.member as { user: { id: string } }).user.id).toBe(READER.id);
    expect(inAway.authorizing_integration_owners).toEqual({ "1": READER.id });
    expect(t.bot.client.guilds.cache.has(away.id)).toBe(false);
    expect(BigInt(String(inAway.app_permissions)) & 1024n).toBe(0n);
  });
});

describe("read commands outside a server with the bot", () => {
  const reads: FakeCommandInput[] = [
    { name: "who", options: { name: "ilya" } },
    { name: "latest" },
    { name: "event", options: { id: "employee-letter" } },
    { name: "timeline" },
    { name: "search", options: { query: "Microsoft" } },
    { name: "catchup", options: { since: "2023-11-01" } },
    { name: "story", subcommand: "list" },
    { name: "help" },
  ];

  for (const locale of LOCALES) {
    it(`answers /who /latest /event /timeline /search /catchup /story list /help in a DM, a group DM and a server without the bot (${locale})`, async () => {
      for (const { at } of places()) {
        for (const read of reads) {
          const out = await run(t, { ...read, ...at, user: READER, locale });
          expectAnswered(out, locale);
        }
      }
      expect(t.logs.join("")).not.toContain("interaction failed");
    });
  }

  it("pages /timeline with its buttons in a group DM and a server without the bot", async () => {
    for (const at of [{ channelId: group.id }, { guildId: away.id }]) {
      const first = await run(t, { name: "timeline", ...at, user: READER });
      expect(textOf(first.reply)).toContain("Page 1 of");
      const next = buttonsOf(first.reply).find((b) => b.label.includes("Next"));
      expect(next, JSON.stringify(buttonsOf(first.reply))).toBeDefined();
      const second = await (await t.fake.click({ message: first.reply!, customId: next!.customId, user: READER })).settled();
      expect(textOf(second.reply)).toContain("Page 2 of");
    }
  });

  it("says in /help and /story list that the story is the user's own choice there", async () => {
    const help = textOf((await run(t, { name: "help", where: "dm", user: READER })).reply);
    expect(help).toContain("You read **");
    expect(help).toContain("the reading commands work");
    const zh = textOf((await run(t, { name: "story", subcommand: "list", channelId: group.id, user: READER, locale: "zh-CN" })).reply);
    expect(zh).toContain("✅ *你在这里阅读*");
  });

  it("offers autocomplete there, from the user's story", async () => {
    for (const { at } of places()) {
      for (const [name, focused, value, subcommand] of [
        ["who", "name", "il"],
        ["event", "id", "regre"],
        ["timeline", "who", "alt"],
        ["story", "slug", "open", "use"],
      ] as const) {
        const out = await (await t.fake.autocomplete({ name, subcommand, focused, value, ...at, user: READER })).settled();
        expect(out.choices?.length, `${name} ${JSON.stringify(at)}`).toBeGreaterThan(0);
      }
    }
  });

  it("is where the bot itself has no access: posting to a group DM or a channel of a server it has not joined is refused (50001)", async () => {
    const rest = createRest(TEST_TOKEN, t.fake.apiBase);
    for (const channelId of [group.id, away.channels[0]!.id]) {
      const err = (await rest.post(Routes.channelMessages(channelId), { body: { content: "hello" } }).catch((e: unknown) => e)) as { code?: number };
      expect(err.code).toBe(50001);
    }
  });
});

describe("server-only commands outside a server with the bot", () => {
  const writes: FakeCommandInput[] = [
    { name: "recap", subcommand: "status" },
    { name: "editor", subcommand: "add" },
    { name: "feed", subcommand: "list" },
    { name: "review" },
    { name: "story", subcommand: "create", options: { slug: "nope", title: "Nope" } },
    { name: "story", subcommand: "export" },
  ];

  for (const locale of LOCALES) {
    it(`explains that /recap /editor /feed /review /story create need Storyline in a server, changing nothing (${locale})`, async () => {
      const before = counts(t.db);
      for (const { at } of places()) {
        for (const write of writes) {
          const out = await run(t, { ...write, ...at, user: EDITOR, admin: true, locale });
          expect(out.ephemeral, `${write.name} ${JSON.stringify(at)}`).toBe(true);
          expect(out.reply?.content).toMatch(NEEDS_SERVER[locale]);
          expect(out.modal).toBeUndefined();
        }
      }
      expect(counts(t.db)).toEqual(before);
      expect(getStoryBySlug(t.db, "nope")).toBeNull();
    });
  }

  it("explains a forged editor or review button the same way, in both languages, and runs nothing", async () => {
    const storyId = getStoryBySlug(t.db, BUNDLED)!.id;
    const before = counts(t.db);
    const message: FakeMessage = (await run(t, { name: "latest", channelId: group.id, user: EDITOR })).reply!;
    for (const locale of LOCALES) {
      for (const customId of [`ed:add:${storyId}`, "rv:pub:1"]) {
        const handle = await t.fake.sendInteraction({
          type: 3,
          locale,
          data: { custom_id: customId, component_type: 2 },
          message: t.fake.apiMessage(message),
          channel_id: group.id,
          user: { id: EDITOR.id, username: EDITOR.username, discriminator: "0", global_name: null, avatar: null },
        });
        const out = await handle.settled();
        expect(out.modal).toBeUndefined();
        expect(out.reply?.content).toMatch(NEEDS_SERVER[locale]);
      }
    }
    expect(counts(t.db)).toEqual(before);
  });

  it("explains a forged select and a forged form in a server without the bot, and runs nothing", async () => {
    const storyId = getStoryBySlug(t.db, BUNDLED)!.id;
    const before = counts(t.db);
    const message: FakeMessage = (await run(t, { name: "latest", guildId: away.id, user: EDITOR })).reply!;
    const member = {
      user: { id: EDITOR.id, username: EDITOR.username, discriminator: "0", global_name: null, avatar: null },
      roles: [],
      permissions: String(1n << 3n),
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
    };
    const forged = [
      { type: 3, data: { custom_id: "rv:pick:1", component_type: 3, values: ["1"] }, message: t.fake.apiMessage(message) },
      { type: 5, data: { custom_id: `ed:add:${storyId}`, components: [{ type: 1, components: [{ type: 4, custom_id: "title", value: "Forged" }] }] } },
    ];
    for (const locale of LOCALES) {
      for (const partial of forged) {
        const out = await (await t.fake.sendInteraction({ ...partial, locale, guild_id: away.id, channel_id: away.channels[0]!.id, member })).settled();
        expect(out.reply?.content).toMatch(NEEDS_SERVER[locale]);
      }
    }
    expect(counts(t.db)).toEqual(before);
  });

  it("answers autocomplete of a server-only command with nothing", async () => {
    const out = await (
      await t.fake.autocomplete({
        name: "feed",
        subcommand: "add",
        options: { url: "https://x.test/feed" },
        focused: "story",
        value: "",
        where: "dm",
        user: EDITOR,
      })
    ).settled();
    expect(out.choices).toEqual([]);
  });
});

describe("/story use outside a server with the bot", () => {
  it("sets only that user's story, which their later reads anywhere use, while the server keeps its own", async () => {
    setGuildStory(t.db, { guildId: t.fake.defaultGuild().id, storySlug: BUNDLED, setBy: null });
    const use = await run(t, { name: "story", subcommand: "use", options: { slug: "mini-story" }, where: "dm", user: READER });
    expect(use.ephemeral).toBe(true);
    expect(use.reply?.content).toContain("You now read **A small story**");
    expect(getUserStorySlug(t.db, READER.id)).toBe("mini-story");

    for (const { at } of places()) {
      const latest = textOf((await run(t, { name: "latest", ...at, user: READER })).reply);
      expect(latest).toContain("A small story");
      const someoneElse = textOf((await run(t, { name: "latest", ...at, user: OTHER })).reply);
      expect(someoneElse).not.toContain("A small story");
    }
    const inServer = textOf((await run(t, { name: "latest", user: READER })).reply);
    expect(inServer).not.toContain("A small story");
    expect(getGuildStorySlug(t.db, t.fake.defaultGuild().id)).toBe(BUNDLED);

    const zh = await run(t, { name: "story", subcommand: "use", options: { slug: BUNDLED }, guildId: away.id, user: READER, locale: "zh-CN" });
    expect(zh.reply?.content).toContain("只改变了你自己的选择");
    expect(getUserStorySlug(t.db, READER.id)).toBe(BUNDLED);
    expect(getGuildStorySlug(t.db, away.id)).toBeNull();
  });

  it("refuses an unknown story and keeps the user's choice", async () => {
    const before = getUserStorySlug(t.db, READER.id);
    const out = await run(t, { name: "story", subcommand: "use", options: { slug: "<@everyone> nope" }, where: "dm", user: READER });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain("There is no story called");
    expect(getUserStorySlug(t.db, READER.id)).toBe(before);
  });
});

describe("follow-ups where only the user's install authorized the interaction", () => {
  it("are capped at five by the fake Discord, as Discord does (40094), but not in a server with the bot", async () => {
    const rest = createRest(TEST_TOKEN, t.fake.apiBase);
    const followUps = async (at: FakeActorInput): Promise<unknown[]> => {
      const handle = await t.fake.command({ name: "help", ...at, user: READER });
      await handle.settled();
      const results: unknown[] = [];
      for (let i = 1; i <= USER_INSTALL_MAX_FOLLOW_UPS + 1; i++) {
        const sent = await rest.post(Routes.webhook(t.fake.applicationId, handle.token), { body: { content: `more ${i}` } }).catch((e: unknown) => e);
        results.push(sent);
      }
      return results;
    };
    expect(USER_INSTALL_MAX_FOLLOW_UPS).toBe(5);
    for (const at of [{ channelId: group.id }, { guildId: away.id }]) {
      const results = await followUps(at);
      expect(results.slice(0, 5).every((r) => !(r instanceof Error))).toBe(true);
      expect((results[5] as { code?: number }).code).toBe(40094);
    }
    const inServer = await followUps({});
    expect(inServer.every((r) => !(r instanceof Error))).toBe(true);
  });
});
