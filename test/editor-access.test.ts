import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../db/audit.ts";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { buttonsOf } from "./helpers/commands.ts";
import { EDITOR, STRANGER, addEvent, counts, editor, eventRow, forgedClick, forgedSubmit, submit } from "./helpers/editor.ts";

const GOOD = { title: "Board names Emmett Shear interim CEO", when: "2023-11-19", summary: "", people: "emmett", source: "The Information" };
const NOT_EDITOR = /Only the story editors can do that/;

describe("who may edit, with editors listed in EDITOR_USER_IDS", () => {
  let t: TestBot;
  let storyId: number;
  let eventId: number;
  beforeAll(async () => {
    t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] } });
    storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
    eventId = getEventByKey(t.db, storyId, "altman-fired")!.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it.each(["add", "edit", "remove", "history"])("given a server admin who is not an editor, then /editor %s is refused and opens nothing", async (sub) => {
    const before = counts(t.db);
    const out = await editor(t, sub, { user: STRANGER, admin: true, ...(sub === "add" ? {} : { id: eventId }) });
    expect(out.ephemeral).toBe(true);
    expect(out.modal).toBeUndefined();
    expect(out.reply?.content).toMatch(NOT_EDITOR);
    expect(buttonsOf(out.reply)).toEqual([]);
    expect(counts(t.db)).toEqual(before);
    expect(t.db.prepare("SELECT count(*) AS n FROM editor_drafts").get()).toEqual({ n: 0 });
  });

  it("suggests no events to someone who is not an editor", async () => {
    const out = await (await t.fake.autocomplete({ name: "editor", subcommand: "edit", focused: "id", value: "", user: STRANGER, admin: true })).settled();
    expect(out.choices).toEqual([]);
  });

  it("given a forged form for a new event, then refuses and adds nothing", async () => {
    const before = counts(t.db);
    const out = await forgedSubmit(t, `ed:add:${storyId}`, GOOD, STRANGER, {
      permissions: PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild,
    });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toMatch(NOT_EDITOR);
    expect(counts(t.db)).toEqual(before);
  });

  it("given a forged correction, then refuses and the event stays as it was", async () => {
    const row = eventRow(t.db, "altman-fired");
    const out = await forgedSubmit(t, `ed:edit:${storyId}:${eventId}:0`, { ...GOOD, title: "Hacked" }, STRANGER);
    expect(out.reply?.content).toMatch(NOT_EDITOR);
    expect(eventRow(t.db, "altman-fired")).toEqual(row);
  });

  it("given a forged Remove or Edit and retry click, then refuses and removes nothing", async () => {
    const asked = await editor(t, "remove", { id: eventId });
    const refused = await addEvent(t, { ...GOOD, when: "tomorrow" });
    const before = counts(t.db);
    for (const [message, customId] of [
      [asked.reply!, buttonsOf(asked.reply)[0]!.customId],
      [refused.reply!, buttonsOf(refused.reply)[0]!.customId],
    ] as const) {
      const out = await forgedClick(t, message, customId, STRANGER, { permissions: PermissionFlagsBits.Administrator });
      expect(out.modal).toBeUndefined();
      expect(out.reply?.content).toMatch(NOT_EDITOR);
    }
    expect(counts(t.db)).toEqual(before);
    expect(getEventByKey(t.db, storyId, "altman-fired")).not.toBeNull();
  });

  it("given an editor's form in a DM, then says it needs Storyline in a server", async () => {
    const out = await (
      await t.fake.sendInteraction({
        type: 5,
        user: { id: EDITOR.id, username: EDITOR.username, discriminator: "0", global_name: null, avatar: null },
        data: { custom_id: `ed:add:${storyId}`, components: [] },
      })
    ).settled();
    expect(out.reply?.content).toMatch(/needs Storyline in a server/);
  });

  it("leaves the audit log empty after all of that", () => {
    expect(auditLog(t.db)).toEqual([]);
  });
});

describe("who may edit, with EDITOR_GUILD_ID", () => {
  const HOME = "1400000000000000001";
  const AWAY = "1400000000000000002";
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({
      fake: {
        guilds: [
          { id: HOME, name: "Newsroom" },
          { id: AWAY, name: "Readers" },
        ],
      },
      config: { EDITOR_USER_IDS: [], EDITOR_GUILD_ID: HOME },
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it("given Manage Server in the editors' server, then accepts them as an editor", async () => {
    const out = await addEvent(t, GOOD, { user: STRANGER, guildId: HOME, permissions: PermissionFlagsBits.ManageGuild });
    expect(out.reply?.content).toContain("`ed_1`");
    expect(auditLog(t.db).map((e) => [e.action, e.userId])).toEqual([["add", STRANGER.id]]);
  });

  it("given a member without Manage Server there, then refuses", async () => {
    const out = await editor(t, "add", { user: STRANGER, guildId: HOME, permissions: PermissionFlagsBits.SendMessages });
    expect(out.modal).toBeUndefined();
    expect(out.reply?.content).toMatch(NOT_EDITOR);
  });

  it("given Manage Server in another server, then refuses, also for a form opened at home", async () => {
    const away = await editor(t, "add", { user: STRANGER, guildId: AWAY, admin: true });
    expect(away.modal).toBeUndefined();
    expect(away.reply?.content).toMatch(NOT_EDITOR);
    const opened = await editor(t, "add", { user: STRANGER, guildId: HOME, admin: true });
    const before = counts(t.db);
    const out = await submit(
      t,
      opened,
      { ...GOOD, title: "Sent from elsewhere" },
      { user: STRANGER, guildId: AWAY, channelId: t.fake.guilds.find((g) => g.id === AWAY)!.channels[0]!.id, admin: true },
    );
    expect(out.reply?.content).toMatch(NOT_EDITOR);
    expect(counts(t.db)).toEqual(before);
  });
});
