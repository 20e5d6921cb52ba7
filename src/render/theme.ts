import type { APIEmbed, APIEmbedFooter } from "discord.js";
import type { Lang, Story } from "../../db/types.ts";
import { pickOr, t } from "../i18n/index.ts";
import { LIMITS, truncate } from "./limits.ts";

/** Colours stories are given; readable on Discord's light and dark themes. */
export const PALETTE = [0x5865f2, 0xe67e22, 0x1abc9c, 0xe91e63, 0x3498db, 0x9b59b6, 0x2ecc71, 0xf1c40f, 0xe74c3c, 0x11806a, 0xa84300, 0x206694] as const;

/** The colour of embeds that belong to no story (help without one, notices). */
export const NEUTRAL_COLOR = 0x5865f2;

/** FNV-1a, 32-bit: a small stable hash so a slug always gets the same colour. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The colour of a story's embeds, derived from its slug (same slug, same colour). */
export function storyColor(slug: string): number {
  return PALETTE[fnv1a(slug) % PALETTE.length] ?? NEUTRAL_COLOR;
}

/** A story's title in `lang`, for footers and headings. Not escaped. */
export function storyTitle(story: Story, lang: Lang): string {
  return pickOr(story.title, lang, story.slug);
}

/** The footer of a story's embeds: its title in the reader's language. */
export function storyFooter(story: Story, lang: Lang): APIEmbedFooter {
  return { text: truncate(storyTitle(story, lang), LIMITS.footer) };
}

/** An embed with the story's colour and footer (or the neutral colour and brand without one). */
export function baseEmbed(story: Story | null, lang: Lang): APIEmbed {
  if (!story) return { color: NEUTRAL_COLOR, footer: { text: t(lang).brand } };
  return { color: storyColor(story.slug), footer: storyFooter(story, lang) };
}
