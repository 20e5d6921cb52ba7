import type { APIEmbedField } from "discord.js";
import type { EventStanding, SourceDetail } from "../../db/event-sources.ts";
import type { EntityRef, EventDetail, EventRef, Lang, Story } from "../../db/types.ts";
import { code, listSeparator, md, pick, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, formatDay, formatWhen, importanceMark, inline, sourceLink } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { statusText } from "./status.ts";
import { baseEmbed } from "./theme.ts";
import { withWebLink } from "./web-link.ts";

/** Longest summary /event shows; the rest of the message needs room too. */
export const SUMMARY_MAX = 3000;

function namesField(name: string, entities: readonly EntityRef[], lang: Lang): APIEmbedField | null {
  if (entities.length === 0) return null;
  const names = entities.map((e) => inline(nameOf(e, lang), 100));
  return { name, value: joinCapped(names, listSeparator(lang), LIMITS.fieldValue, t(lang).labels.andMore), inline: true };
}

function quotesField(event: EventDetail, lang: Lang): APIEmbedField | null {
  const s = t(lang);
  const lines = event.quotes
    .map((q) => ({ text: pick(q.text, lang), by: q.by ? nameOf(q.by, lang) : s.labels.unknownSpeaker }))
    .filter((q) => q.text)
    .map((q) => `“${inline(q.text, 400)}”\n— **${inline(q.by, 100)}**`);
  if (lines.length === 0) return null;
  return { name: s.labels.quotes, value: joinCapped(lines, "\n\n", LIMITS.fieldValue, s.labels.andMore) };
}

/** A source with its language and date when known: "[Outlet](link) · en · Nov 17, 2023". */
function sourceLine(src: SourceDetail, lang: Lang): string {
  return [sourceLink(src, 300), src.language ? code(src.language) : null, src.publishedAt === null ? null : formatDay(src.publishedAt, lang)]
    .filter(Boolean)
    .join(" · ");
}

/**
 * /event: one event in full. Title with the importance marker; when it happened; the
 * summary; people, organisations and others involved; quotes with who said them; and every
 * source, linked when it has a URL, with its language and date (as many as fit, then "…and
 * N more"); its status (reported, corroborated…) with its number of outlets; with `webUrl`, a
 * "Read on the web" button to its page.
 */
export function renderEvent(
  event: EventDetail,
  story: Story,
  lang: Lang,
  extra: { standing?: EventStanding; sources?: readonly SourceDetail[]; webUrl?: string | null } = {},
): Reply {
  const s = t(lang);
  const summary = pick(event.summary, lang);
  const people = event.entities.filter((e) => e.kind === "person");
  const orgs = event.entities.filter((e) => e.kind === "organization");
  const others = event.entities.filter((e) => e.kind !== "person" && e.kind !== "organization");
  const sources = extra.sources ? extra.sources.map((src) => sourceLine(src, lang)) : event.sources.map((src) => sourceLink(src));
  const fields = [
    { name: s.labels.when, value: formatWhen(event.at, event.precision, lang, { relative: true }), inline: true },
    extra.standing ? { name: s.feeds.status.label, value: statusText(extra.standing, lang), inline: true } : null,
    namesField(s.labels.people, people, lang),
    namesField(s.labels.organizations, orgs, lang),
    namesField(s.labels.others, others, lang),
    quotesField(event, lang),
    sources.length ? { name: s.labels.sources, value: joinCapped(sources, "\n", LIMITS.fieldValue, s.labels.andMore) } : null,
  ].filter((f): f is APIEmbedField => f !== null);
  const title = `${importanceMark(event.importance)}${inline(titleOf(event.title, lang), LIMITS.title)}`;
  const embed = {
    ...baseEmbed(story, lang),
    title: truncate(title, LIMITS.title),
    ...(summary ? { description: md(truncate(summary, SUMMARY_MAX)) } : {}),
    fields,
  };
  return fitMessage(withWebLink({ embeds: [embed], components: [] }, extra.webUrl, lang));
}

/**
 * The answer to an event option that names several events: how many match what was typed
 * (truly: "more than" the limit when the limit was hit), then the first few with key, day and title.
 */
export function eventCandidatesText(
  typed: string,
  candidates: readonly EventRef[],
  opts: { more: boolean; limit: number; listed: number },
  lang: Lang,
): string {
  const s = t(lang);
  const shown = clip(typed, 100);
  const head = opts.more ? s.options.tooManyEvents(shown, opts.limit) : s.options.eventsMatch(shown, candidates.length);
  const lines = candidates.slice(0, opts.listed).map((e) => `- ${code(e.key)} · ${formatDay(e.at, lang)} · ${inline(titleOf(e.title, lang), 120)}`);
  const rest = candidates.length - opts.listed;
  if (rest > 0 && !opts.more) lines.push(s.labels.andMore(rest));
  return [head, ...lines].join("\n");
}
