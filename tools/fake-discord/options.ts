/**
 * Slash-command `data` (options, subcommands, resolved) for command and autocomplete interactions,
 * checked against the registered definition when there is one, like the Discord client does.
 *
 * @module
 */
import { isRecord } from "./http.ts";
import type { FakeContext } from "./context.ts";
import { optionDefinitions, resolveValue } from "./payloads.ts";
import type { Actor, Resolved, UserBook } from "./payloads.ts";
import type { FakeCommandInput } from "./types.ts";
import { checkOffered } from "./contexts.ts";

type Value = string | number | boolean;

/** Builds the `data` of a chat-input command (autocomplete when `focused` is set). */
export function commandData(
  ctx: FakeContext,
  book: UserBook,
  actor: Actor,
  input: FakeCommandInput,
  focused?: { name: string; value: string },
): Record<string, unknown> {
  const guildId = actor.guild?.id ?? null;
  const registered = ctx.commands.find(input.name, guildId);
  checkOffered(registered, actor.away ? Number(actor.away.context) : actor.guild ? 0 : 1, actor.away !== undefined);
  const defs = optionDefinitions(registered, input.group, input.subcommand);
  const resolved: Resolved = {};
  const leaf: Record<string, unknown>[] = [];

  for (const [name, value] of Object.entries(input.options ?? {})) {
    const def = definition(defs, name, input.name);
    const type = typeof def?.type === "number" ? def.type : jsType(value);
    const coerced = coerce(type, value);
    if (def) checkValue(def, coerced, input.name);
    if (def && type === 7) checkChannelType(ctx, def, String(coerced), input.name);
    const sent = typeof coerced === "string" ? resolveValue(ctx, book, actor, type, coerced, resolved) : coerced;
    leaf.push({ name, type, value: sent });
  }
  if (focused) {
    const def = definition(defs, focused.name, input.name);
    leaf.push({ name: focused.name, type: typeof def?.type === "number" ? def.type : 3, value: focused.value, focused: true });
  } else if (defs) {
    for (const def of defs) {
      if (def.required === true && !leaf.some((o) => o.name === def.name)) {
        throw new Error(`fake-discord: /${input.name} needs option ${String(def.name)}`);
      }
    }
  }

  let options: Record<string, unknown>[] = leaf;
  if (input.subcommand !== undefined) options = [{ type: 1, name: input.subcommand, options }];
  if (input.group !== undefined) {
    if (input.subcommand === undefined) throw new Error("fake-discord: a group needs a subcommand");
    options = [{ type: 2, name: input.group, options }];
  }
  const data: Record<string, unknown> = {
    id: registered?.id ?? ctx.commands.idFor(guildId ?? "global", input.name),
    name: input.name,
    type: 1,
  };
  if (options.length > 0) data.options = options;
  if (typeof registered?.guild_id === "string") data.guild_id = registered.guild_id;
  if (Object.keys(resolved).length > 0) data.resolved = resolved;
  return data;
}

function definition(defs: Record<string, unknown>[] | undefined, name: string, command: string): Record<string, unknown> | undefined {
  if (!defs) return undefined;
  const def = defs.find((d) => d.name === name);
  if (!def || def.type === 1 || def.type === 2) throw new Error(`fake-discord: /${command} has no option ${name}`);
  return def;
}

function jsType(value: Value): number {
  if (typeof value === "boolean") return 5;
  if (typeof value === "number") return Number.isInteger(value) ? 4 : 10;
  return 3;
}

function coerce(type: number, value: Value): Value {
  if (type === 4 || type === 10) {
    const n = Number(value);
    if (Number.isNaN(n) || (type === 4 && !Number.isInteger(n)))
      throw new Error(`fake-discord: ${String(value)} is not a valid ${type === 4 ? "integer" : "number"}`);
    return n;
  }
  if (type === 5) return value === true || value === "true";
  return String(value);
}

/** Rejects what the Discord client would not let a user send (choices, ranges, lengths). */
function checkValue(def: Record<string, unknown>, value: Value, command: string): void {
  const fail = (why: string): never => {
    throw new Error(`fake-discord: /${command} option ${String(def.name)}: ${why}`);
  };
  if (Array.isArray(def.choices) && def.choices.length > 0 && !def.choices.some((c) => isRecord(c) && c.value === value)) {
    fail(`${String(value)} is not one of the choices`);
  }
  if (typeof value === "number") {
    if (typeof def.min_value === "number" && value < def.min_value) fail(`below min_value ${def.min_value}`);
    if (typeof def.max_value === "number" && value > def.max_value) fail(`above max_value ${def.max_value}`);
  }
  if (typeof value === "string") {
    if (typeof def.min_length === "number" && value.length < def.min_length) fail(`shorter than min_length ${def.min_length}`);
    if (typeof def.max_length === "number" && value.length > def.max_length) fail(`longer than max_length ${def.max_length}`);
  }
}

/** A channel option offers only the kinds in its `channel_types` (the Discord client lists no others). */
function checkChannelType(ctx: FakeContext, def: Record<string, unknown>, id: string, command: string): void {
  const type = ctx.guilds.channel(id)?.type;
  if (!Array.isArray(def.channel_types) || type === undefined || def.channel_types.includes(type)) return;
  throw new Error(`fake-discord: /${command} option ${String(def.name)} does not offer channels of type ${type}`);
}
