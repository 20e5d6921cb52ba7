import { catchupMark, markCaughtUp, peopleAddedBetween, statusChangesBetween } from "../db/catchup.ts";
import { eventStandings } from "../db/event-sources.ts";
import { eventsAddedBetween } from "../db/events.ts";
import type { Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { dayOption } from "../src/command-kit/dates.ts";
import { optionText } from "../src/command-kit/options.ts";
import { requireStory } from "../src/resolvers/story.ts";
import { langFromLocale } from "../src/i18n/index.ts";
import { replyOptions } from "../src/render/index.ts";
import { renderCatchup, type CatchupFrom } from "../src/render/catchup.ts";
import { parseDay } from "../src/story/dates.ts";

const DAY = 24 * 60 * 60 * 1000;
/** The first catch-up looks back a day; a mark older than a week is read as a week ago. */
const FIRST_LOOK_BACK = DAY;
const MAX_LOOK_BACK = 7 * DAY;

/**
 * `/catchup [since]`: what the server's story gained since this user last caught up on it —
 * new events, changed statuses, new people — only for them. Reading it moves their mark to
 * now; `since:` looks back from a date (as far as wanted) and leaves the mark where it was.
 */
export default {
  scope: "anywhere",
  data: slash("catchup").addStringOption((o) => named(o, "catchup.since").setMaxLength(30)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction, lang);
    const since = dayOption(optionText(interaction, "since"), lang);
    const now = ctx.now();
    const where = { userId: interaction.user.id, storyId: story.id };
    const mark = since === null ? catchupMark(ctx.db, where) : null;
    const from: CatchupFrom =
      since !== null
        ? { kind: "asked", at: parseDay(since)!.start }
        : mark === null
          ? { kind: "first", at: now - FIRST_LOOK_BACK }
          : { kind: "mark", at: Math.max(mark, now - MAX_LOOK_BACK) };
    const events = eventsAddedBetween(ctx.db, story.id, from.at, now);
    const changes = statusChangesBetween(ctx.db, story.id, from.at, now);
    const people = peopleAddedBetween(ctx.db, story.id, from.at, now);
    const standings = eventStandings(ctx.db, [...events.map((e) => e.id), ...changes.map((c) => c.eventId)]);
    await interaction.reply(replyOptions(renderCatchup({ from, events, changes, people, standings }, story, lang)));
    if (since === null) markCaughtUp(ctx.db, { ...where, readAt: now });
  },
} satisfies Command;
