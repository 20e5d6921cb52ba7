/**
 * Every item the feeds delivered, as `npm run feeds -- items` shows it: where it went
 * (its fate), its development or event, and why.
 */
import type { NewsFate, NewsItemRow } from "../../db/news-items.ts";

export interface ItemReport {
  url: string | null;
  feed: string;
  outlet: string;
  title: string;
  /** ISO 8601. */
  published: string;
  language: "en" | "zh";
  fate: NewsFate;
  /** A pending development's id ("g:<n>"), or the event key once attached or published; null when unmatched or duplicate. */
  group: string | null;
  /** The event it is attached to, published as, or proposed to join. */
  event: string | null;
  score: number | null;
  reason: string;
}

export function itemReport(r: NewsItemRow): ItemReport {
  // Stored but not classified yet (the bot stopped in between): it waits as its own development.
  const fate: NewsFate = r.fate ?? "suggested";
  const group = fate === "unmatched" || fate === "duplicate" ? null : (r.groupId ?? (r.fate === null ? `g:${r.id}` : null));
  return {
    url: r.url,
    feed: r.feedUrl,
    outlet: r.outlet,
    title: r.title,
    published: new Date(r.publishedAt).toISOString(),
    language: r.language,
    fate,
    group,
    event: fate === "unmatched" ? null : r.eventKey,
    score: r.score === null ? null : Math.round(r.score * 1000) / 1000,
    reason: r.fate === null ? "waiting to be classified" : r.reason,
  };
}

/** One item in two lines, for people. */
export function itemLine(i: ItemReport): string {
  const where = [i.group, i.event && i.event !== i.group ? `event ${i.event}` : null].filter(Boolean).join(" · ");
  return `${i.published}  ${i.fate.padEnd(9)} ${where}\n\t[${i.language}] ${i.outlet}: ${i.title}${i.url ? ` <${i.url}>` : ""}\n\t${i.reason}`;
}
