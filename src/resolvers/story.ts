/**
 * The story a server follows (shared by every command), and the story option (`/story use
 * slug:`, `/feed add story:`): suggestions and the reading of a typed slug.
 */
import { PermissionFlagsBits, type Interaction } from "discord.js";
import { getGuildStorySlug } from "../../db/guilds.ts";
import type { Db } from "../../db/index.ts";
import { getStoryBySlug, listStories } from "../../db/stories.ts";
import type { Lang, Story } from "../../db/types.ts";
import { cleanText } from "../command-kit/options.ts";
import { t } from "../i18n/index.ts";
import { UserError, type BotContext } from "../context.ts";
import { storyChoices, type Choice } from "../render/index.ts";
import { storyNotFoundText } from "../render/stories.ts";

/** The slug a server follows: its own choice, else DEFAULT_STORY (also in DMs). */
export function activeSlug(ctx: BotContext, guildId: string | null): string {
  return (guildId && getGuildStorySlug(ctx.db, guildId)) || ctx.config.DEFAULT_STORY;
}

/** The story a server follows, or null if that story is not in the database. */
export function activeStory(ctx: BotContext, guildId: string | null): Story | null {
  return getStoryBySlug(ctx.db, activeSlug(ctx, guildId));
}

/** The story a server follows; a clear refusal when it is missing. */
export function requireStory(ctx: BotContext, guildId: string | null, lang: Lang): Story {
  const slug = activeSlug(ctx, guildId);
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
