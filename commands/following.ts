import { followsOf, getFollowUser, resumeFollowUser, saveFollowUser } from "../db/follows.ts";
import type { Command } from "../src/context.ts";
import { slash } from "../src/command-kit/builders.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { replyOptions } from "../src/render/index.ts";
import { renderFollowing } from "../src/render/follows.ts";

/**
 * `/following`: what you follow, per story, and whether your follow DMs are on. If Discord's
 * refusal had paused them, it says why and turns them back on (run it once your DMs are open).
 */
export default {
  scope: "anywhere",
  data: slash("following"),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const userId = interaction.user.id;
    const { user, resumed } = ctx.db.transaction(() => {
      const user = getFollowUser(ctx.db, userId);
      saveFollowUser(ctx.db, { userId, locale: interaction.locale });
      return { user, resumed: resumeFollowUser(ctx.db, { userId }) };
    })();
    await interaction.reply(replyOptions(renderFollowing(followsOf(ctx.db, userId), user, resumed, lang)));
  },
} satisfies Command;
