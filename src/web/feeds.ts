/**
 * A story's own feeds: Atom (`/s/<slug>/feed.xml`) and JSON Feed 1.1 (`/s/<slug>/feed.json`),
 * one entry per published event, the FEED_ENTRIES added last, newest first, each linking to
 * its permalink. Texts in the reader's language (`?lang=`, else Accept-Language).
 */
import { latestAddedEvents } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { summariesByEvent } from "../../db/pages.ts";
import type { Story } from "../../db/types.ts";
import { pick } from "../i18n/index.ts";
import { webStrings } from "../i18n/web.ts";
import { eventTitle, paths } from "./event-item.ts";
import { escapeHtml } from "./html.ts";
import { isoTime } from "./lang.ts";
import { absolute, type PageContext, withLang } from "./layout.ts";
import { storyTitle } from "./story-pages.ts";

/** Entries a feed carries: a window on the latest, as feeds are. */
export const FEED_ENTRIES = 100;

interface Entry {
  id: string;
  url: string;
  title: string;
  summary: string;
  added: string;
}

function entries(db: Db, story: Story, ctx: PageContext): Entry[] {
  const events = latestAddedEvents(db, story.id, FEED_ENTRIES);
  const summaries = summariesByEvent(
    db,
    events.map((e) => e.id),
  );
  return events.map((ev): Entry => {
    const url = absolute(ctx, withLang(paths.event(story.slug, ev.key), ctx.lang));
    const summary = summaries.get(ev.id);
    return {
      // Stable across languages and hosts: the same event is the same entry.
      id: `tag:storyline,2023:${story.slug}/${ev.key}`,
      url,
      title: eventTitle(ev, ctx.lang),
      summary: summary ? pick(summary, ctx.lang) : "",
      added: isoTime(ev.addedAt) || new Date(0).toISOString(),
    };
  });
}

export function atomFeed(db: Db, story: Story, ctx: PageContext): string {
  const list = entries(db, story, ctx);
  const x = escapeHtml;
  const home = absolute(ctx, withLang(paths.story(story.slug), ctx.lang));
  const self = absolute(ctx, withLang(`${paths.story(story.slug)}/feed.xml`, ctx.lang));
  const updated = list[0]?.added ?? new Date(0).toISOString();
  const items = list.map(
    (e) => `<entry>
<id>${x(e.id)}</id>
<title>${x(e.title)}</title>
<link rel="alternate" type="text/html" href="${x(e.url)}"/>
<updated>${e.added}</updated>
<published>${e.added}</published>
${e.summary ? `<summary>${x(e.summary)}</summary>\n` : ""}</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${ctx.lang === "zh" ? "zh-CN" : "en"}">
<id>tag:storyline,2023:${x(story.slug)}</id>
<title>${x(storyTitle(story)(ctx.lang))}</title>
<subtitle>${x(pick(story.summary, ctx.lang))}</subtitle>
<link rel="alternate" type="text/html" href="${x(home)}"/>
<link rel="self" type="application/atom+xml" href="${x(self)}"/>
<updated>${updated}</updated>
<author><name>${x(webStrings[ctx.lang].siteName)}</name></author>
<generator>${x(webStrings[ctx.lang].siteName)}</generator>
${items.join("\n")}
</feed>
`;
}

export function jsonFeed(db: Db, story: Story, ctx: PageContext): string {
  const list = entries(db, story, ctx);
  return `${JSON.stringify(
    {
      version: "https://jsonfeed.org/version/1.1",
      title: storyTitle(story)(ctx.lang),
      home_page_url: absolute(ctx, withLang(paths.story(story.slug), ctx.lang)),
      feed_url: absolute(ctx, withLang(`${paths.story(story.slug)}/feed.json`, ctx.lang)),
      description: pick(story.summary, ctx.lang),
      language: ctx.lang === "zh" ? "zh-CN" : "en",
      items: list.map((e) => ({ id: e.id, url: e.url, title: e.title, content_text: e.summary || e.title, date_published: e.added })),
    },
    null,
    2,
  )}\n`;
}
