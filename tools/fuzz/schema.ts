/**
 * The commands as Discord has them registered (read back from the fake), flattened into
 * leaves: one per command, subcommand or group/subcommand, with the options a user fills.
 */

/** Option types (Discord's numbers). */
export const OptionType = {
  Sub: 1,
  Group: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** One registered option of a leaf. */
export interface OptionDef {
  name: string;
  type: number;
  required: boolean;
  autocomplete: boolean;
  choices: { name: string; value: string | number }[];
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
}

/** Something a user can run: `/command [group] [subcommand]` and its options. */
export interface Leaf {
  command: string;
  commandId: string;
  group?: string;
  subcommand?: string;
  options: OptionDef[];
}

type Raw = Record<string, unknown>;

const isRaw = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const list = (v: unknown): Raw[] => (Array.isArray(v) ? v.filter(isRaw) : []);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);

function optionDef(o: Raw): OptionDef {
  const def: OptionDef = {
    name: String(o.name),
    type: Number(o.type),
    required: o.required === true,
    autocomplete: o.autocomplete === true,
    choices: list(o.choices).map((c) => ({ name: String(c.name), value: typeof c.value === "number" ? c.value : String(c.value) })),
  };
  const [minValue, maxValue, minLength, maxLength] = [num(o.min_value), num(o.max_value), num(o.min_length), num(o.max_length)];
  if (minValue !== undefined) def.minValue = minValue;
  if (maxValue !== undefined) def.maxValue = maxValue;
  if (minLength !== undefined) def.minLength = minLength;
  if (maxLength !== undefined) def.maxLength = maxLength;
  return def;
}

/** Every leaf of the registered commands (as `fake.commandsFor(guildId)` returns them). */
export function leavesOf(registered: readonly unknown[]): Leaf[] {
  const leaves: Leaf[] = [];
  for (const cmd of registered.filter(isRaw)) {
    const base = { command: String(cmd.name), commandId: String(cmd.id) };
    const options = list(cmd.options);
    const nested = options.filter((o) => o.type === OptionType.Sub || o.type === OptionType.Group);
    if (nested.length === 0) leaves.push({ ...base, options: options.map(optionDef) });
    for (const o of nested) {
      if (o.type === OptionType.Sub) leaves.push({ ...base, subcommand: String(o.name), options: list(o.options).map(optionDef) });
      else
        for (const sub of list(o.options))
          leaves.push({ ...base, group: String(o.name), subcommand: String(sub.name), options: list(sub.options).map(optionDef) });
    }
  }
  return leaves;
}

/** "/recap schedule" — how a leaf is named in reports. */
export function leafName(leaf: Leaf): string {
  return [`/${leaf.command}`, leaf.group, leaf.subcommand].filter(Boolean).join(" ");
}
