/**
 * The story pages as a Hono app over a read-only database handle: routes, language,
 * security headers (a strict Content-Security-Policy: no script at all), ETags and 404s.
 * Every page is rendered on the server from escaped parts (html.ts); an error is logged
 * and answered with a plain page, never a stack trace.
 */
import { readFileSync } from "node:fs";
import { Hono, type Context } from "hono";
import { dataStamp } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import type { Story } from "../../db/types.ts";
import type { Logger } from "../log.ts";
import { etagOf, matches, PageCache } from "./cache.ts";
import { errorPage, eventPage, notFoundPage, personPage, searchPage } from "./detail-pages.ts";
import { atomFeed, jsonFeed } from "./feeds.ts";
import { chooseLang } from "./lang.ts";
import type { PageContext } from "./layout.ts";
import { homePage, storyPage } from "./story-pages.ts";

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = readFileSync(new URL("./style.css", import.meta.url), "utf8");
const STYLE_ETAG = etagOf("style", STYLE);
/** A dot on a line: the site's icon (browsers ask for one; a 404 would be a console error). */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect y="7" width="16" height="2" fill="#3f7cc2"/><circle cx="10" cy="8" r="4" fill="#d23c2a"/></svg>`;

export interface WebAppOptions {
  db: Db;
  log: Logger;
  publicUrl: string | null;
  /** Keep rendered pages until the database changes (default true; off to measure rendering). */
  cache?: boolean;
}

const TYPES = { html: "text/html; charset=utf-8", atom: "application/atom+xml; charset=utf-8", json: "application/feed+json; charset=utf-8" };

export function createWebApp(opts: WebAppOptions): Hono {
  const { db } = opts;
  const cache = new PageCache(opts.cache ?? true);
  const publicUrl = opts.publicUrl?.replace(/\/+$/, "") ?? null;
  const app = new Hono();

  const contextOf = (c: Context): PageContext => {
    const url = new URL(c.req.url);
    url.searchParams.delete("lang");
    // Without PUBLIC_URL, links in tags and feeds name the address this request came to (and
    // the ETag below includes it, so one reader's Host header never reaches another's page).
    return { lang: chooseLang(c.req.query("lang"), c.req.header("accept-language")), path: `${url.pathname}${url.search}`, publicUrl: publicUrl ?? url.origin };
  };

  /** Answers with what `render` makes (null: the 404 page), from the cache or a 304 when nothing changed. */
  const answer = (c: Context, type: keyof typeof TYPES, render: (ctx: PageContext) => string | null) => {
    const ctx = contextOf(c);
    const etag = etagOf(dataStamp(db), type, ctx.lang, ctx.publicUrl ?? "", ctx.path);
    c.header("vary", "Accept-Language");
    c.header("cache-control", "public, no-cache");
    c.header("etag", etag);
    if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
    let hit = cache.get(etag);
    if (!hit) {
      const body = render(ctx);
      hit = body === null ? { status: 404, body: notFoundPage(ctx) } : { status: 200, body };
      cache.set(etag, hit);
    }
    c.header("content-type", hit.status === 404 ? TYPES.html : TYPES[type]);
    return c.body(hit.body, hit.status as 200 | 404);
  };
  const withStory = (c: Context, type: keyof typeof TYPES, render: (story: Story, ctx: PageContext) => string | null) =>
    answer(c, type, (ctx) => {
      const story = getStoryBySlug(db, c.req.param("slug") ?? "");
      return story ? render(story, ctx) : null;
    });

  app.use(async (c, next) => {
    await next();
    c.header("content-security-policy", CONTENT_SECURITY_POLICY);
    c.header("x-content-type-options", "nosniff");
    c.header("referrer-policy", "strict-origin-when-cross-origin");
    c.header("x-frame-options", "DENY");
  });

  app.get("/static/style.css", (c) => {
    c.header("etag", STYLE_ETAG);
    c.header("cache-control", "public, max-age=3600");
    if (matches(c.req.header("if-none-match"), STYLE_ETAG)) return c.body(null, 304);
    c.header("content-type", "text/css; charset=utf-8");
    return c.body(STYLE);
  });
  app.get("/static/icon.svg", (c) => {
    c.header("cache-control", "public, max-age=86400");
    c.header("content-type", "image/svg+xml");
    return c.body(ICON);
  });
  app.get("/", (c) => answer(c, "html", (ctx) => homePage(db, ctx)));
  app.get("/s/:slug", (c) => withStory(c, "html", (story, ctx) => storyPage(db, story, ctx, Number.parseInt(c.req.query("page") ?? "1", 10) - 1 || 0)));
  app.get("/s/:slug/e/:key", (c) => withStory(c, "html", (story, ctx) => eventPage(db, story, c.req.param("key"), ctx)));
  app.get("/s/:slug/p/:key", (c) => withStory(c, "html", (story, ctx) => personPage(db, story, c.req.param("key"), ctx)));
  app.get("/s/:slug/search", (c) => withStory(c, "html", (story, ctx) => searchPage(db, story, c.req.query("q") ?? "", ctx)));
  app.get("/s/:slug/feed.xml", (c) => withStory(c, "atom", (story, ctx) => atomFeed(db, story, ctx)));
  app.get("/s/:slug/feed.json", (c) => withStory(c, "json", (story, ctx) => jsonFeed(db, story, ctx)));

  app.notFound((c) => c.html(notFoundPage(contextOf(c)), 404));
  app.onError((err, c) => {
    opts.log.error({ err, path: c.req.path }, "web page failed");
    return c.html(errorPage(contextOf(c)), 500);
  });
  return app;
}
