import { ButtonStyle, ComponentType } from "discord.js";
import type { APIButtonComponentWithCustomId, APIEmbedField } from "discord.js";
import type { EntityMatch, EntityProfile, EntityRef, Lang, Story } from "../../db/types.ts";
import { joinList, md, pick, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, formatDay, inline, sourceLink } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { eventLine, markLegend } from "./lines.ts";
import { joinCapped, take } from "./lists.ts";
import { bothNames, kindLabel, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";
import { withWebLink } from "./web-link.ts";

/** Most buttons {@link renderWhoChoices} offers (one row). */
export const MAX_CHOICE_BUTTONS = 5;

function quotesField(profile: EntityProfile, lang: Lang): APIEmbedField | null {
  const s = t(lang);
  const lines = profile.quotes
    .map((q) => ({ text: pick(q.text, lang), event: q.event }))
    .filter((q) => q.text)
    .map((q) => `“${inline(q.text, 300)}”\n— *${formatDay(q.event.at, lang)} · ${inline(titleOf(q.event.title, lang), 120)}*`);
  if (lines.length === 0) return null;
  return { name: s.labels.quotes, value: joinCapped(lines, "\n\n", LIMITS.fieldValue, s.labels.andMore) };
}

function sourcesField(profile: EntityProfile, lang: Lang): APIEmbedField | null {
  const s = t(lang);
  if (profile.sources.length === 0) return null;
  const links = profile.sources.map((src) => sourceLink(src));
  return { name: s.labels.sources, value: joinCapped(links, "\n", LIMITS.fieldValue, s.labels.andMore) };
}

/**
 * /who: an entity's profile. Title: the name in both languages (the reader's first).
 * Description: kind and role, how many events mention them, and their part in the story as
 * dated events, oldest first (at most `eventLimit`, then "…and N more"). Fields: quotes
 * with the event each belongs to, and sources as links. A "Full timeline" button with the
 * caller's custom_id when more events mention them than are listed.
 */
export function renderWho(
  profile: EntityProfile,
  story: Story,
  lang: Lang,
  opts: { eventLimit: number; timelineCustomId?: string; webUrl?: string | null },
): Reply {
  const s = t(lang);
  const { entity } = profile;
  const role = pick(entity.role, lang);
  const events = [...profile.events].sort((a, b) => a.at - b.at);
  const { shown } = take(events, opts.eventLimit);
  const hidden = Math.max(0, profile.totalEvents - shown.length);
  const list =
    shown.length || hidden
      ? joinCapped(
          shown.map((e) => eventLine(e, lang)),
          "\n",
          3000,
          s.labels.andMore,
          hidden,
        )
      : s.who.noEvents;
  const legend = markLegend(shown, lang);
  const description = [
    `**${kindLabel(entity.kind, lang)}**${role ? ` · ${md(truncate(role, 600))}` : ""}`,
    s.who.mentions(profile.totalEvents),
    `**${s.who.part}**\n${list}`,
    legend,
  ].filter(Boolean);
  const fields = [quotesField(profile, lang), sourcesField(profile, lang)].filter((f): f is APIEmbedField => f !== null);
  const embed = {
    ...baseEmbed(story, lang),
    title: inline(bothNames(entity.name, lang, entity.key), LIMITS.title),
    description: description.join("\n\n"),
    fields,
  };
  const timeline: APIButtonComponentWithCustomId[] =
    opts.timelineCustomId && profile.totalEvents > shown.length
      ? [{ type: ComponentType.Button, style: ButtonStyle.Secondary, label: s.labels.fullTimeline, custom_id: opts.timelineCustomId }]
      : [];
  const reply = { embeds: [embed], components: timeline.length ? [{ type: ComponentType.ActionRow as const, components: timeline }] : [] };
  return fitMessage(withWebLink(reply, opts.webUrl, lang));
}

/**
 * /who with several matches: a short question and a button per match (best first, at most
 * {@link MAX_CHOICE_BUTTONS}); each button's custom_id comes from `customIdFor`. `more`:
 * the lookup found more than `matches` (its limit), so the count says "more than".
 */
export function renderWhoChoices(matches: EntityMatch[], story: Story, lang: Lang, customIdFor: (entityId: number) => string, more = false): Reply {
  const s = t(lang);
  const unique = matches.filter((m, i) => matches.findIndex((o) => o.entity.id === m.entity.id) === i);
  const { shown, hidden } = take(unique, MAX_CHOICE_BUTTONS);
  const buttons: APIButtonComponentWithCustomId[] = shown.map((m) => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: truncate(`${oneLineName(m.entity, lang)} (${kindLabel(m.entity.kind, lang)})`, LIMITS.buttonLabel),
    custom_id: customIdFor(m.entity.id),
  }));
  const lines = [more ? s.options.moreNames(unique.length) : s.who.choose(unique.length), `-# ${inline(storyTitle(story, lang), 200)}`];
  if (hidden > 0 && !more) lines.push(s.who.moreMatches(hidden));
  return fitMessage({
    content: lines.join("\n"),
    components: buttons.length ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  });
}

function oneLineName(ref: EntityRef, lang: Lang): string {
  return bothNames(ref.name, lang, ref.key).replace(/\s+/g, " ");
}

/**
 * /who found nobody: names what was typed and the story, lists the closest names (with
 * their other-language names) and suggests other spellings or /search. Ephemeral.
 */
export function renderNoMatch(typed: string, story: Story, suggestions: EntityRef[], lang: Lang): Reply {
  const s = t(lang);
  const lines = [s.who.noMatch(clip(typed, 100) || "…", clip(storyTitle(story, lang), 200))];
  const names = suggestions.slice(0, 5).map((e) => inline(oneLineName(e, lang), 120));
  const bold = names.map((n) => `**${n}**`);
  if (names.length) lines.push(`${s.who.closest} ${joinList(bold, lang)}`);
  lines.push(s.who.tryOther);
  return fitMessage({ content: lines.join("\n"), ephemeral: true });
}
