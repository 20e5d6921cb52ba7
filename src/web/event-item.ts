/** One event as the pages list it: title (its permalink), when, importance, summary, people, sources. */
import type { EventStanding } from "../../db/event-sources.ts";
import type { EntityRef, EventSummary, Lang, Localized, Source } from "../../db/types.ts";
import { listSeparator, pick, t } from "../i18n/index.ts";
import { STATUS_MARKS } from "../render/status.ts";
import { webPaths } from "../render/web-link.ts";
import { webStrings } from "../i18n/web.ts";
import { html, type Html, linkTarget } from "./html.ts";
import { isoDay, isoTime, whenText } from "./lang.ts";
import { withLang } from "./layout.ts";

/** Site paths of a story's pages (shared with the link buttons of replies). */
export const paths = webPaths;

export function eventTitle(ev: { title: Localized; key: string }, lang: Lang): string {
  return pick(ev.title, lang) || ev.key;
}

export function personName(e: EntityRef, lang: Lang): string {
  return pick(e.name, lang) || e.key;
}

/** A source: a link when its URL is http(s), its name as text otherwise. */
export function sourceHtml(src: Source): Html {
  const href = linkTarget(src.url);
  const name = src.name.trim() || src.url || "—";
  return href ? html`<a href="${href}" rel="nofollow noopener noreferrer" class="source">${name}</a>` : html`<span class="source">${name}</span>`;
}

/** How well an event is attested: its mark, status and number of outlets, then the editor's note. */
function statusBadge(standing: EventStanding | undefined, lang: Lang): Html | string {
  if (!standing) return "";
  const st = t(lang).feeds.status;
  const note = standing.note ? html` <span class="note">${standing.note}</span>` : "";
  return html` · <span class="status st-${standing.status}">${STATUS_MARKS[standing.status]} ${st.names[standing.status]} · ${st.outlets(standing.outlets)}</span>${note}`;
}

/** When it happened, its importance and its status (reported, corroborated…), in one line. */
export function metaLine(ev: Pick<EventSummary, "at" | "precision" | "importance">, lang: Lang, standing?: EventStanding): Html {
  const s = webStrings[lang];
  return html`<p class="meta"><time datetime="${isoTime(ev.at)}">${whenText(ev.at, ev.precision, lang)}</time> · <span class="importance i${ev.importance}">${s.importance(ev.importance)}</span>${statusBadge(standing, lang)}</p>`;
}

export function peopleLine(slug: string, entities: readonly EntityRef[], lang: Lang): Html | null {
  if (!entities.length) return null;
  const s = webStrings[lang];
  const links = entities.map((e, i) => html`${i ? listSeparator(lang) : ""}<a href="${withLang(paths.person(slug, e.key), lang)}">${personName(e, lang)}</a>`);
  return html`<p class="people">${s.peopleLead}${links}</p>`;
}

export function sourcesList(sources: readonly Source[] | undefined): Html | null {
  if (!sources?.length) return null;
  return html`<ul class="sources">${sources.map((src) => html`<li>${sourceHtml(src)}</li>`)}</ul>`;
}

export function eventItem(
  slug: string,
  ev: EventSummary,
  lang: Lang,
  extra: { summary?: Localized; sources?: readonly Source[]; standing?: EventStanding },
): Html {
  const summary = extra.summary ? pick(extra.summary, lang) : "";
  return html`<article class="event i${ev.importance}" id="e-${ev.key}" data-key="${ev.key}">
<h3><a href="${withLang(paths.event(slug, ev.key), lang)}">${eventTitle(ev, lang)}</a></h3>
${metaLine(ev, lang, extra.standing)}
${summary ? html`<p class="summary">${summary}</p>` : ""}
${peopleLine(slug, ev.entities, lang)}
${sourcesList(extra.sources)}
</article>`;
}

/** Events grouped under a heading per UTC day, in the order given. */
export function byDay(events: readonly EventSummary[], lang: Lang, item: (ev: EventSummary) => Html): Html {
  const days: { day: string; at: number; items: Html[] }[] = [];
  for (const ev of events) {
    const day = isoDay(ev.at);
    const last = days.at(-1);
    if (last?.day === day) last.items.push(item(ev));
    else days.push({ day, at: ev.at, items: [item(ev)] });
  }
  return html`${days.map(
    (d) => html`<section class="day" id="d-${d.day}"><h2><time datetime="${d.day}">${whenText(d.at, "date", lang)}</time></h2>
${d.items}</section>`,
  )}`;
}
