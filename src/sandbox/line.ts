import { badPlace, sandboxPlace, type SandboxPlace } from "./args.ts";

/**
 * Parses what a sandbox user types. Pure.
 *   /who ilya                      → command, bare text fills the first option
 *   /timeline who:ilya from:2023-11-17
 *   /recap schedule channel:general time:"09:30"
 *   click Next   ·   select dario-amodei   ·   complete /who name:il
 *   modal title="Board names a new CEO" when=2023-11-19 people="altman, microsoft" importance=5
 *   context dm                     → later commands come from the DM with the bot
 */

export type SandboxAction =
  | { kind: "command"; name: string; words: string[]; pairs: Record<string, string> }
  | { kind: "complete"; name: string; words: string[]; pairs: Record<string, string> }
  | { kind: "click"; target: string }
  | { kind: "select"; values: string[] }
  | { kind: "modal"; fields: Record<string, string> }
  | { kind: "wait"; seconds: number }
  | { kind: "context"; place: SandboxPlace | null }
  | { kind: "poll" }
  | { kind: "feeds" }
  | { kind: "help" }
  | { kind: "quit" }
  | { kind: "empty" }
  | { kind: "error"; message: string };

/** Splits on spaces, keeping "quoted parts" together (quotes removed). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /(?:[^\s"]+|"[^"]*")+/g;
  for (const m of text.matchAll(re)) out.push(m[0].replace(/"([^"]*)"/g, "$1"));
  return out;
}

function splitPairs(tokens: string[], sep: ":" | "="): { words: string[]; pairs: Record<string, string> } {
  const words: string[] = [];
  const pairs: Record<string, string> = {};
  const re = sep === ":" ? /^([a-z_][a-z0-9_-]*):(.*)$/s : /^([a-z_][a-z0-9_-]*)=(.*)$/s;
  for (const tok of tokens) {
    const m = re.exec(tok);
    if (m) pairs[m[1]!] = m[2]!;
    else words.push(tok);
  }
  return { words, pairs };
}

/** Reads one line of sandbox input. */
export function parseLine(line: string): SandboxAction {
  const text = line.trim();
  if (!text || text.startsWith("#")) return { kind: "empty" };
  const tokens = tokenize(text);
  const head = tokens[0]!.toLowerCase();
  if (head.startsWith("/")) {
    const name = head.slice(1);
    if (!name) return { kind: "error", message: "Type a command name after /, e.g. /help" };
    return { kind: "command", name, ...splitPairs(tokens.slice(1), ":") };
  }
  switch (head) {
    case "click":
    case "press":
      return tokens.length > 1 ? { kind: "click", target: tokens.slice(1).join(" ") } : { kind: "error", message: "click what? e.g. click Next" };
    case "select":
      return tokens.length > 1 ? { kind: "select", values: tokens.slice(1) } : { kind: "error", message: "select what? e.g. select dario-amodei" };
    case "complete": {
      const cmd = tokens[1];
      if (!cmd?.startsWith("/")) return { kind: "error", message: "complete needs a command, e.g. complete /who name:il" };
      return { kind: "complete", name: cmd.slice(1).toLowerCase(), ...splitPairs(tokens.slice(2), ":") };
    }
    case "modal":
      return { kind: "modal", fields: splitPairs(tokens.slice(1), "=").pairs };
    case "wait": {
      const s = Number(tokens[1] ?? "1");
      return Number.isFinite(s) && s >= 0 && s <= 3600 ? { kind: "wait", seconds: s } : { kind: "error", message: "wait takes seconds, e.g. wait 65" };
    }
    case "context": {
      if (tokens.length === 1) return { kind: "context", place: null };
      const place = tokens.length === 2 ? sandboxPlace(tokens[1]!) : null;
      return place ? { kind: "context", place } : { kind: "error", message: `context: ${badPlace(tokens.slice(1).join(" "))}` };
    }
    case "poll":
      return { kind: "poll" };
    case "feeds":
      return { kind: "feeds" };
    case "help":
    case "?":
      return { kind: "help" };
    case "quit":
    case "exit":
      return { kind: "quit" };
    default:
      return { kind: "error", message: `Unknown input "${tokens[0]}". Commands start with /, e.g. /help — or type help.` };
  }
}

/** The sandbox's own help text. */
export const SANDBOX_HELP = `Type slash commands as you would in Discord:
  /help                         /who ilya            /latest count:3
  /timeline who:altman          /search 微软          /event id:employee-letter
  /story list                   /recap schedule channel:general time:09:30 timezone:Europe/Paris
  (recaps also go to channel:recaps, a forum that requires a tag, and channel:daily-thread, a thread)
Then:
  click <button label>          press a button on the last reply (e.g. click Next)
  select <value>                choose in the last reply's menu
  complete /who name:il         show what autocomplete offers
  modal field=value ...         fill and submit the last form (e.g. modal title="..." when=2023-11-22 importance=5)
  context dm|group|user-server  type later commands in the DM with the bot, a group DM, or a server the bot
                                has not joined (Storyline installed to you); context server goes back; context shows where
  wait <seconds>                let time pass (scheduled posts and DMs appear as they arrive;
                                /follow who:ilya, then /editor add naming ilya, then wait 7 shows the DM)
  feeds                         list the sample news feeds the sandbox serves on 127.0.0.1
  poll                          poll the followed feeds now (they are also polled on schedule)
  exit                          leave`;
