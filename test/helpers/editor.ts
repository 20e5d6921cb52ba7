import { expect } from "vitest";
import type { Db } from "../../db/index.ts";
import { modalInputs, type FakeActorInput, type FakeMessage, type InteractionOutcome } from "../../tools/fake-discord/index.ts";
import type { TestBot } from "./bot.ts";

/** A story editor (listed in EDITOR_USER_IDS by the tests), a second one, and someone who is not. */
export const EDITOR = { id: "1500000000000000001", username: "ada" };
export const EDITOR2 = { id: "1500000000000000002", username: "grace" };
export const STRANGER = { id: "1500000000000000009", username: "mallory" };

/** The form's fields by name. */
export type Form = Partial<Record<"title" | "when" | "summary" | "people" | "source" | "importance", string>>;

/**
 * The form as the shown modal opens, by field: the title box's first line is the title, the
 * lines after it (past a blank line) the summary; the importance is the option preselected.
 */
export function modalValues(out: InteractionOutcome): Record<string, string> {
  expect(out.modal, "a modal was shown").toBeDefined();
  const inputs = Object.fromEntries(modalInputs(out.modal!.components).map((f) => [f.customId, f.value]));
  const [title = "", ...rest] = (inputs.title ?? "").split("\n");
  const { when = "", people = "", source = "", importance = "" } = inputs;
  return { title, when, summary: rest.join("\n").replace(/^\n+/, ""), people, source, importance };
}

/** Runs `/editor <sub>` as `actor` (the editor by default). */
export async function editor(t: TestBot, sub: string, opts: FakeActorInput & { id?: string | number } = {}): Promise<InteractionOutcome> {
  const { id, ...actor } = opts;
  const options = id === undefined ? undefined : { id: String(id) };
  return (await t.fake.command({ name: "editor", subcommand: sub, options, user: EDITOR, ...actor })).settled();
}

/**
 * The inputs to submit for `form` over what the modal of `out` showed, as the Discord client
 * would send them: the title and the summary typed into the title box, a blank line between.
 */
export function typedInputs(out: InteractionOutcome, form: Form): Record<string, string> {
  const { title = "", summary, ...rest } = { ...modalValues(out), ...form };
  return { ...rest, title: summary ? `${title}\n\n${summary}` : title };
}

/** Submits the modal of `out` with its prefilled values overridden by `form`. */
export async function submit(t: TestBot, out: InteractionOutcome, form: Form, actor: FakeActorInput = {}): Promise<InteractionOutcome> {
  return (await t.fake.submitModal({ customId: out.modal!.custom_id, fields: typedInputs(out, form), user: EDITOR, ...actor })).settled();
}

/** `/editor add`, filled in and submitted. */
export async function addEvent(t: TestBot, form: Form, actor: FakeActorInput = {}): Promise<InteractionOutcome> {
  return submit(t, await editor(t, "add", actor), form, actor);
}

/** Clicks a button by label on a message as `actor` (the editor by default). */
export async function clickLabel(t: TestBot, message: FakeMessage | undefined, label: string, actor: FakeActorInput = {}): Promise<InteractionOutcome> {
  return (await t.fake.click({ message: message!, label, user: EDITOR, ...actor })).settled();
}

/** Row counts of everything an editor's action may touch. */
export function counts(db: Db): Record<string, number> {
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    events: n("SELECT count(*) AS n FROM events"),
    links: n("SELECT count(*) AS n FROM event_entities"),
    sources: n("SELECT count(*) AS n FROM sources"),
    quotes: n("SELECT count(*) AS n FROM quotes"),
    fts: n("SELECT count(*) AS n FROM event_fts"),
    audit: n("SELECT count(*) AS n FROM audit_log"),
    changes: n("SELECT coalesce(sum(updated_at), 0) AS n FROM events"),
  };
}

/** The raw row of an event by key. */
export function eventRow(db: Db, key: string): Record<string, unknown> | undefined {
  return db.prepare("SELECT * FROM events WHERE key = ?").get(key) as Record<string, unknown> | undefined;
}

/** A button click with any custom_id, as a tampered client could send it, from `user`. */
export async function forgedClick(
  t: TestBot,
  message: FakeMessage,
  customId: string,
  user: { id: string; username: string },
  opts: { permissions?: bigint; guildId?: string } = {},
): Promise<InteractionOutcome> {
  const guildId = opts.guildId ?? t.fake.defaultGuild().id;
  const member = {
    user: { id: user.id, username: user.username, discriminator: "0", global_name: null, avatar: null },
    roles: [],
    permissions: String(opts.permissions ?? 0n),
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
  const handle = await t.fake.sendInteraction({
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: t.fake.apiMessage(message),
    channel_id: message.channelId,
    guild_id: guildId,
    member,
  });
  return handle.settled();
}

/** A modal submission nobody was shown (`ed:...` forged), with text fields, from `user`. */
export async function forgedSubmit(
  t: TestBot,
  customId: string,
  fields: Record<string, string>,
  user: { id: string; username: string },
  opts: { permissions?: bigint } = {},
): Promise<InteractionOutcome> {
  const member = {
    user: { id: user.id, username: user.username, discriminator: "0", global_name: null, avatar: null },
    roles: [],
    permissions: String(opts.permissions ?? 0n),
    joined_at: new Date(0).toISOString(),
    deaf: false,
    mute: false,
    flags: 0,
  };
  const components = Object.entries(fields).map(([custom_id, value]) => ({ type: 1, components: [{ type: 4, custom_id, value }] }));
  const handle = await t.fake.sendInteraction({ type: 5, data: { custom_id: customId, components }, guild_id: t.fake.defaultGuild().id, member });
  return handle.settled();
}
