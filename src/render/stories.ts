import type { Lang, Story } from "../../db/types.ts";
import { code, pick, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { errorText } from "./errors.ts";
import { clip, inline } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import type { Reply } from "./reply.ts";
import { NEUTRAL_COLOR, storyColor, storyTitle } from "./theme.ts";

/** `/story use` with a slug no story has: the refusal and the slugs there are. */
export function storyNotFoundText(slug: string, stories: readonly Story[], lang: Lang): string {
  const slugs = stories.map((s) => s.slug.slice(0, 100));
  return `${errorText("storyNotFound", lang, { slug })}\n${t(lang).stories.valid(slugs)}`;
}

/**
 * Who chose the story a reply speaks of: the server (the bot is in it), or the user, for
 * their DMs, group DMs and servers without the bot.
 */
export type Chooser = "server" | "user";

/** `/story use` done: which story the server (or the user, outside servers with the bot) follows now, above the list. */
export function renderStorySwitched(story: Story, stories: Story[], lang: Lang, chooser: Chooser = "server"): Reply {
  const list = renderStoryList(stories, story.slug, lang, chooser);
  const title = clip(storyTitle(story, lang), 200);
  return { ...list, content: chooser === "user" ? t(lang).anywhere.switched(title) : t(lang).stories.switched(title) };
}

/**
 * /story list: every story with its title, slug, event count and a line of its summary;
 * the one this server (or, outside servers with the bot, this user) follows is marked. In the followed story's colour.
 */
export function renderStoryList(stories: Story[], activeSlug: string | null, lang: Lang, chooser: Chooser = "server"): Reply {
  const s = t(lang);
  if (stories.length === 0) return fitMessage({ content: s.stories.none, ephemeral: true });
  const activeLabel = chooser === "user" ? s.anywhere.active : s.stories.active;
  const items = stories.map((story) => {
    const active = story.slug === activeSlug ? ` · ✅ *${activeLabel}*` : "";
    const head = `**${inline(storyTitle(story, lang), 200)}**\n${code(truncate(story.slug, 100))} · ${s.stories.events(story.eventCount)}${active}`;
    const summary = pick(story.summary, lang);
    return summary ? `${head}\n${inline(summary, 200)}` : head;
  });
  const room = LIMITS.description - s.stories.hint.length - 2;
  return fitMessage({
    embeds: [
      {
        color: activeSlug ? storyColor(activeSlug) : NEUTRAL_COLOR,
        title: s.stories.title,
        description: `${joinCapped(items, "\n\n", room, s.labels.andMore)}\n\n${s.stories.hint}`,
        footer: { text: s.brand },
      },
    ],
    components: [],
  });
}
