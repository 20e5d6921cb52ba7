import { PermissionFlagsBits, type Interaction } from "discord.js";
import { getGuildStorySlug } from "../../db/guilds.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import type { Lang, Story } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { UserError, type BotContext } from "../context.ts";

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
