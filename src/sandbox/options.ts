/**
 * Maps what a sandbox user typed onto a registered command's options: which word is the
 * subcommand, which option bare words fill, and each value's type. Pure.
 */

interface OptionDef {
  type: number;
  name: string;
  required?: boolean;
  options?: OptionDef[];
}
interface CommandDef {
  name: string;
  options?: OptionDef[];
}

const SUB = 1;
const GROUP = 2;

export interface ResolvedCall {
  name: string;
  subcommand?: string;
  group?: string;
  options: Record<string, string | number | boolean>;
}

/** Finds a channel or role id by name (without its # or @) or id. */
type ByName = (name: string) => string | undefined;

function coerce(def: OptionDef | undefined, raw: string, channelByName: ByName, roleByName: ByName = () => undefined): string | number | boolean {
  switch (def?.type) {
    case 4: {
      const n = Number(raw);
      return Number.isInteger(n) ? n : raw;
    }
    case 10: {
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
    case 5:
      return /^(true|yes|1|on)$/i.test(raw);
    case 7:
      return channelByName(raw.replace(/^#/, "")) ?? raw;
    case 8:
      return roleByName(raw.replace(/^@/, "")) ?? raw;
    default:
      return raw;
  }
}

/** Resolves typed words and `name:value` pairs against the registered definition. */
export function resolveCall(
  defs: readonly unknown[],
  name: string,
  words: string[],
  pairs: Record<string, string>,
  channelByName: ByName,
  roleByName?: ByName,
): ResolvedCall | string {
  const def = (defs as CommandDef[]).find((d) => d.name === name);
  if (!def) return `There is no /${name}. Type /help to see every command.`;
  let opts = def.options ?? [];
  const call: ResolvedCall = { name, options: {} };
  const rest = [...words];
  const group = opts.find((o) => o.type === GROUP && o.name === rest[0]);
  if (group) {
    call.group = rest.shift();
    opts = group.options ?? [];
  }
  if (opts.some((o) => o.type === SUB || o.type === GROUP)) {
    const sub = opts.find((o) => o.type === SUB && o.name === rest[0]);
    if (!sub) return `/${name} needs one of: ${opts.map((o) => o.name).join(", ")} (e.g. /${name} ${opts[0]?.name ?? ""})`;
    call.subcommand = rest.shift();
    opts = sub.options ?? [];
  }
  for (const [k, v] of Object.entries(pairs)) {
    const o = opts.find((x) => x.name === k);
    if (!o)
      return `/${[name, call.group, call.subcommand].filter(Boolean).join(" ")} has no option "${k}"${opts.length ? ` (options: ${opts.map((x) => x.name).join(", ")})` : ""}`;
    call.options[k] = coerce(o, v, channelByName, roleByName);
  }
  if (rest.length) {
    const free = opts.find((o) => call.options[o.name] === undefined);
    if (!free) return `Unexpected "${rest.join(" ")}" — give options as name:value`;
    call.options[free.name] = coerce(free, rest.join(" "), channelByName, roleByName);
  }
  return call;
}
