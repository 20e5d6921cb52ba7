/** An event's permalink (`/s/<slug>/e/<key>`), a person's page (`/s/<slug>/p/<key>`) and a story's search. */
import { getEntityByKey, getEntityProfile } from "../../db/entities.ts";
import { eventStanding } from "../../db/event-sources.ts";
import { getEventByKey, searchEvents, timelinePlace } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { sourcesByEvent } from "../../db/pages.ts";
import type { Story } from "../../db/types.ts";
import { pick } from "../i18n/index.ts";
import { webStrings } from "../i18n/web.ts";
import { byDay, eventItem, eventTitle, metaLine, paths, peopleLine, personName, sourcesList } from "./event-item.ts";
import { html } from "./html.ts";
import { page, type PageContext, withLang } from "./layout.ts";
import { feedLinks, searchForm, storyTitle } from "./story-pages.ts";

/** Events a person's page lists at most (what one profile read gives). */
const PERSON_EVENTS = 100;
/** Search hits shown. */
const SEARCH_HITS = 50;

function crumbs(story: Story, ctx: PageContext) {
  return html`<p class="crumbs"><a href="${withLang(paths.story(story.slug), ctx.lang)}">${webStrings[ctx.lang].back(storyTitle(story)(ctx.lang))}</a></p>`;
}

/** The event's page, or null when the story has no published event with that key. */
export function eventPage(db: Db, story: Story, key: string, ctx: PageContext): string | null {
  const ev = getEventByKey(db, story.id, key);
  if (!ev) return null;
  const s = webStrings[ctx.lang];
  const title = eventTitle(ev, ctx.lang);
  const summary = pick(ev.summary, ctx.lang);
  const place = timelinePlace(db, story.id, ev.id);
  const quotes = ev.quotes
    .filter((q) => pick(q.text, ctx.lang))
    .map(
      (q) =>
        html`<blockquote class="quote"><p>${pick(q.text, ctx.lang)}</p><footer>— ${q.by ? html`<a href="${withLang(paths.person(story.slug, q.by.key), ctx.lang)}">${personName(q.by, ctx.lang)}</a>` : s.unknownSpeaker}</footer></blockquote>`,
    );
  const body = html`${crumbs(story, ctx)}
<article class="event full i${ev.importance}" data-key="${ev.key}">
<h1>${title}</h1>
${metaLine(ev, ctx.lang, eventStanding(db, ev.id))}
${place ? html`<p class="place">${s.eventOf(place.position, place.total)}</p>` : ""}
<p class="summary">${summary || s.noSummary}</p>
${peopleLine(story.slug, ev.entities, ctx.lang)}
${quotes.length ? html`<h2>${s.quotes}</h2>${quotes}` : ""}
${ev.sources.length ? html`<h2>${s.sources}</h2>${sourcesList(ev.sources)}` : ""}
</article>`;
  const description = `${storyTitle(story)(ctx.lang)} — ${summary || title}`;
  return page(ctx, { title, description, body, feeds: feedLinks(story, ctx), ogType: "article" });
}

/** A person's page: who they are, their events and quotes; null when the story has no such entity. */
export function personPage(db: Db, story: Story, key: string, ctx: PageContext): string | null {
  const entity = getEntityByKey(db, story.id, key);
  const profile = entity && getEntityProfile(db, story.id, entity.id, PERSON_EVENTS);
  if (!profile) return null;
  const s = webStrings[ctx.lang];
  const name = personName(profile.entity, ctx.lang);
  const role = pick(profile.entity.role, ctx.lang);
  const sources = sourcesByEvent(
    db,
    profile.events.map((e) => e.id),
  );
  const quotes = profile.quotes
    .filter((q) => pick(q.text, ctx.lang))
    .map(
      (q) =>
        html`<blockquote class="quote"><p>${pick(q.text, ctx.lang)}</p><footer>— <a href="${withLang(paths.event(story.slug, q.event.key), ctx.lang)}">${eventTitle(q.event, ctx.lang)}</a></footer></blockquote>`,
    );
  const shown = profile.events.length < profile.totalEvents ? html`<p>${s.personShown(profile.events.length, profile.totalEvents)}</p>` : "";
  const body = html`${crumbs(story, ctx)}
<h1 class="person">${name}</h1>
${role ? html`<p class="role">${s.role(role)}</p>` : ""}
<p class="count">${s.personEvents(profile.totalEvents)}</p>
${quotes.length ? html`<h2>${s.quotes}</h2>${quotes}` : ""}
<h2>${s.events}</h2>${shown}
${byDay(profile.events, ctx.lang, (ev) => eventItem(story.slug, ev, ctx.lang, { sources: sources.get(ev.id) }))}`;
  const description = [role, s.personEvents(profile.totalEvents), storyTitle(story)(ctx.lang)].filter(Boolean).join(" · ");
  return page(ctx, { title: `${name} — ${storyTitle(story)(ctx.lang)}`, description, body, feeds: feedLinks(story, ctx) });
}

/** The story's full-text search: the same search as the /search command. */
export function searchPage(db: Db, story: Story, query: string, ctx: PageContext): string {
  const s = webStrings[ctx.lang];
  const typed = query.trim().slice(0, 200);
  const result = typed ? searchEvents(db, story.id, typed, SEARCH_HITS) : null;
  const events = result?.hits.map((h) => h.event) ?? [];
  const summaries = new Map(result?.hits.map((h) => [h.event.id, h.summary]) ?? []);
  const body = html`${crumbs(story, ctx)}
<h1>${s.search} — ${storyTitle(story)(ctx.lang)}</h1>
${searchForm(story, ctx, typed)}
<p class="results">${result ? s.searchResults(result.total, result.capped, typed) : s.searchEmpty}</p>
${byDay(events, ctx.lang, (ev) => eventItem(story.slug, ev, ctx.lang, { summary: summaries.get(ev.id) }))}`;
  return page(ctx, {
    title: `${s.search} — ${storyTitle(story)(ctx.lang)}`,
    description: typed ? s.searchResults(result!.total, result!.capped, typed) : s.searchEmpty,
    body,
  });
}

/** The page for an address that names nothing, in the reader's language. */
export function notFoundPage(ctx: PageContext): string {
  const s = webStrings[ctx.lang];
  return page(ctx, {
    title: s.notFoundTitle,
    description: s.notFound,
    body: html`<h1>${s.notFoundTitle}</h1><p>${s.notFound}</p><p><a href="${withLang("/", ctx.lang)}">${s.allStories}</a></p>`,
  });
}

/** The page shown when rendering failed: no detail of why (that goes to the log). */
export function errorPage(ctx: PageContext): string {
  const s = webStrings[ctx.lang];
  return page(ctx, { title: s.errorTitle, description: s.error, body: html`<h1>${s.errorTitle}</h1><p>${s.error}</p>` });
}
