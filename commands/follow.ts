import { latestPublicationSeq } from "../db/publications.ts";
import { resumeFollowUser, saveFollow, saveFollowUser } from "../db/follows.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { followAutocomplete, followEntity, followStory } from "../src/command-kit/follow-options.ts";
import { optionText } from "../src/command-kit/options.ts";
import { FOLLOW_BUNDLE_MS, FOLLOW_DMS_PER_HOUR } from "../src/courier/follows-limits.ts";
import { langFromLocale, pickOr, t } from "../src/i18n/index.ts";
import { replyOptions } from "../src/render/index.ts";
import { renderFollowNote } from "../src/render/follows.ts";
import { nameOf } from "../src/render/names.ts";

/**
 * `/follow [who:] [story:]`: a DM whenever an event naming that person is published in the
 * story (`who:`), or, with no `who:`, each of the story's major developments (importance 4–5);
 * the story is `story:` or the one followed where the command runs. Counts what is published
 * from now on. Running it also resumes follow DMs that Discord's refusal had paused.
 */
export default {
  scope: "anywhere",
  data: slash("follow")
    .addStringOption((o) => named(o, "follow.who").setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => named(o, "follow.story").setAutocomplete(true).setMaxLength(100)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const s = t(lang).follows;
    const story = followStory(ctx, interaction, lang);
    const who = optionText(interaction, "who");
    const entity = who === null ? null : followEntity(ctx, story, who, lang);
    const userId = interaction.user.id;
    const { added, resumed } = ctx.db.transaction(() => {
      saveFollowUser(ctx.db, { userId, locale: interaction.locale });
      const resumed = resumeFollowUser(ctx.db, { userId });
      const added = saveFollow(ctx.db, { userId, storyId: story.id, entityId: entity?.id ?? null, sinceSeq: latestPublicationSeq(ctx.db), now: ctx.now() });
      return { added, resumed };
    })();
    const title = pickOr(story.title, lang, story.slug);
    const head = entity ? (added ? s.followedPerson : s.alreadyPerson)(nameOf(entity, lang), title) : (added ? s.followedStory : s.alreadyStory)(title);
    const rules = s.howItWorks(Math.round(FOLLOW_BUNDLE_MS / 60_000), FOLLOW_DMS_PER_HOUR);
    await interaction.reply(replyOptions(renderFollowNote([head, rules, resumed ? s.resumed : ""])));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(followAutocomplete(ctx, interaction, langFromLocale(interaction.locale)));
  },
} satisfies Command;
