/**
 * An HTML page reduced to its article: Mozilla's Readability (the library behind Firefox's
 * Reader View) over linkedom finds the main text, html-to-text turns it into paragraphs. The
 * page's own metadata gives the headline, the publisher and the publication time.
 */
import { Readability } from "@mozilla/readability";
import { htmlToText } from "../text/html.ts";
import { parseHTML } from "linkedom";

/** What a page holds: its text as paragraphs, and what it says about itself. */
export interface ExtractedText {
  title: string | null;
  paragraphs: string[];
  /** A date or date-time as the page gives it (ISO 8601 in metadata). */
  published: string | null;
  siteName: string | null;
}

/** Plain text → trimmed, non-empty lines. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/[\s\u3000]+/g, " ").trim())
    .filter(Boolean);
}

interface MetaDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
}

function meta(doc: MetaDocument, selectors: string[]): string | null {
  for (const s of selectors) {
    const el = doc.querySelector(s);
    const value = (el?.getAttribute("content") ?? el?.getAttribute("datetime") ?? "").trim();
    if (value) return value;
  }
  return null;
}

/** Reduces an HTML page to its article. */
export function extractHtml(html: string): ExtractedText {
  // linkedom builds no document from a fragment: give it the page around one.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`);
  // Read before Readability, which rewrites the document as it goes.
  const published = meta(document, [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    "time[datetime]",
  ]);
  const siteName = meta(document, ['meta[property="og:site_name"]', 'meta[name="application-name"]']);
  const headline = meta(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? document.querySelector("h1")?.textContent?.trim() ?? null;
  const body = document.body?.innerHTML ?? html;
  let article: ReturnType<Readability["parse"]> = null;
  try {
    article = new Readability(document, { charThreshold: 200 }).parse();
  } catch {
    article = null; // a page Readability cannot walk: fall back to the whole body below
  }
  const content = article?.content ? String(article.content) : body;
  const title = headline || article?.title?.trim() || document.querySelector("title")?.textContent?.trim() || null;
  return {
    title,
    paragraphs: linesOf(htmlToText(content)),
    published: published ?? (article?.publishedTime?.trim() || null),
    siteName: siteName ?? (article?.siteName?.trim() || null),
  };
}
