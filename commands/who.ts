import { getEntityProfile } from "../db/entities.ts";
import { getStoryById } from "../db/stories.ts";
import type { Lang, Story } from "../db/types.ts";
import type { BotContext, Command } from "../src/context.ts";
import { UserError } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { parseWhoArgs, timelineCustomId, whoCustomId, WHO_PREFIX } from "../src/custom-ids.ts";
import { focusedText, requiredText } from "../src/command-kit/options.ts";
import { entityAutocomplete, refuseBlank, resolveEntity } from "../src/resolvers/entity.ts";
import { activeStory, requireStory } from "../src/resolvers/story.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { editOptions, renderNoMatch, renderWho, renderWhoChoices, replyOptions, type Reply } from "../src/render/index.ts";
import { webAddress, webPaths } from "../src/render/web-link.ts";

/** Events a profile lists before "…and N more" and the Full timeline button. */
const PROFILE_EVENTS = 10;

/** An entity's profile with a "Full timeline" button opening /timeline for them; null if not in the story. */
function profile(ctx: BotContext, story: Story, entityId: number, lang: Lang): Reply | null {
  const found = getEntityProfile(ctx.db, story.id, entityId, PROFILE_EVENTS);
  if (!found) return null;
  const timelineId = timelineCustomId({ storyId: story.id, entityId, from: null, to: null, page: 1, fresh: true });
  const webUrl = webAddress(ctx.config.PUBLIC_URL, webPaths.person(story.slug, found.entity.key), lang);
  return renderWho(found, story, lang, { eventLimit: PROFILE_EVENTS, timelineCustomId: timelineId, webUrl });
}

/**
 * `/who name:`: a person or organisation by any name or alias. One clear match shows their
 * profile; several equally good ones (`amodei`) ask which, with a button each; none answers
 * privately with the closest names. The name is read as every entity option reads it
 * (src/resolvers/entity.ts); autocomplete sends entity ids.
 */
export default {
  scope: "anywhere",
  data: slash("who").addStringOption((o) => named(o, "who.name").setRequired(true).setAutocomplete(true).setMaxLength(100)),
  prefix: WHO_PREFIX,

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    const typed = requiredText(interaction, "name");
    const found = refuseBlank(resolveEntity(ctx.db, story.id, typed), typed, lang);
    let reply: Reply | null;
    if (found.kind === "one") reply = profile(ctx, story, found.entity.id, lang);
    else if (found.kind === "many")
      reply = renderWhoChoices(found.matches, story, lang, (entityId) => whoCustomId({ storyId: story.id, entityId }), found.more);
    else reply = renderNoMatch(typed, story, found.suggestions, lang);
    await interaction.reply(replyOptions(reply ?? renderNoMatch(typed, story, [], lang)));
  },

  async autocomplete(interaction, ctx) {
    const story = activeStory(ctx, interaction);
    const typed = focusedText(interaction).value;
    await interaction.respond(story ? entityAutocomplete(ctx.db, story.id, typed, langFromLocale(interaction.locale)) : []);
  },

  /** A choice button (`who:<storyId>:<entityId>`): the chosen profile replaces the question. */
  async button(interaction, ctx, args) {
    const lang = langFromLocale(interaction.locale);
    const ids = parseWhoArgs(args);
    const story = ids && getStoryById(ctx.db, ids.storyId);
    const reply = ids && story ? profile(ctx, story, ids.entityId, lang) : null;
    if (!reply) throw new UserError(t(lang).errors.expired);
    await interaction.update(editOptions(reply));
  },
} satisfies Command;
