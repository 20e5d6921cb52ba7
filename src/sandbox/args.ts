/**
 * The sandbox's command line: `npm run sandbox -- [--locale zh-CN] [--as-admin] [--db path]
 * [--tz Europe/Paris] [--feeds-port 8787] [--context dm] [--verbose]`. Pure: arguments in,
 * options or one clear problem out.
 */
import { parseArgs } from "node:util";
import { Locale } from "discord.js";

export const USAGE =
  "usage: npm run sandbox [-- --locale zh-CN] [--as-admin] [--db <path>] [--tz <IANA zone, default UTC>] [--feeds-port <port, default 8787>] [--context server|dm|group|user-server] [--verbose]";

/**
 * Where the sandbox user types commands: the sandbox server (the bot is in it), the DM with
 * the bot, a group DM, or a server the bot has not joined (Storyline installed to the user).
 */
export const SANDBOX_PLACES = ["server", "dm", "group", "user-server"] as const;
export type SandboxPlace = (typeof SANDBOX_PLACES)[number];

/** `text` as a sandbox place (any case, trimmed), or null. */
export function sandboxPlace(text: string): SandboxPlace | null {
  const wanted = text.trim().toLowerCase();
  return SANDBOX_PLACES.find((p) => p === wanted) ?? null;
}

/** The refusal of a place that is not one. */
export function badPlace(text: string): string {
  return `"${text.slice(0, 40)}" is not a place; use one of ${SANDBOX_PLACES.join(", ")}`;
}

/** Where the sample feeds are served unless `--feeds-port` says otherwise, so `/feed add url:` lines can be scripted. */
export const DEFAULT_FEEDS_PORT = 8787;

/** Every locale a Discord client can have, as Discord spells them (discord.js `Locale`). */
export const DISCORD_LOCALES: readonly string[] = Object.values(Locale);

export interface SandboxArgs {
  locale: string;
  admin: boolean;
  db: string | undefined;
  /** The time zone timestamps are shown in, as a Discord client there would show them. */
  timeZone: string;
  /** 0: any free port. */
  feedsPort: number;
  /** Where commands are typed at start (the `context` verb changes it). */
  place: SandboxPlace;
  verbose: boolean;
  help: boolean;
}

/** `text` as one of Discord's locales (any case, `_` for `-`), or null. */
export function discordLocale(text: string): string | null {
  const wanted = text.trim().replace(/_/g, "-").toLowerCase();
  return DISCORD_LOCALES.find((l) => l.toLowerCase() === wanted) ?? null;
}

/** Whether `zone` is an IANA time zone this Node knows. */
function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function readArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      locale: { type: "string", default: "en-US" },
      "as-admin": { type: "boolean", default: false },
      db: { type: "string" },
      tz: { type: "string", default: "UTC" },
      "feeds-port": { type: "string", default: String(DEFAULT_FEEDS_PORT) },
      context: { type: "string", default: "server" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  }).values;
}

/** Reads the sandbox's arguments; a string is the problem to print (with the usage). */
export function parseSandboxArgs(argv: readonly string[]): SandboxArgs | string {
  let values: ReturnType<typeof readArgs>;
  try {
    values = readArgs(argv);
  } catch (err) {
    return (err as Error).message;
  }
  const locale = discordLocale(values.locale);
  if (!locale) return `"${values.locale}" is not a Discord locale; use one of ${DISCORD_LOCALES.join(", ")}`;
  if (!knownZone(values.tz)) return `"${values.tz}" is not a time zone; use an IANA name such as UTC, Europe/Paris or Asia/Shanghai`;
  const place = sandboxPlace(values.context);
  if (!place) return `--context ${badPlace(values.context)}`;
  const port = values["feeds-port"];
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) return `--feeds-port "${port}" is not a port (0–65535; 0 picks a free one)`;
  return {
    locale,
    admin: values["as-admin"],
    db: values.db,
    timeZone: values.tz,
    feedsPort: Number(port),
    place,
    verbose: values.verbose,
    help: values.help,
  };
}
