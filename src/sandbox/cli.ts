/**
 * `npm run sandbox [-- --locale zh-CN] [--as-admin] [--db <path>] [--tz <zone>] [--feeds-port <port>] [--context dm]`:
 * the real bot against the fake Discord on 127.0.0.1 — no token, no .env, no network.
 * Interactive with history and completion, or from a pipe (`printf '/help\n' | npm run
 * sandbox`: runs each line, exits 0).
 */
import { configOrExit, fail } from "../cli.ts";
import { createInterface } from "node:readline";
import type { Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { USAGE, parseSandboxArgs } from "./args.ts";
import { startSandbox, type Sandbox } from "./session.ts";

const VERBS = ["click ", "select ", "complete ", "modal ", "wait ", "context ", "feeds", "poll", "help", "exit"];

async function main(): Promise<void> {
  const args = parseSandboxArgs(process.argv.slice(2));
  if (typeof args === "string") fail(`sandbox: ${args}\n${USAGE}`);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let config: Config = configOrExit();
  config = { ...config, DATABASE_PATH: args.db ?? "data/sandbox.db" };
  const log = createLogger(args.verbose ? "debug" : "warn");
  const interactive = process.stdin.isTTY === true;
  const out = (text: string) => text && process.stdout.write(`${text}\n`);

  let sandbox: Sandbox;
  try {
    sandbox = await startSandbox({
      config,
      log,
      locale: args.locale,
      admin: args.admin,
      timeZone: args.timeZone,
      feedsPort: args.feedsPort,
      place: args.place,
      onChannelPost: (t) => out(`\n${t}`),
    });
  } catch (err) {
    fail(`sandbox could not start: ${(err as Error).message}`);
  }
  const names = [...sandbox.bot.commands.keys()].map((n) => `/${n}`);
  if (interactive) {
    out(
      `Storyline sandbox — a fake Discord server on ${new URL(sandbox.fake.apiBase).host}, ${args.locale}, times in ${args.timeZone}${args.admin ? ", as an admin" : ""}${args.place === "server" ? "" : `, typing in: ${args.place}`}. Type /help, or help for the sandbox's own verbs.`,
    );
  }
  out(sandbox.intro);

  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
    historySize: 500,
    completer: (line: string) => {
      const all = [...names, ...VERBS];
      const hits = all.filter((c) => c.startsWith(line));
      return [hits.length ? hits : all, line];
    },
  });
  if (interactive) {
    rl.setPrompt("storyline> ");
    rl.prompt();
  }
  let closing = false;
  const finish = async (code = 0) => {
    if (closing) return;
    closing = true;
    rl.close();
    await sandbox.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void finish(0));
  process.once("SIGTERM", () => void finish(0));

  // One line at a time, in order, also from a pipe.
  let queue = Promise.resolve();
  rl.on("line", (line) => {
    queue = queue.then(async () => {
      if (closing) return;
      if (!interactive && line.trim()) out(`> ${line}`);
      const r = await sandbox.run(line);
      out(r.output);
      if (r.quit) return finish(0);
      if (interactive) rl.prompt();
    });
  });
  rl.on("close", () => {
    if (!interactive) void queue.then(() => finish(0));
    else void finish(0);
  });
}

void main();
