/**
 * The story a place reads (shared by every command), and the story option (`/story use
 * slug:`, `/feed add story:`): suggestions and the reading of a typed slug.
 */
import { BaseInteraction, PermissionFlagsBits, type Interaction } from "discord.js";
import { getGuildStorySlug } from "../../db/guilds.ts";
import type { Db } from "../../db/index.ts";
import { getStoryBySlug, listStories } from "../../db/stories.ts";
import type { Lang, Story } from "../../db/types.ts";
import { getUserStorySlug } from "../../db/user-stories.ts";
import { cleanText } from "../command-kit/options.ts";
import { t } from "../i18n/index.ts";
import { UserError, type BotContext } from "../context.ts";
import { storyChoices, type Choice } from "../render/index.ts";
import { storyNotFoundText, type Chooser } from "../render/stories.ts";

/**
 * Who chooses the story: a server Storyline is in, or (in DMs, group DMs and servers the bot
 * has not joined) the user themself.
 */
export type StoryPlace = { guildId: string } | { userId: string };

/**
 * Whether the interaction comes from a server the bot is in: its guild is in the client's
 * cache (GUILD_CREATE arrived). A user-installed command in a server without the bot has a
 * guild id and a member, but no cached guild.
 */
export function inServerWithBot(i: Interaction): boolean {
  return i.inCachedGuild();
}

/** Who chose the story an interaction reads, for the words of a reply ("this server follows" / "you read"). */
export function chooserOf(i: Interaction): Chooser {
  return inServerWithBot(i) ? "server" : "user";
}

/** The place whose choice of story an interaction reads. */
export function storyPlace(i: Interaction): StoryPlace {
  return i.inCachedGuild() ? { guildId: i.guildId } : { userId: i.user.id };
}

const placeOf = (where: Interaction | StoryPlace): StoryPlace => (where instanceof BaseInteraction ? storyPlace(where) : where);

/** The slug a place reads: the server's or the user's choice, else DEFAULT_STORY. */
export function activeSlug(ctx: BotContext, where: Interaction | StoryPlace): string {
  const place = placeOf(where);
  const chosen = "guildId" in place ? getGuildStorySlug(ctx.db, place.guildId) : getUserStorySlug(ctx.db, place.userId);
  return chosen || ctx.config.DEFAULT_STORY;
}

/** The story a place reads, or null if that story is not in the database. */
export function activeStory(ctx: BotContext, where: Interaction | StoryPlace): Story | null {
  return getStoryBySlug(ctx.db, activeSlug(ctx, where));
}

/** The story a place reads; a clear refusal when it is missing. */
export function requireStory(ctx: BotContext, where: Interaction | StoryPlace, lang: Lang): Story {
  const slug = activeSlug(ctx, where);
  const story = getStoryBySlug(ctx.db, slug);
  if (!story) throw new UserError(t(lang).errors.storyNotFound(slug));
  return story;
}

/**
 * Refuses unless the member has Manage Server here. Checked at run time on every use, since
 * a server can override a command's default permissions.
 */
export function requireManageGuild(interaction: Interaction, lang: Lang): void {
  if (!interaction.inGuild()) throw new UserError(t(lang).errors.guildOnly);
  if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) throw new UserError(t(lang).errors.needManageGuild);
}

/**
 * The story a story option names: its slug in any case, trimmed (what autocomplete sends is
 * the slug). Blank is nothing to look up; an unknown slug is refused with the ones there are.
 */
export function storyFromOption(db: Db, value: string, lang: Lang): Story {
  const slug = cleanText(value).trim();
  if (!slug) throw new UserError(t(lang).options.nothingStory);
  const story = getStoryBySlug(db, slug) ?? getStoryBySlug(db, slug.toLowerCase());
  if (story) return story;
  throw new UserError(storyNotFoundText(slug, listStories(db), lang));
}

/** Choices for a story option: stories whose slug or title (either language) contains what was typed, valued by slug. */
export function storyAutocomplete(db: Db, typed: string, lang: Lang): Choice[] {
  const q = cleanText(typed).trim().toLowerCase();
  const stories = listStories(db).filter((s) => !q || [s.slug, s.title.en ?? "", s.title.zh ?? ""].some((text) => text.toLowerCase().includes(q)));
  return storyChoices(stories, lang);
}
