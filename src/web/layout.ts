/** The frame of every page: head (title, Open Graph and Twitter card tags, feeds), language switch, footer. */
import type { Lang } from "../../db/types.ts";
import { otherLang } from "../i18n/index.ts";
import { webStrings } from "../i18n/web.ts";
import { html, type Html } from "./html.ts";

/** Where a page is, and how to link within the site in the reader's language. */
export interface PageContext {
  lang: Lang;
  /** The request's path and query without `lang`, e.g. `/s/x/search?q=a`. */
  path: string;
  /** PUBLIC_URL without a trailing slash (else the request's origin), or null: then links in tags are relative. */
  publicUrl: string | null;
}

/** `path` with `lang` set in its query. */
export function withLang(path: string, lang: Lang): string {
  const u = new URL(path, "http://web.invalid");
  u.searchParams.set("lang", lang);
  return `${u.pathname}${u.search}`;
}

/** `path` as an absolute address when PUBLIC_URL is known. */
export function absolute(ctx: PageContext, path: string): string {
  return ctx.publicUrl ? `${ctx.publicUrl}${path}` : path;
}

export interface PageParts {
  title: string;
  /** One or two sentences: the meta description and the card's text. */
  description: string;
  body: Html;
  /** The story's feeds, linked from the head. */
  feeds?: { atom: string; json: string; title: string };
  ogType?: "website" | "article";
}

/** Max length of a card's description; Discord shows about this much. */
const DESCRIPTION_MAX = 300;

function cut(text: string, max: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

export function page(ctx: PageContext, parts: PageParts): string {
  const s = webStrings[ctx.lang];
  const other = otherLang(ctx.lang);
  const description = cut(parts.description, DESCRIPTION_MAX);
  const url = absolute(ctx, withLang(ctx.path, ctx.lang));
  const title = parts.title === s.siteName ? s.siteName : `${parts.title} · ${s.siteName}`;
  return `<!doctype html>\n${
    html`<html lang="${ctx.lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<meta property="og:site_name" content="${s.siteName}">
<meta property="og:title" content="${parts.title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${parts.ogType ?? "website"}">
<meta property="og:url" content="${url}">
<meta property="og:locale" content="${ctx.lang === "zh" ? "zh_CN" : "en_US"}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${parts.title}">
<meta name="twitter:description" content="${description}">
<link rel="canonical" href="${url}">
<link rel="alternate" hreflang="${other === "zh" ? "zh-CN" : "en"}" href="${absolute(ctx, withLang(ctx.path, other))}">
${
  parts.feeds
    ? html`<link rel="alternate" type="application/atom+xml" title="${parts.feeds.title}" href="${parts.feeds.atom}">
<link rel="alternate" type="application/feed+json" title="${parts.feeds.title}" href="${parts.feeds.json}">`
    : ""
}
<link rel="stylesheet" href="/static/style.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
</head>
<body>
<header class="top"><a class="brand" href="${withLang("/", ctx.lang)}">${s.siteName}</a>
<a class="lang" href="${withLang(ctx.path, other)}" hreflang="${other}" lang="${other === "zh" ? "zh-CN" : "en"}" title="${s.switchLangLabel}">${s.switchLang}</a></header>
<main>
${parts.body}
</main>
<footer class="site">${s.footer}</footer>
</body>
</html>`.text
  }\n`;
}
