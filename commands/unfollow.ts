import { followsOf, removeFollow, saveFollowUser } from "../db/follows.ts";
import { dropUnfollowedQueue } from "../db/follow-queue.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { followedEntity, followStory, unfollowAutocomplete } from "../src/command-kit/follow-options.ts";
import { optionText } from "../src/command-kit/options.ts";
import { langFromLocale, pickOr, t } from "../src/i18n/index.ts";
import { IMPORTANT_FROM } from "../src/render/format.ts";
import { replyOptions } from "../src/render/index.ts";
import { renderFollowNote } from "../src/render/follows.ts";
import { nameOf } from "../src/render/names.ts";
import { getStoryById } from "../db/stories.ts";

/**
 * `/unfollow [who:] [story:]`: stops a follow made with /follow — the person (autocomplete
 * offers the ones you follow) or, with no `who:`, the story's major developments. DMs still
 * waiting for it that nothing else you follow asks for are dropped; a DM already bundled goes out.
 */
export default {
  scope: "anywhere",
  data: slash("unfollow")
    .addStringOption((o) => named(o, "unfollow.who").setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => named(o, "unfollow.story").setAutocomplete(true).setMaxLength(100)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const s = t(lang).follows;
    const userId = interaction.user.id;
    const story = followStory(ctx, interaction, lang);
    const who = optionText(interaction, "who");
    const target = who === null ? null : followedEntity(ctx, followsOf(ctx.db, userId), story, who, lang);
    const storyId = target?.storyId ?? story.id;
    const removed = ctx.db.transaction(() => {
      saveFollowUser(ctx.db, { userId, locale: interaction.locale });
      const removed = removeFollow(ctx.db, { userId, storyId, entityId: target?.entity.id ?? null });
      if (removed) dropUnfollowedQueue(ctx.db, { userId, major: IMPORTANT_FROM });
      return removed;
    })();
    const of = getStoryById(ctx.db, storyId) ?? story;
    const title = pickOr(of.title, lang, of.slug);
    const text = target
      ? (removed ? s.stoppedPerson : s.notFollowingPerson)(nameOf(target.entity, lang), title)
      : (removed ? s.stoppedStory : s.notFollowingStory)(title);
    await interaction.reply(replyOptions(renderFollowNote([text])));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(unfollowAutocomplete(ctx, interaction, langFromLocale(interaction.locale)));
  },
} satisfies Command;
