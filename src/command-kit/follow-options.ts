/**
 * The options /follow and /unfollow share: `story:` (the story option, else the story followed
 * where the command runs) and `who:` (a person or organisation, read as /who reads names), with
 * their autocomplete; /unfollow's offers only what the user follows.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction } from "discord.js";
import { followsOf, type Follow } from "../../db/follows.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import type { EntityRef, Lang, Story } from "../../db/types.ts";
import { type BotContext, UserError } from "../context.ts";
import { t } from "../i18n/index.ts";
import { entityChoices, type Choice } from "../render/index.ts";
import { followNames } from "../render/follows.ts";
import { entityAutocomplete, refuseBlank, resolveEntity } from "../resolvers/entity.ts";
import { activeStory, requireStory, storyAutocomplete, storyFromOption } from "../resolvers/story.ts";
import { cleanText, focusedText, optionText } from "./options.ts";

/** The story of the command: its `story:` option, else the one followed where it runs. */
export function followStory(ctx: BotContext, interaction: ChatInputCommandInteraction, lang: Lang): Story {
  const typed = optionText(interaction, "story");
  return typed !== null ? storyFromOption(ctx.db, typed, lang) : requireStory(ctx, interaction, lang);
}

/** The one entity `typed` names in `story`; several or none are refused with the names to pick from. */
export function followEntity(ctx: BotContext, story: Story, typed: string, lang: Lang): EntityRef {
  const found = refuseBlank(resolveEntity(ctx.db, story.id, typed), typed, lang);
  const s = t(lang).follows;
  if (found.kind === "one") return found.entity;
  if (found.kind === "many")
    throw new UserError(
      s.choose(
        followNames(
          found.matches.map((m) => m.entity),
          lang,
        ),
      ),
    );
  const title = story.title[lang] ?? story.title.en ?? story.slug;
  throw new UserError([s.nobody(typed, title), found.suggestions.length ? s.closest(followNames(found.suggestions, lang)) : ""].filter(Boolean).join("\n"));
}

/** The story an autocomplete is about: what its `story:` option holds if that is a story, else the one followed there. */
function storyBeingTyped(ctx: BotContext, interaction: AutocompleteInteraction): Story | null {
  const typed = interaction.options.getString("story");
  const slug = typed === null ? "" : cleanText(typed).trim();
  return (slug && (getStoryBySlug(ctx.db, slug) ?? getStoryBySlug(ctx.db, slug.toLowerCase()))) || activeStory(ctx, interaction);
}

/** /follow's autocomplete: names of the story (as /who offers them), or stories. */
export function followAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction, lang: Lang): Choice[] {
  const focused = focusedText(interaction);
  if (focused.name === "story") return storyAutocomplete(ctx.db, focused.value, lang);
  const story = storyBeingTyped(ctx, interaction);
  return story ? entityAutocomplete(ctx.db, story.id, focused.value, lang) : [];
}

/** /unfollow's autocomplete: the people and stories the user follows (people valued by entity id). */
export function unfollowAutocomplete(ctx: BotContext, interaction: AutocompleteInteraction, lang: Lang): Choice[] {
  const focused = focusedText(interaction);
  const mine = followsOf(ctx.db, interaction.user.id);
  if (focused.name === "story") {
    const slugs = new Set(mine.map((f) => f.story.slug));
    return storyAutocomplete(ctx.db, focused.value, lang).filter((c) => slugs.has(c.value));
  }
  const typed = focused.value.trim().toLowerCase();
  const people = mine.flatMap((f) => (f.entity ? [f.entity] : []));
  const shown = people.filter((e) => !typed || [e.key, e.name.en ?? "", e.name.zh ?? ""].some((n) => n.toLowerCase().includes(typed)));
  return entityChoices(shown, lang, (e) => String(e.id));
}

/** A followed person `typed` names: an entity id from autocomplete, else a name read in `story`. */
export function followedEntity(ctx: BotContext, mine: readonly Follow[], story: Story, typed: string, lang: Lang): { storyId: number; entity: EntityRef } {
  const id = /^\d{1,15}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const byId = id === null ? undefined : mine.find((f) => f.entity?.id === id);
  if (byId?.entity) return { storyId: byId.story.id, entity: byId.entity };
  return { storyId: story.id, entity: followEntity(ctx, story, typed, lang) };
}
