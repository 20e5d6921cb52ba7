import { eventSources, eventStanding } from "../db/event-sources.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { focusedText, requiredText } from "../src/command-kit/options.ts";
import { eventAutocomplete, eventFromOption } from "../src/resolvers/event.ts";
import { activeStory, requireStory } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderEvent, replyOptions } from "../src/render/index.ts";
import { webAddress, webPaths } from "../src/render/web-link.ts";

/** `/event id:`: one event in full, with its summary, who was involved, quotes and sources. */
export default {
  scope: "anywhere",
  data: slash("event").addStringOption((o) => named(o, "event.id").setRequired(true).setAutocomplete(true).setMaxLength(100)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    const event = eventFromOption(ctx.db, story.id, requiredText(interaction, "id"), lang);
    const web = webAddress(ctx.config.PUBLIC_URL, webPaths.event(story.slug, event.key), lang);
    const extra = { standing: eventStanding(ctx.db, event.id), sources: eventSources(ctx.db, event.id), webUrl: web };
    await interaction.reply(replyOptions(renderEvent(event, story, lang, extra)));
  },

  async autocomplete(interaction, ctx) {
    const story = activeStory(ctx, interaction);
    if (!story) return interaction.respond([]);
    await interaction.respond(eventAutocomplete(ctx.db, story.id, focusedText(interaction).value, langFromLocale(interaction.locale)));
  },
} satisfies Command;
