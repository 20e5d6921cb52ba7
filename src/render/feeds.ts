/**
 * The feeds messages: what `/feed add` did (with its first fetch), `/feed list`, removals,
 * (the `/review` card is review.ts's). Pure.
 */
import type { APIEmbedField } from "discord.js";
import type { Feed } from "../../db/feeds.ts";
import type { Lang, Story } from "../../db/types.ts";
import { joinList, md, t } from "../i18n/index.ts";
import { fitChoices, fitMessage } from "./fit.ts";
import { clip, discordTimestamp, inline, oneLine, safeUrl } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import type { Choice, Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";

/** What a fetch did, as `/feed add` reports it (src/feeds' FeedPollResult fits). */
export interface FetchSummary {
  outcome: "ok" | "not-modified" | "failed" | "skipped";
  title: string | null;
  items: number;
  matched: number;
  created: number;
  /** Items that joined a pending development, and that became further sources of events. */
  joined?: number;
  attached?: number;
  error?: { kind: string; detail: string | null };
}

/** Feeds listed at most; the rest are counted. */
const LIST_MAX = 20;

/** A URL shown as text (not a link preview), cut to fit; not escaped. */
function urlText(url: string, max = 200): string {
  return truncate(safeUrl(url) ?? url, max);
}

/** Why a fetch failed, in words. */
export function feedErrorText(kind: string, detail: string | null, lang: Lang): string {
  const e = t(lang).feeds.errors;
  if (kind === "http") return e.http(clip(detail ?? "?", 40));
  const text = (e as Record<string, unknown>)[kind];
  return typeof text === "string" ? text : e.network;
}

/** The reply to `/feed add`: saved or updated, its settings, and how the first fetch went. */
export function renderFeedSaved(feed: Feed, created: boolean, story: Story, fetch: FetchSummary, lang: Lang): Reply {
  const s = t(lang).feeds;
  const url = urlText(feed.url);
  const lines = [created ? s.added(url) : s.updated(url), s.storyLine(clip(storyTitle(story, lang), 100))];
  if (feed.keywords.length) lines.push(s.keywordsLine(feed.keywords.map((k) => clip(k, 60))));
  lines.push(feed.trusted ? s.trustedLine : s.reviewLine, "");
  if (fetch.outcome === "failed") lines.push(`⚠️ ${s.firstFetchFailed(feedErrorText(fetch.error?.kind ?? "network", fetch.error?.detail ?? null, lang))}`);
  else if (fetch.outcome === "not-modified") lines.push(s.firstFetchUnchanged);
  else lines.push(s.firstFetch(clip(fetch.title ?? new URL(feed.url).hostname, 150), fetch.items, fetch.matched, fetch.created));
  if (fetch.outcome === "ok" && (fetch.joined || fetch.attached)) lines.push(s.placed(fetch.joined ?? 0, fetch.attached ?? 0));
  return fitMessage({ content: lines.join("\n"), ephemeral: true });
}

function statusLine(feed: Feed, lang: Lang): string | null {
  const s = t(lang).feeds.list;
  if (!feed.lastError) return null;
  const error = feedErrorText(feed.lastError, feed.lastErrorDetail, lang);
  if (feed.pausedAt !== null) return s.paused(error);
  const retry = feed.skipPolls > 0 ? ` — ${s.backingOff(feed.failures, feed.skipPolls)}` : "";
  return `⚠️ ${s.lastError}: ${error}${retry}`;
}

function feedField(feed: Feed, lang: Lang): APIEmbedField {
  const s = t(lang).feeds.list;
  const name = `${feed.pausedAt !== null ? "⏸️ " : ""}${oneLine(feed.title ?? new URL(feed.url).hostname)}`;
  const settings = [`${s.story}: ${inline(feed.storySlug, 80)}`, feed.trusted ? s.trusted : null].filter(Boolean).join(" · ");
  const lines = [
    md(urlText(feed.url, 300)),
    settings,
    feed.keywords.length ? `${s.keywords}: ${inline(joinList(feed.keywords, lang), 200)}` : null,
    `${s.lastFetch}: ${feed.lastFetchAt === null ? s.never : discordTimestamp(feed.lastFetchAt, "R")} · ${s.items(feed.itemsSeen, feed.eventsMade)}`,
    statusLine(feed, lang),
  ];
  return { name: truncate(name, LIMITS.fieldName), value: truncate(lines.filter(Boolean).join("\n"), LIMITS.fieldValue) };
}

/** `/feed list`: every followed feed with its story, last fetch, counts and trouble. */
export function renderFeedList(feeds: readonly Feed[], pollMinutes: number, lang: Lang): Reply {
  const s = t(lang).feeds;
  if (feeds.length === 0) return fitMessage({ content: s.list.empty, ephemeral: true });
  const shown = feeds.slice(0, LIST_MAX);
  const more = feeds.length - shown.length;
  return fitMessage({
    embeds: [
      {
        ...baseEmbed(null, lang),
        title: s.title,
        ...(more > 0 ? { description: t(lang).labels.andMore(more) } : {}),
        fields: shown.map((f) => feedField(f, lang)),
        footer: { text: s.list.footer(feeds.length, pollMinutes) },
      },
    ],
    ephemeral: true,
  });
}

/** `/feed remove` done. */
export function renderFeedRemoved(feed: Feed, lang: Lang): Reply {
  return fitMessage({ content: t(lang).feeds.removed(urlText(feed.url)), ephemeral: true });
}

/** Autocomplete for a feed option: title and address, valued by id (addresses can pass 100 characters). */
export function feedChoices(feeds: readonly Feed[]): Choice[] {
  return fitChoices(feeds.map((f) => ({ name: f.title ? `${oneLine(f.title)} — ${f.url}` : f.url, value: String(f.id) })));
}

/** "No feed … is being followed", with what was typed escaped. */
export function feedNotFoundText(typed: string, lang: Lang): string {
  return t(lang).feeds.notFound(clip(typed, 200));
}

export { renderReview, type ReviewNotice } from "./review.ts";
