/** The list of stories (`/`) and a story's page (`/s/<slug>`): summary, timeline picture, events by day. */
import { eventMarks, sourcesByEvent, summariesByEvent } from "../../db/pages.ts";
import { eventStanding, eventStandings } from "../../db/event-sources.ts";
import { latestEvents, timelinePage } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { listStories } from "../../db/stories.ts";
import type { EventSummary, Story } from "../../db/types.ts";
import { pick } from "../i18n/index.ts";
import { webStrings } from "../i18n/web.ts";
import { byDay, eventItem, eventTitle, paths } from "./event-item.ts";
import { html, type Html } from "./html.ts";
import { page, type PageContext, withLang } from "./layout.ts";
import { timelineSvg } from "./timeline-svg.ts";

/** Events on one web page of a story; a longer story has pages (`?page=2`). */
export const EVENTS_PER_PAGE = 200;
/** What one timelinePage call gives at most. */
const DB_PAGE = 100;

export function storyTitle(story: Story): (lang: "en" | "zh") => string {
  return (lang) => pick(story.title, lang) || story.slug;
}

export function homePage(db: Db, ctx: PageContext): string {
  const s = webStrings[ctx.lang];
  const stories = listStories(db);
  const items = stories.map(
    (st) =>
      html`<li><a href="${withLang(paths.story(st.slug), ctx.lang)}">${storyTitle(st)(ctx.lang)}</a> <span class="count">${s.eventCount(st.eventCount)}</span>
<p>${pick(st.summary, ctx.lang)}</p></li>`,
  );
  const body = html`<h1>${s.stories}</h1><p class="lead">${s.storiesIntro}</p>${stories.length ? html`<ul class="stories">${items}</ul>` : html`<p>${s.noStories}</p>`}`;
  return page(ctx, { title: s.siteName, description: s.storiesIntro, body });
}

/** Events of web page `n` (0-based), oldest first, and how many web pages there are. */
function eventsOfPage(db: Db, storyId: number, n: number): { events: EventSummary[]; pages: number; page: number } {
  const per = EVENTS_PER_PAGE / DB_PAGE;
  const first = timelinePage(db, storyId, { page: 0, pageSize: DB_PAGE });
  const pages = Math.max(1, Math.ceil(first.total / EVENTS_PER_PAGE));
  const pageNo = Math.min(Math.max(0, n), pages - 1);
  const events: EventSummary[] = [];
  for (let i = 0; i < per; i++) {
    const dbPage = pageNo * per + i;
    if (dbPage >= first.pageCount) break;
    events.push(...(dbPage === 0 ? first : timelinePage(db, storyId, { page: dbPage, pageSize: DB_PAGE })).events);
  }
  return { events, pages, page: pageNo };
}

export function storyHead(story: Story, ctx: PageContext, latest: EventSummary | undefined): { title: string; description: string } {
  const s = webStrings[ctx.lang];
  const title = storyTitle(story)(ctx.lang);
  // The card shows the latest development first: that is what someone sharing the link wants seen.
  const description = [latest ? s.latest(eventTitle(latest, ctx.lang)) : "", pick(story.summary, ctx.lang)].filter(Boolean).join(" — ");
  return { title, description: description || title };
}

export function feedLinks(story: Story, ctx: PageContext): { atom: string; json: string; title: string } {
  return { atom: `${paths.story(story.slug)}/feed.xml`, json: `${paths.story(story.slug)}/feed.json`, title: storyTitle(story)(ctx.lang) };
}

export function searchForm(story: Story, ctx: PageContext, value = ""): Html {
  const s = webStrings[ctx.lang];
  return html`<form class="search" method="get" action="${paths.search(story.slug)}" role="search">
<label for="q">${s.searchLabel}</label> <input id="q" name="q" type="search" value="${value}" placeholder="${s.searchPlaceholder}" maxlength="200">
<input type="hidden" name="lang" value="${ctx.lang}"> <button type="submit">${s.search}</button></form>`;
}

export function storyPage(db: Db, story: Story, ctx: PageContext, pageNo: number): string {
  const s = webStrings[ctx.lang];
  const { events, pages, page: shown } = eventsOfPage(db, story.id, pageNo);
  const ids = events.map((e) => e.id);
  const sources = sourcesByEvent(db, ids);
  const standings = eventStandings(db, ids);
  const summaries = summariesByEvent(db, ids);
  const [latest] = latestEvents(db, story.id, 1);
  const head = storyHead(story, ctx, latest);
  const feeds = feedLinks(story, ctx);
  const svg = timelineSvg(
    eventMarks(db, story.id),
    ctx.lang,
    (key) => withLang(paths.event(story.slug, key), ctx.lang),
    (id) => eventStanding(db, id),
  );
  const pageHref = (n: number) => withLang(`${paths.story(story.slug)}?page=${n + 1}`, ctx.lang);
  const nav =
    pages > 1
      ? html`<nav class="pages">${shown > 0 ? html`<a rel="prev" href="${pageHref(shown - 1)}">${s.previous}</a>` : ""} <span>${s.page(shown + 1, pages)}</span> ${shown < pages - 1 ? html`<a rel="next" href="${pageHref(shown + 1)}">${s.next}</a>` : ""}</nav>`
      : "";
  const body = html`<p class="crumbs"><a href="${withLang("/", ctx.lang)}">${s.allStories}</a></p>
<h1>${head.title}</h1>
<p class="lead">${pick(story.summary, ctx.lang)}</p>
<p class="count">${s.eventCount(story.eventCount)} · <a href="${feeds.atom}">${s.atom}</a> · <a href="${feeds.json}">${s.jsonFeed}</a></p>
${searchForm(story, ctx)}
${svg ? html`<figure class="timeline"><figcaption>${s.timeline}</figcaption>${svg}</figure>` : ""}
<h2 class="events-heading">${s.events}</h2>
${nav}
${byDay(events, ctx.lang, (ev) => eventItem(story.slug, ev, ctx.lang, { summary: summaries.get(ev.id), sources: sources.get(ev.id), standing: standings.get(ev.id) }))}
${nav}`;
  return page(ctx, { title: head.title, description: head.description, body, feeds, ogType: "article" });
}
