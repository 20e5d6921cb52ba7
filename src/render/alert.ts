/**
 * An alert: one published event, posted in an alert channel (content: the role mention and
 * the headline, so a notification says what happened; embed: when, importance, status,
 * people, sources, a link to its page, and the delivery ref in the footer). Pure.
 */
import type { APIEmbedField } from "discord.js";
import type { EventStanding } from "../../db/event-sources.ts";
import type { EventDetail, Lang, Story } from "../../db/types.ts";
import { listSeparator, pick, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, formatWhen, importanceMark, inline } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { statusText } from "./status.ts";
import { baseEmbed, storyTitle } from "./theme.ts";
import { withWebLink } from "./web-link.ts";

/** Longest summary an alert shows: the event's page and /event have the rest. */
const SUMMARY_MAX = 600;
/** Longest headline in the message text. */
const HEADLINE_MAX = 200;

export interface AlertView {
  event: EventDetail;
  story: Story;
  standing: EventStanding;
  /** How many sources the event has. */
  sources: number;
  /** Mentioned in the text, and the only mention allowed. */
  roleId: string | null;
  /** The outbox marker, printed in the footer. */
  marker: string;
  /** The event's page on PUBLIC_URL, or null. */
  webUrl: string | null;
}

/** Mentions only `roleId` (nothing at all without one), whatever the stored text says. */
export type AlertMentions = { parse: []; roles: [string] } | { parse: [] };

export function alertMentions(roleId: string | null): AlertMentions {
  return roleId ? { parse: [], roles: [roleId] } : { parse: [] };
}

/** The alert message for `view` in `lang`. */
export function renderAlert(view: AlertView, lang: Lang): Reply {
  const s = t(lang);
  const { event, story, standing } = view;
  const title = titleOf(event.title, lang);
  const names = event.entities.filter((e) => e.kind === "person" || e.kind === "organization").map((e) => inline(nameOf(e, lang), 100));
  const fields: APIEmbedField[] = [
    { name: s.labels.when, value: formatWhen(event.at, event.precision, lang, { relative: true }), inline: true },
    { name: s.alerts.importance, value: `${importanceMark(event.importance)}${event.importance}/5`, inline: true },
    { name: s.feeds.status.label, value: statusText(standing, lang), inline: true },
    { name: s.labels.sources, value: s.alerts.sources(view.sources), inline: true },
  ];
  if (names.length) fields.push({ name: s.labels.people, value: joinCapped(names, listSeparator(lang), LIMITS.fieldValue, s.labels.andMore) });
  const summary = pick(event.summary, lang);
  const ref = s.delivery.ref(view.marker);
  const embed = {
    ...baseEmbed(story, lang),
    title: truncate(`${importanceMark(event.importance)}${inline(title, LIMITS.title)}`, LIMITS.title),
    ...(view.webUrl ? { url: view.webUrl } : {}),
    ...(summary ? { description: inline(summary, SUMMARY_MAX) } : {}),
    fields,
    // The ref must survive any cut: the story title gives way first.
    footer: { text: `${truncate(storyTitle(story, lang), LIMITS.footer - ref.length - 3)} · ${ref}` },
  };
  const headline = s.alerts.headline(clip(title, HEADLINE_MAX));
  const content = view.roleId ? `<@&${view.roleId}> ${headline}` : headline;
  return fitMessage(withWebLink({ content, embeds: [embed], components: [] }, view.webUrl, lang));
}
