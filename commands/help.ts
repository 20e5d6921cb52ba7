import type { Command } from "../src/bot/command.ts";
import { slash } from "../src/bot/builders.ts";
import { activeStory } from "../src/bot/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderHelp, replyOptions } from "../src/render/index.ts";

/** `/help`: what Storyline is, the story this server follows, and every command. */
export default {
  data: slash("help"),
  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    await interaction.reply(replyOptions({ ...renderHelp(activeStory(ctx, interaction.guildId), lang), ephemeral: true }));
  },
} satisfies Command;
