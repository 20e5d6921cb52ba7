import type { Lang, Story } from "../../db/types.ts";
import { commandDescription, pick, t, type CommandKey } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, inline } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";
import type { Chooser } from "./stories.ts";

/** Commands anyone may use, in the order /help lists them. */
export const EVERYONE_COMMANDS: readonly CommandKey[] = [
  "help",
  "catchup",
  "follow",
  "following",
  "unfollow",
  "who",
  "latest",
  "event",
  "timeline",
  "search",
  "story.list",
  "recap.now",
  "recap.status",
];

/** Commands that need Manage Server in the server, in the order /help lists them. */
export const MANAGER_COMMANDS: readonly CommandKey[] = ["story.use", "recap.schedule", "recap.off", "recap.log", "alerts"];

/** Commands for story editors (EDITOR_USER_IDS / EDITOR_GUILD_ID), in the order /help lists them. */
export const EDITOR_COMMANDS: readonly CommandKey[] = [
  "editor.add",
  "editor.edit",
  "editor.remove",
  "editor.history",
  "feed.add",
  "feed.list",
  "feed.remove",
  "review",
];

function commandLines(keys: readonly CommandKey[], lang: Lang): string {
  const lines = keys.map((key) => `\`/${key.replaceAll(".", " ")}\` — ${commandDescription(key, lang)}`);
  return joinCapped(lines, "\n", LIMITS.fieldValue, t(lang).labels.andMore);
}

/**
 * /help: what Storyline is (a bot that follows a developing news story, in English and
 * Chinese), which story this server follows (outside servers with the bot: the user's; or how to pick one), and every command with a
 * one-line description.
 */
export function renderHelp(story: Story | null, lang: Lang, chooser: Chooser = "server"): Reply {
  const s = t(lang);
  const following = chooser === "user" ? s.anywhere.following : s.help.following;
  const about = story
    ? [following(clip(storyTitle(story, lang), 300)), inline(pick(story.summary, lang), 1000)].filter(Boolean).join("\n")
    : chooser === "user"
      ? s.anywhere.noStory
      : s.help.noStory;
  return fitMessage({
    embeds: [
      {
        ...baseEmbed(story, lang),
        title: s.help.title,
        description: [s.help.intro, about, ...(chooser === "user" ? [s.anywhere.helpHere] : []), s.help.language].join("\n\n"),
        fields: [
          { name: s.help.commands, value: commandLines(EVERYONE_COMMANDS, lang) },
          { name: s.help.managers, value: commandLines(MANAGER_COMMANDS, lang) },
          { name: s.help.editors, value: commandLines(EDITOR_COMMANDS, lang) },
        ],
      },
    ],
    components: [],
  });
}
