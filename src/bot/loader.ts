import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Command } from "../context.ts";

/** The folder holding one file per slash command. */
export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "commands");

/** Thrown when a command module is missing or has the wrong shape; lists every problem. */
export class CommandLoadError extends Error {
  override name = "CommandLoadError";
}

const isFn = (v: unknown): boolean => typeof v === "function";

/** Every problem with one module's default export, or none. */
export function checkCommandShape(file: string, mod: unknown): string[] {
  const cmd = (mod as { default?: unknown } | null)?.default as Partial<Record<keyof Command, unknown>> | undefined;
  if (!cmd || typeof cmd !== "object") return [`${file}: has no default export (export default { data, execute } satisfies Command)`];
  const problems: string[] = [];
  const data = cmd.data as { name?: unknown; toJSON?: unknown } | undefined;
  if (!data || typeof data.name !== "string" || !isFn(data.toJSON)) problems.push(`${file}: "data" must be a SlashCommandBuilder (with a name)`);
  if (!isFn(cmd.execute)) problems.push(`${file}: "execute" must be a function`);
  for (const opt of ["autocomplete", "button", "modal"] as const) {
    if (cmd[opt] !== undefined && !isFn(cmd[opt])) problems.push(`${file}: "${opt}" must be a function when present`);
  }
  if ((cmd.button || cmd.modal) && (typeof cmd.prefix !== "string" || !/^[a-z]{1,8}$/.test(cmd.prefix))) {
    problems.push(`${file}: a command with buttons or modals needs "prefix" (1–8 lower-case letters)`);
  }
  return problems;
}

/**
 * Loads every command in `dir` (used by the bot and by deploy-commands alike), checking each
 * module's shape, that names are unique and that no two commands claim one custom_id prefix.
 */
export async function loadCommands(dir = COMMANDS_DIR): Promise<Map<string, Command>> {
  const files = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith(".d.ts") && !f.startsWith("_"))
    .sort();
  const problems: string[] = [];
  const commands = new Map<string, Command>();
  const prefixes = new Map<string, string>();
  for (const file of files) {
    let mod: unknown;
    try {
      mod = await import(pathToFileURL(join(dir, file)).href);
    } catch (err) {
      problems.push(`${file}: cannot be loaded: ${(err as Error).message}`);
      continue;
    }
    const shape = checkCommandShape(file, mod);
    if (shape.length) {
      problems.push(...shape);
      continue;
    }
    const cmd = (mod as { default: Command }).default;
    if (commands.has(cmd.data.name)) problems.push(`${file}: another file already defines /${cmd.data.name}`);
    if (cmd.prefix) {
      const owner = prefixes.get(cmd.prefix);
      if (owner) problems.push(`${file}: custom_id prefix "${cmd.prefix}" is already used by /${owner}`);
      prefixes.set(cmd.prefix, cmd.data.name);
    }
    commands.set(cmd.data.name, cmd);
  }
  if (problems.length) throw new CommandLoadError(`Cannot load the commands:\n  ${problems.join("\n  ")}`);
  if (commands.size === 0) throw new CommandLoadError(`No commands found in ${dir}`);
  return commands;
}
