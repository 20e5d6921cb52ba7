import { searchEvents } from "../db/events.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { requiredText } from "../src/command-kit/options.ts";
import { requireStory } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderSearch, replyOptions } from "../src/render/index.ts";

/** Hits one reply lists; the rest are counted. */
const HITS = 10;

/**
 * `/search query:`: events whose title, summary or quotes match, newest first, with a
 * snippet. Any text is safe: db/search.ts quotes every term, so operators are just words.
 */
export default {
  scope: "anywhere",
  data: slash("search").addStringOption((o) => named(o, "search.query").setRequired(true)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    const query = requiredText(interaction, "query");
    await interaction.reply(replyOptions(renderSearch(query, searchEvents(ctx.db, story.id, query, HITS), story, lang)));
  },
} satisfies Command;
