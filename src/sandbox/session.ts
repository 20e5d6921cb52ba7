import type { Db } from "../../db/index.ts";
import { checkDatabase, openDatabase } from "../../db/index.ts";
import { startBot, type Bot } from "../bot/app.ts";
import { createRest, deployCommands } from "../bot/deploy.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { sampleFeedList, serveSampleFeeds } from "./sample-feeds.ts";
import { startScheduledWork } from "../ops/scheduled.ts";
import { listedProblems } from "../story/import.ts";
import { syncInWorker } from "../story/import-worker.ts";
import { startWebPages, type WebServer } from "../web/index.ts";
import {
  ChannelKind,
  FakeDiscord,
  REQUIRE_TAG,
  SANDBOX_IDS,
  SANDBOX_USER_ID,
  modalInputs,
  type FakeActorInput,
  type FakeMessage,
  type InteractionOutcome,
} from "../../tools/fake-discord/index.ts";
import { parseLine, SANDBOX_HELP } from "./line.ts";
import { resolveCall } from "./options.ts";
import { flattenComponents, printMessage } from "./print.ts";
import type { Viewer } from "./tags.ts";
import type { SandboxPlace } from "./args.ts";

/** The friend in the sandbox's group DM. */
const SANDBOX_FRIEND_ID = "1310000000000000003";

/** What `context` answers: where commands are typed now. */
const PLACE_TEXT: Record<SandboxPlace, string> = {
  server: "Commands now come from #general in the Sandbox server (Storyline is in it).",
  dm: "Commands now come from your DM with Storyline (context 1). Read commands use your own /story use choice; server-only ones say why not.",
  group:
    "Commands now come from a group DM with Friend (context 2; Storyline is not in it, you installed it). Read commands use your own story; server-only ones say why not; at most 5 follow-ups.",
  "user-server":
    "Commands now come from #lounge in Elsewhere, a server Storyline has not joined (context 0, your own install). Read commands use your own story; server-only ones say why not; at most 5 follow-ups.",
};

/** The sandbox's follow bundle window: short, so `/follow` then `/editor add` shows the DM after `wait 7`. */
export const SANDBOX_FOLLOW_BUNDLE_MS = 5_000;

/** A token-shaped placeholder: the fake Discord accepts anything, and it is no secret. */
export const SANDBOX_TOKEN = "sandbox.token.not-a-secret-0000000000";

export interface SandboxOptions {
  config: Config;
  log: Logger;
  locale?: string;
  admin?: boolean;
  /** The time zone timestamps are printed in (default UTC). */
  timeZone?: string;
  /** Where to serve the sample feeds; taken: any free port, said so in `intro`. Default 0 (any). */
  feedsPort?: number;
  /** Where commands are typed at start (default the sandbox server). */
  place?: SandboxPlace;
  /** Print scheduled channel posts as they arrive. */
  onChannelPost?: (text: string) => void;
}

/** The fake Discord, the real bot connected to it, and a way to type at it. */
export interface Sandbox {
  fake: FakeDiscord;
  bot: Bot;
  db: Db;
  /** What to print at start: where the sample feeds are (and why not where asked). */
  intro: string;
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
  // The same server, channels and owner at every run: a sandbox database keeps fitting them.
  const { guild: guildId, channels: ids, admin } = SANDBOX_IDS;
  const fake = await FakeDiscord.start({
    guilds: [
      {
        id: guildId,
        ownerId: admin,
        name: "Sandbox",
        preferredLocale: locale,
        channels: [
          { id: ids.general, name: "general" },
          { id: ids.news, name: "news" },
          // A forum that requires a tag on every post, and a thread: `/recap schedule channel:` takes both.
          {
            id: ids.forum,
            name: "recaps",
            type: ChannelKind.Forum,
            flags: REQUIRE_TAG,
            availableTags: [
              { id: SANDBOX_IDS.tags.discussion, name: "Discussion" },
              { id: SANDBOX_IDS.tags.recap, name: locale.startsWith("zh") ? "回顾" : "Recap" },
            ],
          },
          { id: ids.thread, name: "daily-thread", type: ChannelKind.PublicThread, parentId: ids.general },
        ],
        // A role to mention: `/alerts channel:#news role:@readers`.
        roles: [{ id: SANDBOX_IDS.roles.readers, name: "readers", mentionable: true }],
      },
    ],
  });
  const config: Config = { ...opts.config, DISCORD_API_BASE: fake.apiBase, DISCORD_TOKEN: SANDBOX_TOKEN };
  // The sandbox user is a story editor (so /editor can be tried) unless EDITOR_USER_IDS says otherwise.
  if (config.EDITOR_USER_IDS.length === 0) config.EDITOR_USER_IDS = [SANDBOX_USER_ID];
  let db: Db | undefined;
  let web: WebServer | null = null;
  let bot: Bot;
  try {
    // As at `npm start`: the database must be whole and writable; a story file never stops the start.
    db = openDatabase(config.DATABASE_PATH);
    checkDatabase(db);
    const sync = await syncInWorker(db, config.STORIES_DIR, { maxHeapMb: config.IMPORT_WORKER_MAX_MB });
    for (const r of sync.refusals) opts.log.error({ path: r.path, problems: listedProblems(r.problems) }, "story file refused; its last good import stays");
    // The story pages always run here (on WEB_PORT, else any free port); replies link to them.
    web = await startWebPages(config, opts.log, db, 0);
    config.PUBLIC_URL ??= web?.localUrl;
    bot = await startBot({ config, db, log: opts.log, token: SANDBOX_TOKEN });
  } catch (err) {
    await web?.close();
    db?.close();
    await fake.stop();
    throw err;
  }
  const guild = fake.defaultGuild();
  // Global, as `npm run deploy-commands` registers them: the DM, group DM and user-install places only see global commands.
  await deployCommands(createRest(SANDBOX_TOKEN, fake.apiBase), fake.applicationId, bot.commands.values());
  // Places outside the sandbox server, for `context`: a group DM with a friend, a server Storyline has not joined.
  const group = fake.addGroupDm({ name: "friends", users: [{ id: SANDBOX_FRIEND_ID, username: "friend", globalName: "Friend" }] });
  const elsewhere = fake.addGuildWithoutBot({ name: "Elsewhere", preferredLocale: locale, channels: [{ name: "lounge" }] });
  // Daily recaps tick every minute here too: `/recap schedule` a minute ahead, `wait 65`, see the post.
  // As in `npm start`, they and feed polling run while this process holds the scheduler lease.
  const scheduled = startScheduledWork(bot, null, { follows: { bundleWindowMs: SANDBOX_FOLLOW_BUNDLE_MS, tickMs: 1000 } });
  // Sample news feeds on 127.0.0.1, so /feed add and /review can be tried with no network.
  const { server: fixtures, note } = await serveSampleFeeds(opts.feedsPort ?? 0);
  const pages = web && `Story pages: ${web.localUrl}/s/${encodeURIComponent(config.DEFAULT_STORY)} (all stories: ${web.localUrl}/)`;
  const intro = [pages, note, sampleFeedList(fixtures.baseUrl)].filter(Boolean).join("\n");

  // What a Discord client would show for timestamps and mentions.
  const names = {
    users: new Map([
      [SANDBOX_USER_ID, "Sandbox User"],
      [admin, "Sandbox Admin"],
      [fake.botUserId, "Storyline"],
      [SANDBOX_FRIEND_ID, "Friend"],
    ]),
    roles: new Map([
      [guild.everyoneRoleId, "everyone"],
      [SANDBOX_IDS.roles.readers, "readers"],
    ]),
  };
  // Forum posts and threads appear while the sandbox runs: names are looked up at each print.
  const viewer = (): Viewer => ({
    locale,
    timeZone: opts.timeZone ?? "UTC",
    now: Date.now(),
    ...names,
    channels: new Map(guild.channels.map((c) => [c.id, c.name])),
  });
  /** `#general`, or `#recaps › Recap · Jun 1, 2024` for a forum post or thread. */
  const channelLabel = (id: string) => {
    const c = guild.channels.find((x) => x.id === id);
    const parent = c?.parentId ? guild.channels.find((x) => x.id === c.parentId) : undefined;
    return c ? (parent ? `#${parent.name} › ${c.name}` : `#${c.name}`) : id;
  };
  const print = (m: FakeMessage) => printMessage(m, viewer());

  let last: FakeMessage | undefined;
  let lastModal: InteractionOutcome["modal"];
  const seen = new Set<string>(fake.allMessages().map((m) => m.id));
  const watcher = setInterval(() => {
    for (const m of fake.allMessages()) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      if (m.interactionId) continue;
      const inGuild = guild.channels.some((c) => c.id === m.channelId);
      // A direct message (a follow DM) names who got it.
      const dmTo = inGuild ? undefined : [SANDBOX_USER_ID, admin].find((u) => fake.dmChannelId(u) === m.channelId);
      last = m;
      opts.onChannelPost?.(`[${dmTo ? `DM to ${names.users.get(dmTo) ?? dmTo}` : channelLabel(m.channelId)}] ${print(m)}`);
    }
  }, 200);
  watcher.unref();

  let place: SandboxPlace = opts.place ?? "server";
  const who = { locale, guildLocale: locale, admin: opts.admin ?? false };
  /** The actor of a command or form in the current place; buttons and menus act where their message is. */
  const here = (): FakeActorInput => {
    if (place === "dm") return { ...who, where: "dm" };
    if (place === "group") return { ...who, channelId: group.id };
    if (place === "user-server") return { ...who, guildId: elsewhere.id };
    return { ...who, channelId: fake.defaultChannel().id };
  };
  const channelByName = (name: string) => guild.channels.find((c) => c.name === name || c.id === name)?.id;
  const roleByName = (name: string) => [...names.roles].find(([id, n]) => n === name || id === name)?.[0];

  function show(outcome: InteractionOutcome): string {
    for (const m of [outcome.reply, ...outcome.followUps]) if (m) seen.add(m.id);
    if (outcome.modal) {
      lastModal = outcome.modal;
      const inputs = modalInputs(outcome.modal.components);
      const lines = inputs.map((f) => {
        const options = f.options ? ` — ${f.options.map((o) => o.label).join(" | ")}` : "";
        return `  ${f.customId}= ${f.label}${f.required ? " (required)" : ""}${f.value ? ` [${f.value}]` : ""}${options}`;
      });
      return `Form: ${outcome.modal.title}\n${lines.join("\n")}\nFill it with: modal ${inputs.map((f) => `${f.customId}="..."`).join(" ")}`;
    }
    if (outcome.choices) return outcome.choices.length ? outcome.choices.map((c) => `  ${c.name}  → ${c.value}`).join("\n") : "  (no suggestions)";
    const parts = [outcome.reply, ...outcome.followUps].filter((m): m is FakeMessage => !!m && !m.deleted);
    const withComponents = [...parts].reverse().find((m) => m.components.length);
    if (withComponents) last = withComponents;
    return parts.map(print).join("\n\n") || "(no reply)";
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
      case "context":
        if (action.place) place = action.place;
        return { output: PLACE_TEXT[place] };
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
        return { output: sampleFeedList(fixtures.baseUrl) };
      case "wait":
        await new Promise((r) => setTimeout(r, action.seconds * 1000));
        return { output: "" };
      case "command":
      case "complete": {
        const call = resolveCall(fake.commandsFor("global"), action.name, action.words, action.pairs, channelByName, roleByName);
        if (typeof call === "string") return { output: call };
        if (action.kind === "command") return { output: show(await (await fake.command({ ...call, ...here() })).settled()) };
        const focused = Object.keys(action.pairs).at(-1) ?? Object.keys(call.options)[0];
        if (!focused) return { output: "complete needs the option being typed, e.g. complete /who name:il" };
        const value = String(call.options[focused] ?? "");
        return { output: show(await (await fake.autocomplete({ ...call, focused, value, ...here() })).settled()) };
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
        return { output: show(await (await fake.click({ message: last, customId: b.custom_id, ...who })).settled()) };
      }
      case "select": {
        const menu = last && flattenComponents(last.components).find((c) => c.type === 3);
        if (!last || !menu?.custom_id) return { output: "There is no menu on the last reply." };
        const values = action.values.map((v) => menu.options?.find((o) => o.label?.toLowerCase() === v.toLowerCase())?.value ?? v);
        return { output: show(await (await fake.select({ message: last, customId: menu.custom_id, values, ...who })).settled()) };
      }
      case "modal": {
        if (!lastModal) return { output: "No form is open. Commands such as /editor add open one." };
        const inputs = modalInputs(lastModal.components);
        const fields = Object.fromEntries(inputs.map((f) => [f.customId, f.value]));
        for (const [name, typed] of Object.entries(action.fields)) {
          const input = inputs.find((f) => f.customId === name);
          if (!input?.options) {
            fields[name] = typed;
            continue;
          }
          // A list takes an option's value or its label as shown ("5" or "5 — major development").
          const option = input.options.find((o) => o.value === typed || o.label.toLowerCase() === typed.trim().toLowerCase());
          if (!option) return { output: `${name} has no option "${typed}"; choose one of: ${input.options.map((o) => o.value).join(", ")}` };
          fields[name] = option.value;
        }
        return { output: show(await (await fake.submitModal({ customId: lastModal.custom_id, fields, ...here() })).settled()) };
      }
    }
  }

  return {
    fake,
    bot,
    db,
    intro,
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
      await web?.close();
      db.close();
      await fake.stop();
    },
  };
}
