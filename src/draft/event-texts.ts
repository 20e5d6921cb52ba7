/** The texts of a drafted event that are not the article's words: its title, its date's note, the article as a source. */
import { truncate } from "../render/limits.ts";
import type { Article } from "./article.ts";
import type { EventGroup } from "./events.ts";
import { isQuestion, titleFrom } from "./text.ts";

/** Longest texts drafted: titles by language, then summaries, quotes and source names. */
export const MAX = { zh: { title: 60 }, en: { title: 120 }, summary: 600, quote: 1000, source: 200 };

/** The article as a source: publisher and headline, and its address when fetched. */
export function articleSource(a: Article): { name: string; url?: string } {
  const head = a.title ? (a.language === "zh" ? `《${a.title}》` : `"${a.title}"`) : null;
  const name = [a.publisher, head].filter(Boolean).join(a.language === "zh" ? "" : ", ") || a.url || a.origin;
  return { name: truncate(name, MAX.source), ...(a.url ? { url: a.url } : {}) };
}

/** A title from the event's first sentence (the headline for the article's own event). */
export function eventTitle(g: EventGroup, a: Article): string {
  const max = MAX[a.language].title;
  if (g.article && a.title) return truncate(a.title, max);
  const lead = g.paragraphs[0];
  if (!lead) return truncate(a.title ?? a.origin, max);
  // A question opens commentary more often than news: the next sentence, unless the question is what someone said.
  const first = lead.sentences[0] ?? lead.text;
  const sentence = isQuestion(first) && !lead.quotes.length ? (lead.sentences.find((s) => !isQuestion(s)) ?? first) : first;
  const title = titleFrom(sentence, g.carriedFrom ? null : g.date.text, max);
  // A sentence of punctuation alone makes no title: the paragraph, else the headline, does.
  for (const t of [title, truncate(lead.text, max), truncate(a.title ?? "", max)]) if (WORDS.test(t)) return t.trim();
  return `${g.date.at.slice(0, 10)}`;
}

const WORDS = /[\p{L}\p{N}]/u;

/** Where an event's date came from, as its comment says it: the phrase, the date carried, the span. */
export function dateNote(g: EventGroup): string {
  if (g.article) return "the article's date";
  const base = g.carriedFrom
    ? `no date in this paragraph: carried from ${g.carriedFrom === "the article's date" ? g.carriedFrom : `"${g.carriedFrom.replace(/[\s,，.]+$/, "")}"`} above`
    : `from "${g.date.text.replace(/[\s,，.]+$/, "")}"`;
  return g.date.approximate ? `${base}; approximate: ${g.date.approximate}` : base;
}
