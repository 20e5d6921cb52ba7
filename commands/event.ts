import { getEvent, getEventByKey, latestEvents, searchEventTitles } from "../db/events.ts";
import type { EventDetail, EventRef } from "../db/types.ts";
import type { BotContext, Command } from "../src/context.ts";
import { UserError } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { activeStory, requireStory } from "../src/resolvers/story.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { errorText, eventChoices, renderEvent, replyOptions } from "../src/render/index.ts";

const CHOICES = 25;
/** How many recent events the autocomplete also scans for a partly typed word. */
const SCAN = 100;

/**
 * Events for the autocomplete: full-text matches (whole words, both languages), then recent
 * events whose title or key contains what was typed, so a half-typed word ("emplo") finds
 * something too.
 */
function suggestions(ctx: BotContext, storyId: number, typed: string): EventRef[] {
  const hits = searchEventTitles(ctx.db, storyId, typed, CHOICES);
  const needle = typed.trim().toLowerCase();
  if (!needle || hits.length >= CHOICES) return hits;
  const seen = new Set(hits.map((e) => e.id));
  const partial = latestEvents(ctx.db, storyId, SCAN).filter(
    (e) => !seen.has(e.id) && [e.key, e.title.en ?? "", e.title.zh ?? ""].some((s) => s.toLowerCase().includes(needle)),
  );
  return [...hits, ...partial].slice(0, CHOICES);
}

/** The event an option value names: an id from the autocomplete, a key typed by hand, or one unambiguous title match. */
function findEvent(ctx: BotContext, storyId: number, value: string): EventDetail | null {
  const typed = value.trim();
  if (/^\d{1,15}$/.test(typed)) {
    const byId = getEvent(ctx.db, storyId, Number(typed));
    if (byId) return byId;
  }
  const byKey = getEventByKey(ctx.db, storyId, typed) ?? getEventByKey(ctx.db, storyId, typed.toLowerCase());
  if (byKey) return byKey;
  const titled = typed ? searchEventTitles(ctx.db, storyId, typed, 2) : [];
  return titled.length === 1 ? getEvent(ctx.db, storyId, titled[0]!.id) : null;
}

/** `/event id:`: one event in full, with its summary, who was involved, quotes and sources. */
export default {
  data: slash("event").addStringOption((o) => named(o, "event.id").setRequired(true).setAutocomplete(true).setMaxLength(100)),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const story = requireStory(ctx, interaction.guildId, lang);
    const value = interaction.options.getString("id", true);
    const event = findEvent(ctx, story.id, value);
    if (!event) throw new UserError(`${errorText("eventNotFound", lang, { id: value.trim() || "…" })}\n${t(lang).event.pickHint}`);
    await interaction.reply(replyOptions(renderEvent(event, story, lang)));
  },

  async autocomplete(interaction, ctx) {
    const story = activeStory(ctx, interaction.guildId);
    if (!story) return interaction.respond([]);
    const lang = langFromLocale(interaction.locale);
    await interaction.respond(eventChoices(suggestions(ctx, story.id, interaction.options.getFocused()), lang));
  },
} satisfies Command;
