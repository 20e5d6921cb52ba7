/**
 * Paragraphs → developments. A paragraph with a day in it starts an event at that day. One
 * without a date but with a development in it — a quote, a cited report, someone speaking —
 * starts an event dated like the one before it in the same section (marked as carried, for
 * review). Other paragraphs add context to the event before them (at most a few), or are
 * commentary and left out. A year or a month alone dates nothing: such a paragraph is
 * listed as undated, and dates are not carried past it.
 */
import type { Paragraph } from "./analyze.ts";
import type { FoundDate } from "./dates.ts";

export interface EventGroup {
  paragraphs: Paragraph[];
  date: FoundDate;
  /** The date phrase this event's date was carried from, when its own paragraph has none. */
  carriedFrom: string | null;
  section: number;
  /** The article's own event (its publication), which the lead paragraphs join. */
  article: boolean;
}

export interface Grouping {
  events: EventGroup[];
  /** Paragraphs with a development but no day to date it by. */
  undated: Paragraph[];
  /** Paragraphs left out as commentary. */
  skipped: number;
}

/** Context paragraphs an event takes after its own. */
export const MAX_CONTEXT = 2;
/** Items a paragraph ending in a colon ("主要有以下几个要点：") takes as its list, and their longest. */
export const MAX_LIST = 8;
const MAX_ITEM = 100;

/** A short paragraph after one that announces a list, itself neither quoting nor citing: an item. */
function isListItem(g: EventGroup, p: Paragraph): boolean {
  const lead = g.paragraphs[0];
  return !!lead && /[:：]$/.test(lead.text) && g.paragraphs.length <= MAX_LIST && p.text.length <= MAX_ITEM && !p.quotes.length && !p.sources.length;
}

const isDevelopment = (p: Paragraph): boolean => p.quotes.length > 0 || p.sources.length > 0 || p.speakers.length > 0;

/** Groups paragraphs into events; `articleEvent` is the context of the lead, before any heading. */
export function groupEvents(paragraphs: readonly Paragraph[], articleEvent: EventGroup): Grouping {
  const events: EventGroup[] = [articleEvent];
  const undated: Paragraph[] = [];
  let skipped = 0;
  let current: EventGroup | null = articleEvent;
  for (const p of paragraphs) {
    if (current && current.section !== p.section) current = null;
    if (current && !p.date && !p.coarse && isListItem(current, p)) {
      current.paragraphs.push(p);
    } else if (p.date) {
      current = { paragraphs: [p], date: p.date, carriedFrom: null, section: p.section, article: false };
      events.push(current);
    } else if (p.coarse) {
      undated.push(p);
      current = null;
    } else if (isDevelopment(p)) {
      if (!current) {
        undated.push(p);
        continue;
      }
      const from: string = current.carriedFrom ?? (current.article ? "the article's date" : current.date.text);
      current = { paragraphs: [p], date: current.date, carriedFrom: from, section: p.section, article: false };
      events.push(current);
    } else if (!p.question && current && current.paragraphs.length <= MAX_CONTEXT) {
      current.paragraphs.push(p);
    } else {
      skipped++;
    }
  }
  return { events, undated, skipped };
}
