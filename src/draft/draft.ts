/**
 * An article → a draft story: its events (developments, dated), the people and organisations
 * in them (the extended story's, then new ones), what they said and the reports behind each.
 * Texts stay in the article's language; the other one is the editor's to write.
 */
import { analyze, type Paragraph } from "./analyze.ts";
import type { Article } from "./article.ts";
import { type Candidate, type Entity, EntityBook, slugOf } from "./entities.ts";
import { type EventGroup, groupEvents } from "./events.ts";
import type { Language } from "./language.ts";
import { articleSource, dateNote, eventTitle, MAX } from "./event-texts.ts";
import { joinText } from "./text.ts";
import { truncate } from "../render/limits.ts";

/** The story a draft extends: its slug and title, entities and event ids. */
export interface ExistingStory {
  slug: string;
  title: string;
  entities: Entity[];
  eventIds: string[];
}

export interface DraftEvent {
  id: string;
  at: string;
  /** Where the date came from, for the editor: the phrase, a carried date, a span. */
  atNote: string;
  title: string;
  summary: string | null;
  entities: string[];
  quotes: { by: string; text: string }[];
  /** Quotes whose speaker the text does not name (or names too vaguely to be an entity). */
  unattributed: string[];
  sources: { name: string; url?: string }[];
}

export interface Draft {
  slug: string;
  title: string;
  language: Language;
  extends: string | null;
  entities: Entity[];
  newEntities: Entity[];
  events: DraftEvent[];
  undated: string[];
  skipped: number;
  article: Article;
}

/** Drafts a story from an analysed article. */
export function draftStory(article: Article, story: ExistingStory | null): Draft {
  const candidates: Candidate[] = [];
  const paragraphs = analyze(article, candidates);
  if (article.publisher) candidates.push({ name: article.publisher, kind: "organization", sentence: `${article.publisher} (the article's publisher)` });
  const book = new EntityBook(story?.entities ?? []);
  const newEntities = book.addCandidates(candidates);
  const articleGroup: EventGroup = {
    paragraphs: [],
    date: { index: 0, text: article.date.day, at: article.date.at ?? article.date.day, approximate: null },
    carriedFrom: null,
    section: 0,
    article: true,
  };
  const grouping = groupEvents(paragraphs, articleGroup);
  const outlets = new Set(paragraphs.flatMap((p) => p.sources.filter((s) => s.outlet).map((s) => s.name)));
  const ids = new Set(story?.eventIds ?? []);
  const newId = (g: EventGroup, title: string): string => {
    const day = g.date.at.slice(0, 10);
    const base = (article.language === "en" && slugOf(title, 6)) || (g.article ? `${day}-article` : day);
    for (let n = 1; ; n++) {
      const id = n === 1 && base !== day ? base : `${base}-${n}`;
      if (ids.has(id)) continue;
      ids.add(id);
      return id;
    }
  };
  const events = grouping.events
    .filter((g) => g.article || g.paragraphs.length)
    .map((g): DraftEvent => {
      const title = eventTitle(g, article);
      const body = joinText(
        g.paragraphs.map((p) => p.text),
        article.language,
      );
      const summary = body && body.replace(/[。.]$/, "") !== title.replace(/[。.]$/, "") ? truncate(body, MAX.summary) : null;
      const said = g.paragraphs.flatMap((p) => p.quotes);
      const quotes: DraftEvent["quotes"] = [];
      const unattributed: string[] = [];
      const people = new Set<string>();
      for (const q of said) {
        const by = q.speaker ? book.find(q.speaker) : null;
        if (by) {
          quotes.push({ by: by.id, text: truncate(q.text, MAX.quote) });
          people.add(by.id);
        } else unattributed.push(q.text);
      }
      const cited = g.paragraphs.flatMap((p: Paragraph) => [...p.sources.map((s) => s.name), ...p.speakers.filter((s) => outlets.has(s))]);
      for (const name of cited) {
        const e = book.find(name);
        if (e) people.add(e.id);
      }
      const publisher = g.article && article.publisher ? book.find(article.publisher) : null;
      if (publisher) people.add(publisher.id);
      for (const e of book.mentioned(title, summary ?? "", ...quotes.map((q) => q.text))) people.add(e.id);
      const sources = [...new Set(cited)].map((name) => ({ name }));
      return {
        id: newId(g, title),
        at: g.date.at,
        atNote: dateNote(g),
        title,
        summary,
        entities: [...people],
        quotes,
        unattributed,
        sources: [...sources, articleSource(article)],
      };
    });
  // Its own slug, so that importing the draft never replaces a story (nor another day's draft).
  const slug = story ? `${story.slug}-draft-${article.date.day}` : (article.language === "en" && slugOf(article.title ?? "", 6)) || `draft-${article.date.day}`;
  return {
    slug,
    title: truncate(article.title ?? events[1]?.title ?? slug, MAX.en.title),
    language: article.language,
    extends: story?.slug ?? null,
    entities: book.entities,
    newEntities,
    events,
    undated: grouping.undated.map((p) => p.text),
    skipped: grouping.skipped,
    article,
  };
}
