/**
 * Slash-command interactions: valid-shaped ones through the fake's `command()` and
 * `autocomplete()`, which refuse what the Discord client would not send, and tampered
 * ones (a value out of range, too long, not a choice) hand-built for `sendInteraction`.
 */
import { actorInput, actorPayload, pickActor, type ActorPick } from "./actors.ts";
import type { Rng } from "./prng.ts";
import type { ActionContext, Sent } from "./case.ts";
import { leafName, OptionType, type Leaf, type OptionDef } from "./schema.ts";
import { fuzzString, typedPrefix } from "./strings.ts";
import { invalidValue, validValue, type OptionValue, type Targets } from "./values.ts";
import type { FuzzWorld } from "./world.ts";

const ID_TYPES = new Set<number>([OptionType.User, OptionType.Channel, OptionType.Role, OptionType.Mentionable, OptionType.Attachment]);
const RESOLVED_KEY: Record<number, string> = {
  [OptionType.User]: "users",
  [OptionType.Channel]: "channels",
  [OptionType.Role]: "roles",
  [OptionType.Mentionable]: "users",
};

const tamperable = (o: OptionDef): boolean => o.type === OptionType.String || o.type === OptionType.Integer || o.type === OptionType.Number;

function targetsFor(world: FuzzWorld, a: ActorPick): Targets {
  const guild = world.fake.guilds.find((g) => g.id === a.guildId);
  return { ...world.targets, channelIds: guild ? guild.channels.map((c) => c.id) : world.targets.channelIds, roleIds: guild ? [guild.everyoneRoleId] : [] };
}

/** Values for a leaf's options: required ones always, optional ones half the time. */
function optionValues(rng: Rng, ctx: ActionContext, leaf: Leaf, a: ActorPick, skip?: OptionDef): Record<string, OptionValue> | null {
  const out: Record<string, OptionValue> = {};
  for (const def of leaf.options) {
    if (def === skip || (!def.required && rng.chance(0.5))) continue;
    const value = validValue(rng, def, ctx.world.vocabulary, targetsFor(ctx.world, a), a.guildId !== null);
    if (value === null && def.required) return null;
    if (value !== null) out[def.name] = value;
  }
  return out;
}

const path = (leaf: Leaf) => ({
  name: leaf.command,
  ...(leaf.group ? { group: leaf.group } : {}),
  ...(leaf.subcommand ? { subcommand: leaf.subcommand } : {}),
});

/** A valid-shaped slash command. */
export async function command(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const leaf = rng.pick(ctx.leaves);
  const actor = pickActor(rng, ctx.world);
  const options = optionValues(rng, ctx, leaf, actor);
  if (!options) return { skipped: `no value for a required option of ${leafName(leaf)}` };
  const handle = await ctx.world.fake.command({ ...path(leaf), options, ...actorInput(actor) });
  return { case: { n, kind: "command", target: leafName(leaf), actor, input: { options } }, handle };
}

/** An autocomplete request on one autocomplete option, the others partly filled. */
export async function autocomplete(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const leaves = ctx.leaves.filter((l) => l.options.some((o) => o.autocomplete));
  if (!leaves.length) return command(rng, ctx, n);
  const leaf = rng.pick(leaves);
  const focused = rng.pick(leaf.options.filter((o) => o.autocomplete));
  const actor = pickActor(rng, ctx.world);
  const options = optionValues(rng, ctx, leaf, actor, focused) ?? {};
  for (const def of leaf.options) if (rng.chance(0.3)) delete options[def.name];
  const v = ctx.world.vocabulary;
  const shape = rng.weighted({ prefix: 4, valid: 4, hostile: 2 });
  const value =
    shape === "prefix"
      ? typedPrefix(rng, v)
      : shape === "valid"
        ? String(validValue(rng, { ...focused, required: false }, v, targetsFor(ctx.world, actor), true) ?? "")
        : fuzzString(rng, v);
  const handle = await ctx.world.fake.autocomplete({ ...path(leaf), options, focused: focused.name, value, ...actorInput(actor) });
  return { case: { n, kind: "autocomplete", target: `${leafName(leaf)} ${focused.name}:`, actor, input: { options, focused: focused.name, value } }, handle };
}

/** The nested `data.options` of a chat-input payload. */
function dataOptions(leaf: Leaf, values: Record<string, OptionValue>): unknown[] {
  let options: unknown[] = Object.entries(values).map(([name, value]) => ({ name, type: leaf.options.find((o) => o.name === name)?.type ?? 3, value }));
  if (leaf.subcommand) options = [{ type: OptionType.Sub, name: leaf.subcommand, options }];
  if (leaf.group) options = [{ type: OptionType.Group, name: leaf.group, options }];
  return options;
}

/** A slash command with one option the Discord client would refuse. */
export async function tamperedCommand(rng: Rng, ctx: ActionContext, n: number): Promise<Sent> {
  const leaves = ctx.leaves.filter((l) => l.options.some(tamperable));
  if (!leaves.length) return command(rng, ctx, n);
  const leaf = rng.pick(leaves);
  const bad = rng.pick(leaf.options.filter(tamperable));
  const actor = pickActor(rng, ctx.world);
  const values = optionValues(rng, ctx, leaf, actor, bad);
  if (!values) return { skipped: "no value for a required option" };
  const resolved: Record<string, Record<string, unknown>> = {};
  for (const def of leaf.options.filter((o) => ID_TYPES.has(o.type) && values[o.name] !== undefined)) {
    const kind = RESOLVED_KEY[def.type];
    const entry = kind ? ctx.memory.resolved.get(`${kind}:${String(values[def.name])}`) : undefined;
    if (!kind || !entry) {
      if (def.required) return command(rng, ctx, n);
      delete values[def.name];
      continue;
    }
    (resolved[kind] ??= {})[String(values[def.name])] = entry;
  }
  values[bad.name] = invalidValue(rng, bad, ctx.world.vocabulary)!;
  const data: Record<string, unknown> = { id: leaf.commandId, name: leaf.command, type: 1, options: dataOptions(leaf, values) };
  if (Object.keys(resolved).length) data.resolved = resolved;
  const handle = await ctx.world.fake.sendInteraction({ type: 2, ...actorPayload(actor, ctx.memory), data });
  return { case: { n, kind: "tamperedCommand", target: leafName(leaf), actor, input: { options: values, tampered: bad.name } }, handle };
}
