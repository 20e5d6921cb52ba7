import { readdirSync } from "node:fs";
import type { Db } from "../../db/index.ts";
import { openDatabase } from "../../db/index.ts";
import { startBot, type Bot } from "../bot/app.ts";
import { createRest, deployCommands } from "../bot/deploy.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { FEED_FIXTURES_DIR, startFixtureServer } from "./sample-feeds.ts";
import { startScheduledWork } from "../ops/scheduled.ts";
import { syncStories } from "../story/import.ts";
import { FakeDiscord, SANDBOX_USER_ID, type FakeMessage, type InteractionOutcome } from "../../tools/fake-discord/index.ts";
import { parseLine, SANDBOX_HELP } from "./line.ts";
import { resolveCall } from "./options.ts";
import { flattenComponents, printMessage } from "./print.ts";

/** A token-shaped placeholder: the fake Discord accepts anything, and it is no secret. */
export const SANDBOX_TOKEN = "sandbox.token.not-a-secret-0000000000";

export interface SandboxOptions {
  config: Config;
  log: Logger;
  locale?: string;
  admin?: boolean;
  /** Print scheduled channel posts as they arrive. */
  onChannelPost?: (text: string) => void;
}

/** The sample feeds' addresses, one per line. */
function sampleFeeds(baseUrl: string): string {
  return readdirSync(FEED_FIXTURES_DIR)
    .filter((f) => /\.(xml|json|rss|atom)$/.test(f))
    .sort()
    .map((f) => `  ${baseUrl}${f}`)
    .join("\n");
}

/** The fake Discord, the real bot connected to it, and a way to type at it. */
export interface Sandbox {
  fake: FakeDiscord;
  bot: Bot;
  db: Db;
  /** Runs one line of input and returns what to print. */
  run(line: string): Promise<{ output: string; quit?: boolean }>;
  stop(): Promise<void>;
}

/**
 * Starts the fake Discord and the real bot against it — the same code as live, only the
 * REST base differs — and registers the commands through the same deploy code.
 */
export async function startSandbox(opts: SandboxOptions): Promise<Sandbox> {
  const locale = opts.locale ?? "en-US";
  const fake = await FakeDiscord.start({ guilds: [{ name: "Sandbox", preferredLocale: locale, channels: [{ name: "general" }, { name: "news" }] }] });
  const config: Config = { ...opts.config, DISCORD_API_BASE: fake.apiBase, DISCORD_TOKEN: SANDBOX_TOKEN };
  // The sandbox user is a story editor (so /editor can be tried) unless EDITOR_USER_IDS says otherwise.
  if (config.EDITOR_USER_IDS.length === 0) config.EDITOR_USER_IDS = [SANDBOX_USER_ID];
  const db = openDatabase(config.DATABASE_PATH);
  syncStories(db, config.STORIES_DIR);
  let bot: Bot;
  try {
    bot = await startBot({ config, db, log: opts.log, token: SANDBOX_TOKEN });
  } catch (err) {
    db.close();
    await fake.stop();
    throw err;
  }
  const guild = fake.defaultGuild();
  await deployCommands(createRest(SANDBOX_TOKEN, fake.apiBase), fake.applicationId, bot.commands.values(), guild.id);
  // Daily recaps tick every minute here too: `/recap schedule` a minute ahead, `wait 65`, see the post.
  // As in `npm start`, they and feed polling run while this process holds the scheduler lease.
  const scheduled = startScheduledWork(bot);
  // Sample news feeds on 127.0.0.1, so /feed add and /review can be tried with no network.
  const fixtures = await startFixtureServer(FEED_FIXTURES_DIR);

  let last: FakeMessage | undefined;
  let lastModal: InteractionOutcome["modal"];
  const seen = new Set<string>(fake.allMessages().map((m) => m.id));
  const watcher = setInterval(() => {
    for (const m of fake.allMessages()) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      if (m.interactionId) continue;
      const channel = guild.channels.find((c) => c.id === m.channelId)?.name ?? m.channelId;
      last = m;
      opts.onChannelPost?.(`[#${channel}] ${printMessage(m)}`);
    }
  }, 200);
  watcher.unref();

  const actor = { locale, guildLocale: locale, admin: opts.admin ?? false, channelId: fake.defaultChannel().id };
  const channelByName = (name: string) => guild.channels.find((c) => c.name === name || c.id === name)?.id;

  function show(outcome: InteractionOutcome): string {
    for (const m of [outcome.reply, ...outcome.followUps]) if (m) seen.add(m.id);
    if (outcome.modal) {
      lastModal = outcome.modal;
      const fields = flattenComponents(outcome.modal.components) as { custom_id?: string; label?: string; value?: string; required?: boolean }[];
      const lines = fields.map((f) => `  ${f.custom_id}= ${f.label ?? ""}${f.required ? " (required)" : ""}${f.value ? ` [${f.value}]` : ""}`);
      return `Form: ${outcome.modal.title}\n${lines.join("\n")}\nFill it with: modal ${fields.map((f) => `${f.custom_id}="..."`).join(" ")}`;
    }
    if (outcome.choices) return outcome.choices.length ? outcome.choices.map((c) => `  ${c.name}  → ${c.value}`).join("\n") : "  (no suggestions)";
    const parts = [outcome.reply, ...outcome.followUps].filter((m): m is FakeMessage => !!m && !m.deleted);
    const withComponents = [...parts].reverse().find((m) => m.components.length);
    if (withComponents) last = withComponents;
    return parts.map((m) => printMessage(m)).join("\n\n") || "(no reply)";
  }

  async function run(line: string): Promise<{ output: string; quit?: boolean }> {
    const action = parseLine(line);
    switch (action.kind) {
      case "empty":
        return { output: "" };
      case "help":
        return { output: SANDBOX_HELP };
      case "quit":
        return { output: "", quit: true };
      case "error":
        return { output: action.message };
      case "poll": {
        const feeds = scheduled.feeds.current();
        if (!feeds) return { output: "Another process using this database runs the scheduled work (feeds, recaps); poll there." };
        const r = await feeds.pollNow();
        if (r.skipped) return { output: "A poll is already running." };
        return {
          output: `Polled ${r.results.length} feed(s): ${r.created} new event(s), ${r.published} published directly, ${r.failed} failed. Editors: /review`,
        };
      }
      case "feeds":
        return { output: `Sample feeds served by the sandbox (try /feed add url:${fixtures.baseUrl}rss.xml):\n${sampleFeeds(fixtures.baseUrl)}` };
      case "wait":
        await new Promise((r) => setTimeout(r, action.seconds * 1000));
        return { output: "" };
      case "command":
      case "complete": {
        const call = resolveCall(fake.commandsFor(guild.id), action.name, action.words, action.pairs, channelByName);
        if (typeof call === "string") return { output: call };
        if (action.kind === "command") return { output: show(await (await fake.command({ ...call, ...actor })).settled()) };
        const focused = Object.keys(action.pairs).at(-1) ?? Object.keys(call.options)[0];
        if (!focused) return { output: "complete needs the option being typed, e.g. complete /who name:il" };
        const value = String(call.options[focused] ?? "");
        return { output: show(await (await fake.autocomplete({ ...call, focused, value, ...actor })).settled()) };
      }
      case "click": {
        if (!last) return { output: "There is no button to press yet." };
        const buttons = flattenComponents(last.components).filter((c) => c.type === 2 && c.custom_id);
        const wanted = action.target.toLowerCase();
        const b =
          buttons.find((x) => x.label?.toLowerCase() === wanted) ??
          buttons.find((x) => x.custom_id === action.target) ??
          buttons.find((x) => x.label?.toLowerCase().includes(wanted));
        if (!b?.custom_id) return { output: `No button "${action.target}" on the last reply. Buttons: ${buttons.map((x) => x.label).join(", ") || "none"}` };
        if (b.disabled) return { output: `The button "${b.label}" is disabled.` };
        return { output: show(await (await fake.click({ message: last, customId: b.custom_id, ...actor })).settled()) };
      }
      case "select": {
        const menu = last && flattenComponents(last.components).find((c) => c.type === 3);
        if (!last || !menu?.custom_id) return { output: "There is no menu on the last reply." };
        const values = action.values.map((v) => menu.options?.find((o) => o.label?.toLowerCase() === v.toLowerCase())?.value ?? v);
        return { output: show(await (await fake.select({ message: last, customId: menu.custom_id, values, ...actor })).settled()) };
      }
      case "modal": {
        if (!lastModal) return { output: "No form is open. Commands such as /editor add open one." };
        const defaults = Object.fromEntries(
          (flattenComponents(lastModal.components) as { custom_id?: string; value?: string }[]).map((f) => [f.custom_id ?? "", f.value ?? ""]),
        );
        const fields = { ...defaults, ...action.fields };
        return { output: show(await (await fake.submitModal({ customId: lastModal.custom_id, fields, ...actor })).settled()) };
      }
    }
  }

  return {
    fake,
    bot,
    db,
    run: async (line) => {
      try {
        return await run(line);
      } catch (err) {
        return { output: `(sandbox) ${(err as Error).message}` };
      }
    },
    stop: async () => {
      clearInterval(watcher);
      await scheduled.stop();
      await fixtures.stop();
      await bot.stop();
      db.close();
      await fake.stop();
    },
  };
}
