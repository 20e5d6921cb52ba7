import { latestEvents } from "../db/events.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { requireStory } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderLatest, replyOptions } from "../src/render/index.ts";

const MIN = 1;
const MAX = 10;
const DEFAULT = 5;

/** `/latest [count]`: the story's newest events, newest first. */
export default {
  data: slash("latest").addIntegerOption((o) => named(o, "latest.count").setMinValue(MIN).setMaxValue(MAX)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction.guildId, lang);
    // Discord enforces the range; a payload that gets past it anyway is clamped, not trusted.
    const asked = interaction.options.getInteger("count") ?? DEFAULT;
    const count = Math.min(MAX, Math.max(MIN, Number.isFinite(asked) ? Math.trunc(asked) : DEFAULT));
    await interaction.reply(replyOptions(renderLatest(latestEvents(ctx.db, story.id, count), story, lang)));
  },
} satisfies Command;
