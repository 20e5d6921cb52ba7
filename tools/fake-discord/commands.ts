/**
 * Application command registry (global and per guild) with Discord's main validation rules.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { ApiError, isRecord } from "./http.ts";
import type { CommandRegistration } from "./types.ts";

/** Locales Discord accepts in `*_localizations`. */
export const DISCORD_LOCALES = new Set([
  "id",
  "da",
  "de",
  "en-GB",
  "en-US",
  "es-ES",
  "es-419",
  "fr",
  "hr",
  "it",
  "lt",
  "hu",
  "nl",
  "no",
  "pl",
  "pt-BR",
  "ro",
  "fi",
  "sv-SE",
  "vi",
  "tr",
  "cs",
  "el",
  "bg",
  "ru",
  "uk",
  "hi",
  "th",
  "zh-CN",
  "ja",
  "zh-TW",
  "ko",
]);

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Stored command in API shape. */
export type ApiCommand = Record<string, unknown> & { id: string; name: string; type: number };

/** Holds the registered command sets, keeping ids stable across overwrites like Discord. */
export class CommandRegistry {
  /** Every change of a set, with the full resulting set. */
  readonly registrations: CommandRegistration[] = [];
  private readonly sets = new Map<string, ApiCommand[]>();
  private readonly ids = new Map<string, string>();

  constructor(private readonly applicationId: string) {}

  /** Current set of a scope ("global" or a guild id). */
  list(scope: string): ApiCommand[] {
    return this.sets.get(scope) ?? [];
  }

  /** Replaces a scope's set (PUT bulk overwrite). */
  overwrite(scope: string, body: unknown): ApiCommand[] {
    if (!Array.isArray(body)) throw formErrorAt([], "BASE_TYPE_ARRAY", "Must be an array.");
    if (body.length > 100) throw formErrorAt([], "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.");
    const seen = new Set<string>();
    const commands = body.map((raw, i) => {
      const cmd = validateCommand(raw, [i]);
      const key = `${cmd.type}:${cmd.name}`;
      if (seen.has(key)) throw formErrorAt([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
      seen.add(key);
      return this.store(scope, cmd);
    });
    this.commit(scope, commands);
    return commands;
  }

  /** Creates or replaces (by name and type) one command (POST). */
  upsert(scope: string, body: unknown): ApiCommand {
    const cmd = this.store(scope, validateCommand(body, []));
    const rest = this.list(scope).filter((c) => !(c.name === cmd.name && c.type === cmd.type));
    this.commit(scope, [...rest, cmd]);
    return cmd;
  }

  /** Edits one command (PATCH), keeping its id; undefined if unknown. */
  patch(scope: string, id: string, patch: Record<string, unknown>): ApiCommand | undefined {
    const current = this.list(scope);
    const old = current.find((c) => c.id === id);
    if (!old) return undefined;
    const cmd: ApiCommand = { ...this.store(scope, validateCommand({ ...old, ...patch }, [])), id };
    this.commit(
      scope,
      current.map((c) => (c.id === id ? cmd : c)),
    );
    return cmd;
  }

  /** Deletes one command by id; false if unknown. */
  remove(scope: string, id: string): boolean {
    const current = this.list(scope);
    const next = current.filter((c) => c.id !== id);
    if (next.length === current.length) return false;
    this.commit(scope, next);
    return true;
  }

  /** Finds a command by name: first the guild's set, then the global set. */
  find(name: string, guildId: string | null, type = 1): ApiCommand | undefined {
    const match = (c: ApiCommand): boolean => c.name === name && c.type === type;
    return (guildId ? this.list(guildId).find(match) : undefined) ?? this.list("global").find(match);
  }

  /** A stable id for a command name, whether registered or not. */
  idFor(scope: string, name: string, type = 1): string {
    const key = `${scope}:${type}:${name}`;
    let id = this.ids.get(key);
    if (!id) this.ids.set(key, (id = nextSnowflake()));
    return id;
  }

  private store(scope: string, cmd: Record<string, unknown> & { name: string; type: number }): ApiCommand {
    const stored: ApiCommand = {
      default_member_permissions: null,
      name_localizations: null,
      description_localizations: null,
      contexts: null,
      integration_types: [0],
      nsfw: false,
      ...cmd,
      id: this.idFor(scope, cmd.name, cmd.type),
      application_id: this.applicationId,
      version: nextSnowflake(),
    };
    if (scope !== "global") stored.guild_id = scope;
    return stored;
  }

  private commit(scope: string, commands: ApiCommand[]): void {
    this.sets.set(scope, commands);
    this.registrations.push({ scope, commands: structuredClone(commands), at: Date.now() });
  }
}

type Path = (string | number)[];

/** 400 Invalid Form Body with an error nested at a path, as Discord reports it. */
export function formErrorAt(path: Path, code: string, message: string): ApiError {
  let errors: Record<string, unknown> = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return new ApiError(400, 50035, "Invalid Form Body", errors);
}

function checkName(value: unknown, path: Path, lowercase: boolean): string {
  if (typeof value !== "string" || !NAME_RE.test(value)) {
    throw formErrorAt(path, "APPLICATION_COMMAND_INVALID_NAME", `Command name is invalid`);
  }
  if (lowercase && value !== value.toLowerCase()) {
    throw formErrorAt(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  return value;
}

function checkDescription(value: unknown, path: Path): void {
  if (typeof value !== "string" || value.length < 1 || value.length > 100) {
    throw formErrorAt(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  }
}

function checkLocalizations(value: unknown, path: Path, check: (v: unknown, p: Path) => void): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) throw formErrorAt(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
  for (const [locale, text] of Object.entries(value)) {
    if (!DISCORD_LOCALES.has(locale)) throw formErrorAt([...path, locale], "ENUM_TYPE_COERCE", `Value "${locale}" is not a valid enum value.`);
    check(text, [...path, locale]);
  }
}

function validateNamed(raw: Record<string, unknown>, path: Path, chatInput: boolean): string {
  const name = checkName(raw.name, [...path, "name"], chatInput);
  checkLocalizations(raw.name_localizations, [...path, "name_localizations"], (v, p) => checkName(v, p, chatInput));
  if (chatInput) {
    checkDescription(raw.description, [...path, "description"]);
    checkLocalizations(raw.description_localizations, [...path, "description_localizations"], checkDescription);
  }
  return name;
}

function validateCommand(raw: unknown, path: Path): Record<string, unknown> & { name: string; type: number } {
  if (!isRecord(raw)) throw formErrorAt(path, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
  const type = typeof raw.type === "number" ? raw.type : 1;
  const chatInput = type === 1;
  const name = validateNamed(raw, path, chatInput);
  if (chatInput) validateOptions(raw.options, [...path, "options"], 0);
  validateEnumList(raw.integration_types, [...path, "integration_types"], INTEGRATION_TYPES);
  validateEnumList(raw.contexts, [...path, "contexts"], CONTEXTS);
  return { ...raw, name, type, description: typeof raw.description === "string" ? raw.description : "" };
}

/** Installation types: 0 guild install, 1 user install. */
const INTEGRATION_TYPES = new Set([0, 1]);
/** Interaction contexts: 0 guild, 1 bot DM, 2 private channel (group DMs, DMs between users). */
const CONTEXTS = new Set([0, 1, 2]);

/** `integration_types` / `contexts`: absent or null (Discord's defaults), else a list of known values. */
function validateEnumList(value: unknown, path: Path, known: ReadonlySet<number>): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw formErrorAt(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
  value.forEach((v: unknown, i) => {
    if (typeof v !== "number" || !known.has(v)) throw formErrorAt([...path, i], "ENUM_TYPE_COERCE", `Value "${String(v)}" is not a valid enum value.`);
  });
}

function validateOptions(value: unknown, path: Path, depth: number): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) throw formErrorAt(path, "BASE_TYPE_ARRAY", "Must be an array.");
  if (value.length > 25) throw formErrorAt(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
  let sawOptional = false;
  const names = new Set<string>();
  value.forEach((opt: unknown, i) => {
    const at = [...path, i];
    if (!isRecord(opt)) throw formErrorAt(at, "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    const name = validateNamed(opt, at, true);
    if (names.has(name)) throw formErrorAt([...at, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Option names must be unique");
    names.add(name);
    const type = opt.type;
    if (typeof type !== "number" || type < 1 || type > 11) throw formErrorAt([...at, "type"], "BASE_TYPE_CHOICES", "Value must be one of {1, ..., 11}.");
    if (type === 1 || type === 2) {
      if (depth >= (type === 2 ? 1 : 2)) throw formErrorAt([...at, "type"], "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Sub-command nesting is too deep");
      validateOptions(opt.options, [...at, "options"], type === 2 ? depth + 1 : 2);
      return;
    }
    if (opt.required === true && sawOptional) {
      throw formErrorAt(at, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options");
    }
    if (opt.required !== true) sawOptional = true;
    if (Array.isArray(opt.choices)) {
      if (opt.choices.length > 25) throw formErrorAt([...at, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
      opt.choices.forEach((choice: unknown, j) => {
        if (!isRecord(choice) || typeof choice.name !== "string" || choice.name.length < 1 || choice.name.length > 100) {
          throw formErrorAt([...at, "choices", j, "name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
      });
    }
  });
}
