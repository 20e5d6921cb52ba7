import { setGuildStory } from "../db/guilds.ts";
import { listStories } from "../db/stories.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { focusedText, requiredText } from "../src/command-kit/options.ts";
import { activeSlug, requireManageGuild, storyAutocomplete, storyFromOption } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { renderStoryList, replyOptions } from "../src/render/index.ts";
import { renderStorySwitched } from "../src/render/stories.ts";

/**
 * `/story list` (everyone) and `/story use slug:` (Manage Server).
 *
 * Permissions: subcommands cannot carry their own default_member_permissions, and setting
 * ManageGuild on `/story` would hide `list` from ordinary members. So the command sets none,
 * and `use` checks Manage Server at run time (requireManageGuild, which also refuses DMs);
 * a server can still restrict the whole command in its integration settings.
 */
export default {
  data: slash("story")
    .addSubcommand((sc) => named(sc, "story.list"))
    .addSubcommand((sc) => named(sc, "story.use").addStringOption((o) => named(o, "story.use.slug").setRequired(true).setAutocomplete(true).setMaxLength(100))),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    if (interaction.options.getSubcommand() === "list") {
      await interaction.reply(replyOptions(renderStoryList(listStories(ctx.db), activeSlug(ctx, interaction.guildId), lang)));
      return;
    }
    requireManageGuild(interaction, lang);
    const story = storyFromOption(ctx.db, requiredText(interaction, "slug"), lang);
    setGuildStory(ctx.db, { guildId: interaction.guildId!, storySlug: story.slug, setBy: interaction.user.id, now: ctx.now() });
    await interaction.reply(replyOptions(renderStorySwitched(story, listStories(ctx.db), lang)));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(storyAutocomplete(ctx.db, focusedText(interaction).value, langFromLocale(interaction.locale)));
  },
} satisfies Command;
