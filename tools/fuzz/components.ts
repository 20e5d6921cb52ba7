/**
 * Component and modal interactions on what the bot really sent: clicks on every kind of
 * button of recorded messages, select menus, submissions of the modals it showed — and
 * their tampered twins (forged custom_ids, values that are not options, fields beyond
 * their limits) hand-built for `sendInteraction`.
 */
import { allComponents, type FakeMessage } from "../fake-discord/index.ts";
import { actorInput, actorPayload, pickActor, type ActorPick } from "./actors.ts";
import type { ActionContext, Sent } from "./case.ts";
import { command } from "./commands.ts";
import { modalFields, tamperedComponents, validAnswers } from "./forms.ts";
import { clickable, selectable, type Seen } from "./memory.ts";
import type { Rng } from "./prng.ts";
import { fuzzString } from "./strings.ts";
import { tamperCustomId } from "./tamper.ts";

/** The clicked message's author most of the time (as on Discord, where ephemeral messages are theirs), else anyone there. */
function clicker(rng: Rng, ctx: ActionContext, seen: Seen<FakeMessage>): ActorPick {
  if (rng.chance(0.7)) return { ...seen.actor, locale: rng.chance(0.8) ? seen.actor.locale : rng.pick(["en-US", "zh-CN", "fr"]) };
  return pickActor(rng, ctx.world, { guildId: seen.item.guildId, channelId: seen.item.channelId });
}

/** A click on a button of a recorded message. */
export async function click(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const pool = ctx.memory.live(clickable);
  if (!pool.length) return command(rng, ctx, n);
  const seen = rng.pick(pool);
  const buttons = allComponents(seen.item.components).filter(clickable);
  if (!buttons.length) return { skipped: "the message lost its buttons meanwhile" };
  const customId = String(rng.pick(buttons).custom_id);
  const actor = clicker(rng, ctx, seen);
  const handle = await ctx.world.fake.click({ message: seen.item, customId, ...actorInput(actor, false) });
  return { case: { n, kind: "click", target: customId, actor, input: { message: seen.item.id } }, handle };
}

/** The message fields of a hand-built component payload. */
function componentPayload(ctx: ActionContext, seen: Seen<FakeMessage>, actor: ActorPick): Record<string, unknown> {
  return {
    ...actorPayload({ ...actor, guildId: seen.item.guildId }, ctx.memory),
    channel_id: seen.item.channelId,
    message: ctx.world.fake.apiMessage(seen.item),
  };
}

/** A forged custom_id sent from a recorded message (a button click or a select). */
export async function tamperedClick(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const pool = ctx.memory.messages.filter((s) => !s.item.deleted);
  if (!pool.length) return command(rng, ctx, n);
  const seen = rng.pick(pool);
  const ids = allComponents(seen.item.components).flatMap((c) => (typeof c.custom_id === "string" ? [c.custom_id] : []));
  const customId = tamperCustomId(rng, ids.length ? rng.pick(ids) : "x", [...ctx.memory.prefixes], ctx.world.vocabulary);
  const actor = clicker(rng, ctx, seen);
  const select = rng.chance(0.2);
  const data = select
    ? { custom_id: customId, component_type: 3, values: [fuzzString(rng, ctx.world.vocabulary, 100)] }
    : { custom_id: customId, component_type: 2 };
  const handle = await ctx.world.fake.sendInteraction({ type: 3, ...componentPayload(ctx, seen, actor), data });
  return { case: { n, kind: "tamperedClick", target: customId, actor, input: { message: seen.item.id, data } }, handle };
}

/** Values a user could pick in a select menu. */
function selectValues(rng: Rng, ctx: ActionContext, menu: Record<string, unknown>, guildId: string | null): string[] {
  const type = Number(menu.type);
  const guild = ctx.world.fake.guilds.find((g) => g.id === guildId);
  const pool =
    type === 3
      ? Array.isArray(menu.options)
        ? menu.options.map((o) => String((o as { value?: unknown }).value))
        : []
      : type === 6
        ? guild
          ? [guild.everyoneRoleId]
          : []
        : type === 8
          ? guild
            ? guild.channels.map((c) => c.id)
            : []
          : ctx.world.targets.userIds;
  const min = typeof menu.min_values === "number" ? menu.min_values : 1;
  const max = Math.min(typeof menu.max_values === "number" ? menu.max_values : 1, pool.length);
  const count = rng.int(Math.min(min, max), max);
  return [...pool].sort(() => rng.next() - 0.5).slice(0, count);
}

/** A choice in a select menu of a recorded message. */
export async function select(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const pool = ctx.memory.live(selectable);
  if (!pool.length) return tamperedClick(rng, ctx, n);
  const seen = rng.pick(pool);
  const menu = rng.pick(allComponents(seen.item.components).filter(selectable));
  const values = selectValues(rng, ctx, menu, seen.item.guildId);
  const actor = clicker(rng, ctx, seen);
  const customId = String(menu.custom_id);
  const handle = await ctx.world.fake.select({ message: seen.item, customId, values, ...actorInput(actor, false) });
  return { case: { n, kind: "select", target: customId, actor, input: { message: seen.item.id, values } }, handle };
}

/** A select interaction with values the menu does not offer (unknown, too many, huge). */
export async function tamperedSelect(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const pool = ctx.memory.live(selectable);
  if (!pool.length) return tamperedClick(rng, ctx, n);
  const seen = rng.pick(pool);
  const menu = rng.pick(allComponents(seen.item.components).filter(selectable));
  const v = ctx.world.vocabulary;
  const values = rng.pick([[], Array.from({ length: 30 }, (_, i) => String(i)), [fuzzString(rng, v)], [fuzzString(rng, v, 100), fuzzString(rng, v, 100)]]);
  const actor = clicker(rng, ctx, seen);
  const data = { custom_id: String(menu.custom_id), component_type: Number(menu.type), values };
  const handle = await ctx.world.fake.sendInteraction({ type: 3, ...componentPayload(ctx, seen, actor), data });
  return { case: { n, kind: "tamperedSelect", target: data.custom_id, actor, input: { message: seen.item.id, values } }, handle };
}

/** A submission of a modal the bot showed, within the form's limits. */
export async function modal(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  if (!ctx.memory.modals.length) return command(rng, ctx, n);
  const shown = rng.pick(ctx.memory.modals);
  const fields = validAnswers(rng, modalFields(shown.item.components), ctx.world.vocabulary);
  const actor = rng.chance(0.8) ? shown.actor : { ...pickActor(rng, ctx.world), guildId: shown.actor.guildId, channelId: shown.actor.channelId };
  const handle = await ctx.world.fake.submitModal({ customId: shown.item.customId, fields, ...actorInput(actor, false) });
  return { case: { n, kind: "modal", target: shown.item.customId, actor, input: { fields } }, handle };
}

/** A hand-built modal submission: a forged custom_id or fields beyond their limits. */
export async function tamperedModal(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const shown = ctx.memory.modals.length ? rng.pick(ctx.memory.modals) : null;
  const actor = shown?.actor ?? pickActor(rng, ctx.world);
  const original = shown?.item.customId ?? [...ctx.memory.prefixes][0] ?? "x";
  const customId = rng.chance(0.5) ? original : tamperCustomId(rng, original, [...ctx.memory.prefixes], ctx.world.vocabulary);
  const components = tamperedComponents(rng, shown ? modalFields(shown.item.components) : [], ctx.world.vocabulary);
  const place = actor.guildId === null ? {} : { channel_id: actor.channelId };
  const data = { custom_id: customId, components };
  const handle = await ctx.world.fake.sendInteraction({ type: 5, ...actorPayload(actor, ctx.memory), ...place, data });
  return { case: { n, kind: "tamperedModal", target: customId, actor, input: { components } }, handle };
}
