import type { Command } from "../src/context.ts";
import { slash } from "../src/command-kit/builders.ts";
import { activeStory, chooserOf } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderHelp, replyOptions } from "../src/render/index.ts";

/** `/help`: what Storyline is, the story this server (or, elsewhere, this user) follows, and every command. */
export default {
  scope: "anywhere",
  data: slash("help"),
  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    await interaction.reply(replyOptions({ ...renderHelp(activeStory(ctx, interaction), lang, chooserOf(interaction)), ephemeral: true }));
  },
} satisfies Command;
