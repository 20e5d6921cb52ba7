/**
 * The feedsmith adapter: a feed's text (RSS 2.0, Atom, RDF or JSON Feed, detected) → its
 * title and items in one shape, texts already plain and capped.
 */
import { DetectError, parseFeed, type AtomFeed, type JsonFeed, type RdfFeed, type RssFeed } from "feedsmith";
import { FeedError } from "./errors.ts";
import { FEED_TITLE_MAX, SUMMARY_MAX, TITLE_MAX, plainText } from "./text.ts";

/**
 * Items read per fetch at most: enough for a site's whole archive in one feed. They are
 * stored a few hundred at a time (poll-feed.ts), so even the most holds no command up.
 */
export const MAX_ITEMS = 10_000;

/** One item of a feed, whatever its format. */
export interface ParsedItem {
  /** guid (RSS), id (Atom, JSON Feed) or rdf:about; null when missing. */
  guid: string | null;
  /** The item's link as written (may be relative). */
  link: string | null;
  title: string;
  summary: string;
  /** The date as written (published, else updated), for dedupe keys; null when missing. */
  rawDate: string | null;
  /** That date in ms, or null when missing or unreadable. */
  at: number | null;
}

export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  title: string | null;
  items: ParsedItem[];
}

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function item(guid: unknown, link: unknown, title: unknown, summary: unknown, date: unknown): ParsedItem {
  const rawDate = str(date);
  const ms = rawDate ? Date.parse(rawDate) : NaN;
  return {
    guid: str(guid),
    link: str(link),
    title: plainText(str(title), TITLE_MAX),
    summary: plainText(str(summary), SUMMARY_MAX),
    rawDate,
    at: Number.isFinite(ms) ? ms : null,
  };
}

function rssItem(i: RssFeed.Item<string>): ParsedItem {
  const guid = str(i.guid?.value);
  // A permalink guid is the article's address when the item has no <link>.
  const link = i.link ?? (guid && i.guid?.isPermaLink !== false && /^https?:\/\//i.test(guid) ? guid : null);
  return item(guid, link, i.title, i.description ?? i.content?.encoded, i.pubDate ?? i.dc?.dates?.[0] ?? i.atom?.published ?? i.atom?.updated);
}

function atomLink(links: AtomFeed.Link<string>[] | undefined): string | null {
  if (!links?.length) return null;
  return (links.find((l) => !l.rel || l.rel === "alternate") ?? links[0])?.href ?? null;
}

function atomItem(e: AtomFeed.Entry<string>): ParsedItem {
  return item(e.id, atomLink(e.links), e.title?.value, e.summary?.value ?? e.content?.value, e.published ?? e.updated);
}

function rdfItem(i: RdfFeed.Item<string>): ParsedItem {
  return item(i.rdf?.about, i.link, i.title, i.description ?? i.content?.encoded, i.dc?.dates?.[0]);
}

function jsonItem(i: JsonFeed.Item<string>): ParsedItem {
  return item(i.id, i.url ?? i.external_url, i.title, i.summary ?? i.content_text ?? i.content_html, i.date_published ?? i.date_modified);
}

/**
 * Reads a feed. Throws FeedError "not-a-feed" for anything that is no feed at all (an HTML
 * page, random JSON) and "malformed" for a feed that cannot be read (broken XML).
 */
export function parseFeedText(text: string): ParsedFeed {
  let parsed;
  try {
    parsed = parseFeed(text, { maxItems: MAX_ITEMS });
  } catch (err) {
    if (err instanceof DetectError) throw new FeedError("not-a-feed");
    throw new FeedError("malformed", err instanceof Error ? err.message.slice(0, 200) : null);
  }
  const title = (t: unknown) => plainText(str(t), FEED_TITLE_MAX) || null;
  switch (parsed.format) {
    case "rss":
      return { format: "rss", title: title(parsed.feed.title), items: (parsed.feed.items ?? []).map(rssItem) };
    case "atom":
      return { format: "atom", title: title(parsed.feed.title?.value), items: (parsed.feed.entries ?? []).map(atomItem) };
    case "rdf":
      return { format: "rdf", title: title(parsed.feed.title), items: (parsed.feed.items ?? []).map(rdfItem) };
    case "json":
      return { format: "json", title: title(parsed.feed.title), items: (parsed.feed.items ?? []).map(jsonItem) };
  }
}
