import { afterEach, describe, expect, it } from "vitest";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  LabelBuilder,
  MessageFlags,
  ModalBuilder,
  PermissionFlagsBits,
  Routes,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import type { Interaction, TextChannel } from "discord.js";
import { FakeDiscord, modalInputs } from "../tools/fake-discord/index.ts";
import type { FakeDiscordOptions } from "../tools/fake-discord/index.ts";

type Handler = (interaction: Interaction) => Promise<void>;

let fake: FakeDiscord | undefined;
let client: Client | undefined;
/** Errors thrown by interaction handlers, for assertions. */
let handlerErrors: unknown[] = [];

afterEach(async () => {
  const errors = handlerErrors;
  await client?.destroy();
  await fake?.stop();
  client = undefined;
  fake = undefined;
  handlerErrors = [];
  // An interaction handler that threw (e.g. a failed expect inside it) fails the test.
  if (errors.length > 0) throw errors[0];
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a fake and logs a real discord.js client into it. */
async function boot(opts: FakeDiscordOptions = {}, handler?: Handler): Promise<{ fake: FakeDiscord; client: Client }> {
  const f = await FakeDiscord.start(opts);
  fake = f;
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiBase }, allowedMentions: { parse: [] } });
  client = c;
  if (handler) {
    c.on(Events.InteractionCreate, (interaction) => {
      handler(interaction).catch((error: unknown) => handlerErrors.push(error));
    });
  }
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login("fake-token");
  await ready;
  return { fake: f, client: c };
}

function textChannel(c: Client, id: string): TextChannel {
  const channel = c.channels.cache.get(id);
  if (!channel || channel.type !== ChannelType.GuildText) throw new Error(`no text channel ${id}`);
  return channel;
}

async function apiErrorOf(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError)) throw new Error(`expected a DiscordAPIError, got ${String(error)}`);
  return error;
}

describe("logging in", () => {
  it("a discord.js client logs in and becomes ready with the guild, its channel and the application", async () => {
    const started = Date.now();
    const { fake, client } = await boot();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(client.guilds.cache.size).toBe(1);
    const guild = client.guilds.cache.get(fake.defaultGuild().id);
    expect(guild?.name).toBe("Sandbox");
    expect(guild?.members.me?.id).toBe(fake.botUserId);
    expect(textChannel(client, fake.defaultChannel().id).name).toBe("general");
    expect(client.application?.id).toBe(fake.applicationId);
    expect(fake.defaultGuild().id).toMatch(/^\d{17,19}$/);
    expect(fake.identifies).toBe(1);
    expect(fake.connections).toBe(1);
    expect(fake.requests.some((r) => r.method === "GET" && r.path === "/gateway/bot" && r.status === 200)).toBe(true);
  });

  it("a thousand guilds in one READY become available in reasonable time", async () => {
    const guilds = Array.from({ length: 1000 }, (_, i) => ({ name: `Guild ${i}`, channels: [{ name: "news" }] }));
    const started = Date.now();
    const { client } = await boot({ guilds });
    expect(Date.now() - started).toBeLessThan(8000);
    expect(client.guilds.cache.size).toBe(1000);
    expect(client.guilds.cache.every((g) => g.available)).toBe(true);
  });
});

describe("commands and replies", () => {
  it("bulk registration through application.commands.set is recorded per scope", async () => {
    const { fake, client } = await boot();
    const set = await client.application?.commands.set([
      { name: "ping", description: "Ping" },
      { name: "follow", description: "Follow a story", options: [{ type: 3, name: "story", description: "Story", required: true }] },
    ]);
    expect(set?.size).toBe(2);
    await client.application?.commands.set([{ name: "admin", description: "Admin" }], fake.defaultGuild().id);
    expect(fake.registrations.map((r) => r.scope)).toEqual(["global", fake.defaultGuild().id]);
    const global = fake.commandsFor("global") as { id: string; name: string }[];
    expect(global.map((c) => c.name)).toEqual(["ping", "follow"]);
    expect([...(set?.keys() ?? [])]).toEqual(global.map((c) => c.id));
    expect(fake.commandsFor(fake.defaultGuild().id)).toHaveLength(1);
  });

  it("invalid command definitions are rejected like Discord does", async () => {
    const { client } = await boot();
    const error = await apiErrorOf(
      client.rest.put(Routes.applicationCommands(client.application?.id ?? ""), { body: [{ name: "Bad Name", description: "x" }] }),
    );
    expect(error.code).toBe(50035);
  });

  it("a command answered with reply settles with the reply content and typed options", async () => {
    const { fake, client } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply(`pong ${i.options.getString("word") ?? ""} ${i.options.getInteger("count") ?? ""} ${i.options.getChannel("where")?.id ?? ""}`);
    });
    await client.application?.commands.set([
      {
        name: "ping",
        description: "Ping",
        options: [
          { type: 3, name: "word", description: "w" },
          { type: 4, name: "count", description: "c" },
          { type: 7, name: "where", description: "w" },
        ],
      },
    ]);
    const channelId = fake.defaultChannel().id;
    const handle = await fake.command({ name: "ping", options: { word: "hi", count: 3, where: channelId } });
    const outcome = await handle.settled();
    expect(outcome.callbackType).toBe(4);
    expect(outcome.reply?.content).toBe(`pong hi 3 ${channelId}`);
    expect(outcome.ephemeral).toBe(false);
    expect(fake.allMessages()).toHaveLength(1);
  });

  it("deferReply then an ephemeral editReply settles with the edited content", async () => {
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      await sleep(20);
      await i.editReply("done");
    });
    const outcome = await (await fake.command({ name: "slow" })).settled();
    expect(outcome.callbackType).toBe(5);
    expect(outcome.reply?.content).toBe("done");
    expect(outcome.ephemeral).toBe(true);
    expect(outcome.reply?.edits).toBe(1);
  });

  it("followUp messages are recorded after the reply", async () => {
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply("first");
      const follow = await i.followUp({ content: "second", flags: MessageFlags.Ephemeral });
      expect(follow.content).toBe("second");
    });
    const outcome = await (await fake.command({ name: "chatty" })).settled({ quietMs: 100 });
    expect(outcome.reply?.content).toBe("first");
    expect(outcome.followUps.map((m) => [m.content, m.ephemeral])).toEqual([["second", true]]);
  });

  it("reply with withResponse returns the created message", async () => {
    let responseContent: string | undefined;
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      const response = await i.reply({ content: "hello", withResponse: true });
      responseContent = response.resource?.message?.content;
    });
    await (await fake.command({ name: "hello" })).settled();
    await sleep(20);
    expect(responseContent).toBe("hello");
  });

  it("an autocomplete respond returns the choices", async () => {
    const { fake } = await boot({}, async (i) => {
      if (!i.isAutocomplete()) return;
      const typed = i.options.getFocused();
      await i.respond([{ name: `story ${typed}`, value: typed }]);
    });
    const outcome = await (await fake.autocomplete({ name: "follow", focused: "story", value: "gaza" })).settled();
    expect(outcome.callbackType).toBe(8);
    expect(outcome.choices).toEqual([{ name: "story gaza", value: "gaza" }]);
  });

  it("subcommand groups, user options and admin permissions arrive as discord.js expects", async () => {
    const { fake, client } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      const who = i.options.getUser("who", true);
      const admin = i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
      await i.reply(`${i.options.getSubcommandGroup()}/${i.options.getSubcommand()} ${who.id} admin=${admin} ${i.locale}`);
    });
    const add = { type: 1, name: "add", description: "Add", options: [{ type: 6, name: "who", description: "Who", required: true }] };
    await client.application?.commands.set([
      { name: "story", description: "Stories", options: [{ type: 2, name: "editors", description: "Editors", options: [add] }] },
    ]);
    const who = "1234567890123456789";
    const input = { name: "story", group: "editors", subcommand: "add", options: { who }, locale: "zh-CN" };
    const outcome = await (await fake.command({ ...input, admin: true })).settled();
    expect(outcome.reply?.content).toBe(`editors/add ${who} admin=true zh-CN`);
    await expect(fake.command({ ...input, options: {} })).rejects.toThrow(/needs option who/);
  });

  it("sendInteraction fills in missing fields so a bare payload reaches the bot", async () => {
    let name: string | undefined;
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      name = i.commandName;
      await i.reply("raw ok");
    });
    const handle = await fake.sendInteraction({ type: 2, data: { id: "1234567890123456789", name: "raw", type: 1 } });
    expect((await handle.settled()).reply?.content).toBe("raw ok");
    expect(name).toBe("raw");
  });

  it("a command in a DM reaches the bot without a guild", async () => {
    let inGuild: boolean | undefined;
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      inGuild = i.inGuild();
      await i.reply("dm ok");
    });
    const outcome = await (await fake.command({ name: "help", guildId: null })).settled();
    expect(inGuild).toBe(false);
    expect(outcome.reply?.content).toBe("dm ok");
    expect(outcome.reply?.guildId).toBeNull();
  });
});

describe("components and modals", () => {
  it("showModal then submitModal is answered with the submitted values", async () => {
    const { fake } = await boot({}, async (i) => {
      if (i.isChatInputCommand()) {
        const input = new TextInputBuilder().setCustomId("topic").setLabel("Topic").setStyle(TextInputStyle.Short);
        const modal = new ModalBuilder().setCustomId("ask").setTitle("Ask").addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
        await i.showModal(modal);
      } else if (i.isModalSubmit()) {
        await i.reply(`topic=${i.fields.getTextInputValue("topic")}`);
      }
    });
    const shown = await (await fake.command({ name: "ask" })).settled();
    expect(shown.callbackType).toBe(9);
    expect(shown.modal?.title).toBe("Ask");
    const submitted = await (await fake.submitModal({ customId: "ask", fields: { topic: "elections" } })).settled();
    expect(submitted.reply?.content).toBe("topic=elections");
  });

  it("a modal with a select menu in a label submits its default unless another option is chosen, and refuses others", async () => {
    const { fake } = await boot({}, async (i) => {
      if (i.isChatInputCommand()) {
        const level = new StringSelectMenuBuilder()
          .setCustomId("level")
          .addOptions({ label: "High", value: "3" }, { label: "Normal", value: "2", default: true }, { label: "Low", value: "1" });
        const note = new TextInputBuilder().setCustomId("note").setStyle(TextInputStyle.Paragraph).setRequired(false);
        const modal = new ModalBuilder()
          .setCustomId("rate")
          .setTitle("Rate")
          .addLabelComponents(
            new LabelBuilder().setLabel("Level").setDescription("How much it matters").setStringSelectMenuComponent(level),
            new LabelBuilder().setLabel("Note").setTextInputComponent(note),
          );
        await i.showModal(modal);
      } else if (i.isModalSubmit()) {
        await i.reply(`level=${i.fields.getStringSelectValues("level").join(",")} note=${i.fields.getTextInputValue("note")}`);
      }
    });
    const shown = await (await fake.command({ name: "rate" })).settled();
    expect(modalInputs(shown.modal!.components)).toEqual([
      {
        customId: "level",
        type: 3,
        label: "Level",
        required: true,
        value: "2",
        options: [
          { value: "3", label: "High" },
          { value: "2", label: "Normal" },
          { value: "1", label: "Low" },
        ],
      },
      { customId: "note", type: 4, label: "Note", required: false, value: "" },
    ]);
    const byDefault = await (await fake.submitModal({ customId: "rate", fields: { note: "ok" } })).settled();
    expect(byDefault.reply?.content).toBe("level=2 note=ok");
    const chosen = await (await fake.submitModal({ customId: "rate", fields: { level: "3" } })).settled();
    expect(chosen.reply?.content).toBe("level=3 note=");
    await expect(fake.submitModal({ customId: "rate", fields: { level: "9" } })).rejects.toThrow(/select menu level has no option 9/);
    await expect(fake.submitModal({ customId: "rate", fields: { level: "1,3" } })).rejects.toThrow(/takes 1\.\.1 values, got 2/);
  });

  it("refuses a modal whose label wraps a text input that has a label of its own, as Discord does", async () => {
    let refused: unknown;
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      const input = { type: 4, custom_id: "x", style: 1, label: "Also a label" };
      refused = await i
        .showModal({ custom_id: "bad", title: "Bad", components: [{ type: 18, label: "X", component: input }] } as never)
        .catch((err: unknown) => err);
      await i.reply("answered").catch(() => undefined);
    });
    await (await fake.command({ name: "bad" })).settled();
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect((refused as DiscordAPIError).status).toBe(400);
  });

  it("a button click answered with update edits the message the button was on", async () => {
    const { fake } = await boot({}, async (i) => {
      if (i.isChatInputCommand()) {
        const button = new ButtonBuilder().setCustomId("more").setLabel("More").setStyle(ButtonStyle.Primary);
        await i.reply({ content: "page 1", components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)] });
      } else if (i.isButton()) {
        await i.update({ content: `page 2 via ${i.customId}`, components: [] });
      }
    });
    const first = await (await fake.command({ name: "list" })).settled();
    const message = first.reply;
    if (!message) throw new Error("no reply");
    const clicked = await (await fake.click({ message, label: "More" })).settled();
    expect(clicked.callbackType).toBe(7);
    expect(clicked.reply?.id).toBe(message.id);
    expect(message.content).toBe("page 2 via more");
    expect(message.edits).toBe(1);
  });

  it("a select menu choice reaches the bot with its values", async () => {
    const { fake } = await boot({}, async (i) => {
      if (i.isChatInputCommand()) {
        const menu = new StringSelectMenuBuilder().setCustomId("lang").addOptions({ label: "English", value: "en" }, { label: "中文", value: "zh" });
        await i.reply({ content: "pick", components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu)] });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `chose ${i.values.join(",")}`, components: [] });
      }
    });
    const message = (await (await fake.command({ name: "lang" })).settled()).reply;
    if (!message) throw new Error("no reply");
    await expect(fake.select({ message, customId: "lang", values: ["fr"] })).rejects.toThrow(/no option fr/);
    const chosen = await (await fake.select({ message, customId: "lang", values: ["zh"] })).settled();
    expect(chosen.callbackType).toBe(6);
    expect(chosen.reply?.content).toBe("chose zh");
  });
});

describe("Discord's rules", () => {
  it("a second callback for one interaction is rejected with code 40060", async () => {
    let second: DiscordAPIError | undefined;
    const { fake } = await boot({}, async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply("once");
      const body = { type: 4, data: { content: "twice" } };
      second = await apiErrorOf(i.client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false }));
    });
    await (await fake.command({ name: "twice" })).settled({ quietMs: 100 });
    expect(second?.code).toBe(40060);
    expect(second?.status).toBe(400);
  });

  it("a reply after the callback deadline is rejected with code 10062", async () => {
    let late: DiscordAPIError | undefined;
    const { fake } = await boot({ callbackDeadlineMs: 200 }, async (i) => {
      if (!i.isChatInputCommand()) return;
      await sleep(300);
      late = await apiErrorOf(i.reply("too late"));
    });
    const handle = await fake.command({ name: "slow" });
    await expect(handle.acknowledged(600)).rejects.toThrow(/not acknowledged/);
    expect(late?.code).toBe(10062);
    expect(late?.status).toBe(404);
  });

  it("an empty message is rejected with code 50006", async () => {
    const { fake, client } = await boot();
    const error = await apiErrorOf(client.rest.post(Routes.channelMessages(fake.defaultChannel().id), { body: { content: "" } }));
    expect(error.code).toBe(50006);
  });

  it("unknown routes answer 404 with code 0", async () => {
    const { fake } = await boot();
    const res = await fetch(`${fake.apiBase}/v10/nothing/here`, { headers: { authorization: "Bot fake-token" } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 0, message: "404: Not Found" });
  });
});

describe("channels", () => {
  it("channel.send with the same enforced nonce twice creates one message", async () => {
    const { fake, client } = await boot();
    const channel = textChannel(client, fake.defaultChannel().id);
    const a = await channel.send({ content: "recap", nonce: "recap-1", enforceNonce: true });
    const b = await channel.send({ content: "recap", nonce: "recap-1", enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(fake.channelMessages(channel.id)).toHaveLength(1);
  });

  it("discord.js retries two injected 500s and the send succeeds", async () => {
    const { fake, client } = await boot();
    fake.failNext("POST", /^\/channels\/\d+\/messages$/, 500, 2);
    const sent = await textChannel(client, fake.defaultChannel().id).send("after errors");
    expect(sent.content).toBe("after errors");
    expect(fake.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it("discord.js waits out an injected 429 and retries", async () => {
    const { fake, client } = await boot();
    fake.failNext("POST", /\/messages$/, 429);
    const sent = await textChannel(client, fake.defaultChannel().id).send("after rate limit");
    expect(sent.content).toBe("after rate limit");
    expect(fake.requests.filter((r) => r.path.endsWith("/messages")).map((r) => r.status)).toEqual([429, 200]);
  });

  it("files are accepted as multipart uploads", async () => {
    const { fake, client } = await boot();
    const sent = await textChannel(client, fake.defaultChannel().id).send({
      content: "with file",
      files: [{ attachment: Buffer.from("hello"), name: "a.txt" }],
    });
    expect(sent.attachments.first()?.name).toBe("a.txt");
    expect(fake.allMessages()[0]?.attachments).toMatchObject([{ filename: "a.txt", size: 5 }]);
  });

  it("sending to a deleted channel rejects with code 10003", async () => {
    const { fake, client } = await boot();
    const channel = textChannel(client, fake.defaultChannel().id);
    const deleted = new Promise((resolve) => client.once(Events.ChannelDelete, resolve));
    fake.deleteChannel(channel.id);
    await deleted;
    expect(client.channels.cache.has(channel.id)).toBe(false);
    expect((await apiErrorOf(channel.send("hello?"))).code).toBe(10003);
  });

  it("denied channel permissions reach the client and make sends fail with 50013 and 50001", async () => {
    const { fake, client } = await boot();
    const channel = textChannel(client, fake.defaultChannel().id);
    const me = channel.guild.members.me;
    if (!me) throw new Error("no bot member");
    expect(channel.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);

    const updated = new Promise((resolve) => client.once(Events.ChannelUpdate, resolve));
    fake.setChannelPermission(channel.id, PermissionFlagsBits.SendMessages);
    await updated;
    expect(channel.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect((await apiErrorOf(channel.send("no"))).code).toBe(50013);

    fake.setChannelPermission(channel.id, PermissionFlagsBits.ViewChannel);
    const error = await apiErrorOf(channel.send("no"));
    expect([error.status, error.code]).toEqual([403, 50001]);
  });
});

describe("gateway", () => {
  it("after dropConnections the client resumes and still answers commands", async () => {
    const { fake } = await boot({}, async (i) => {
      if (i.isChatInputCommand()) await i.reply("still here");
    });
    fake.dropConnections();
    const outcome = await (await fake.command({ name: "ping" })).settled({ timeoutMs: 5000 });
    expect(outcome.reply?.content).toBe("still here");
    expect(fake.resumes).toBe(1);
    expect(fake.identifies).toBe(1);
  });

  it("addGuild makes a new guild appear in the client's cache", async () => {
    const { fake, client } = await boot();
    const created = new Promise((resolve) => client.once(Events.GuildCreate, resolve));
    const guild = fake.addGuild({ name: "新闻", preferredLocale: "zh-CN" });
    await created;
    expect(client.guilds.cache.get(guild.id)?.preferredLocale).toBe("zh-CN");
  });
});
