import { eventStandings } from "../db/event-sources.ts";
import { getEntity } from "../db/entities.ts";
import { timelinePage } from "../db/events.ts";
import { getStoryById } from "../db/stories.ts";
import type { Lang, Story } from "../db/types.ts";
import type { BotContext, Command } from "../src/context.ts";
import { UserError } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { parseTimelineArgs, timelineCustomId, TIMELINE_PREFIX, type TimelineState } from "../src/custom-ids.ts";
import { dayOption } from "../src/command-kit/dates.ts";
import { focusedText, optionText } from "../src/command-kit/options.ts";
import { entityAutocomplete, refuseBlank, resolveEntity } from "../src/resolvers/entity.ts";
import { activeStory, requireStory } from "../src/resolvers/story.ts";
import { langFromLocale, pickOr, t } from "../src/i18n/index.ts";
import { editOptions, errorText, formatDay, renderNoMatch, renderTimeline, renderWhoChoices, replyOptions, type Reply } from "../src/render/index.ts";
import { webAddress, webPaths } from "../src/render/web-link.ts";
import { parseDay } from "../src/story/dates.ts";

/** Events per page. */
const PAGE_SIZE = 8;

/** "Ilya Sutskever · Nov 17, 2023 – Nov 20, 2023": what the page is filtered by, for its title. */
function filterLabel(entityName: string | null, from: string | null, to: string | null, lang: Lang): string | undefined {
  const s = t(lang).timeline;
  const day = (d: string) => formatDay(parseDay(d)!.start, lang);
  const dates = from && to ? (from === to ? day(from) : s.range(day(from), day(to))) : from ? s.since(day(from)) : to ? s.until(day(to)) : null;
  return [entityName, dates].filter(Boolean).join(" · ") || undefined;
}

/** The page `state` asks for, with Previous/Next buttons carrying the neighbouring pages; null if the entity is not in the story. */
function view(ctx: BotContext, story: Story, state: TimelineState, lang: Lang): Reply | null {
  const entity = state.entityId === null ? null : getEntity(ctx.db, story.id, state.entityId);
  if (state.entityId !== null && !entity) return null;
  const page = timelinePage(ctx.db, story.id, {
    entityId: state.entityId ?? undefined,
    from: state.from ? parseDay(state.from)!.start : undefined,
    to: state.to ? parseDay(state.to)!.end : undefined,
    page: state.page - 1,
    pageSize: PAGE_SIZE,
  });
  const to = (p: number) => timelineCustomId({ ...state, storyId: story.id, page: p + 1, fresh: false });
  return renderTimeline(page, story, lang, {
    filterLabel: filterLabel(entity && pickOr(entity.name, lang, entity.key), state.from, state.to, lang),
    prevId: page.page > 0 ? to(page.page - 1) : null,
    nextId: page.page < page.pageCount - 1 ? to(page.page + 1) : null,
    webUrl: webAddress(ctx.config.PUBLIC_URL, entity ? webPaths.person(story.slug, entity.key) : webPaths.story(story.slug), lang),
    standings: eventStandings(
      ctx.db,
      page.events.map((e) => e.id),
    ),
  });
}

/**
 * `/timeline [who] [from] [to]`: the story's events in order, a page at a time, with
 * Previous/Next buttons whose custom_ids carry the whole view (see src/custom-ids.ts).
 * A `who` name is read as every entity option reads it (src/resolvers/entity.ts); one that
 * matches several people asks which, with a button per timeline.
 */
export default {
  scope: "anywhere",
  data: slash("timeline")
    .addStringOption((o) => named(o, "timeline.who").setAutocomplete(true).setMaxLength(100))
    .addStringOption((o) => named(o, "timeline.from").setMaxLength(30))
    .addStringOption((o) => named(o, "timeline.to").setMaxLength(30)),
  prefix: TIMELINE_PREFIX,

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    const from = dayOption(optionText(interaction, "from"), lang);
    const to = dayOption(optionText(interaction, "to"), lang);
    if (from && to && from > to) throw new UserError(errorText("badRange", lang));
    const state: TimelineState = { storyId: story.id, entityId: null, from, to, page: 1 };
    const who = optionText(interaction, "who");
    if (who !== null) {
      const found = refuseBlank(resolveEntity(ctx.db, story.id, who), who, lang);
      if (found.kind === "none") return interaction.reply(replyOptions(renderNoMatch(who, story, found.suggestions, lang)));
      if (found.kind === "many") {
        const choices = renderWhoChoices(found.matches, story, lang, (entityId) => timelineCustomId({ ...state, entityId }), found.more);
        return interaction.reply(replyOptions(choices));
      }
      state.entityId = found.entity.id;
    }
    await interaction.reply(replyOptions(view(ctx, story, state, lang) ?? renderNoMatch(who ?? "", story, [], lang)));
  },

  async autocomplete(interaction, ctx) {
    const story = activeStory(ctx, interaction);
    const focused = focusedText(interaction);
    if (!story || focused.name !== "who") return interaction.respond([]);
    await interaction.respond(entityAutocomplete(ctx.db, story.id, focused.value, langFromLocale(interaction.locale)));
  },

  /**
   * Previous/Next (and who-choice) buttons update the message they are on; the /who "Full
   * timeline" button (`…:n`) opens the timeline as a new message only the clicker sees, so a
   * public profile stays as it was.
   */
  async button(interaction, ctx, args) {
    const lang = langFromLocale(interaction.locale);
    const state = parseTimelineArgs(args);
    const story = state && getStoryById(ctx.db, state.storyId);
    const reply = state && story ? view(ctx, story, state, lang) : null;
    if (!state || !reply) throw new UserError(t(lang).errors.expired);
    if (state.fresh) await interaction.reply(replyOptions({ ...reply, ephemeral: true }));
    else await interaction.update(editOptions(reply));
  },
} satisfies Command;
