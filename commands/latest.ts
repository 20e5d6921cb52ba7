import { eventStandings } from "../db/event-sources.ts";
import { latestAddedEvents, latestEvents } from "../db/events.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { requireStory } from "../src/resolvers/story.ts";
import { localizedChoices } from "../src/i18n/commands.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderLatest, replyOptions, type LatestOrder } from "../src/render/index.ts";

const MIN = 1;
const MAX = 10;
const DEFAULT = 5;

/**
 * `/latest [count] [order]`: the story's newest events, newest first — by when they happened
 * (default), or by when they were added (`order:added`: what editors and feeds just brought).
 */
export default {
  scope: "anywhere",
  data: slash("latest")
    .addIntegerOption((o) => named(o, "latest.count").setMinValue(MIN).setMaxValue(MAX))
    .addStringOption((o) => named(o, "latest.order").addChoices(...localizedChoices("latest.order"))),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    // Discord enforces the range and the choices; a payload that gets past them anyway is clamped, not trusted.
    const asked = interaction.options.getInteger("count") ?? DEFAULT;
    const count = Math.min(MAX, Math.max(MIN, Number.isFinite(asked) ? Math.trunc(asked) : DEFAULT));
    const order: LatestOrder = interaction.options.getString("order") === "added" ? "added" : "happened";
    const events = order === "added" ? latestAddedEvents(ctx.db, story.id, count) : latestEvents(ctx.db, story.id, count);
    const standings = eventStandings(
      ctx.db,
      events.map((e) => e.id),
    );
    await interaction.reply(replyOptions(renderLatest(events, story, lang, order, standings)));
  },
} satisfies Command;
