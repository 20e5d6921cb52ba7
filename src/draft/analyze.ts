/**
 * One pass over an article's paragraphs: for each, its sentences, its first date, the
 * quotes and cited reports in it, whether someone is said to speak; and every name seen,
 * with the sentence it came from.
 */
import type { Article } from "./article.ts";
import { isHeading } from "./article.ts";
import { type CoarseDate, type FoundDate, findDates } from "./dates.ts";
import type { Candidate } from "./entities.ts";
import { chineseKind, dottedNames, latinNames } from "./names.ts";
import { type FoundQuote, quotesIn } from "./quotes.ts";
import { type CitedSource, sourcesIn } from "./sources.ts";
import { isQuestion, sentencesOf } from "./text.ts";
import { attributionsIn } from "./zh-words.ts";

export interface Paragraph {
  text: string;
  /** Sections are separated by headings; dates are carried only within one. */
  section: number;
  sentences: string[];
  /** The first date with a day in it, if any. */
  date: FoundDate | null;
  /** A year or month alone, when the paragraph has no better date. */
  coarse: CoarseDate | null;
  quotes: FoundQuote[];
  sources: CitedSource[];
  /** Names speaking in it ("微软表示", "Nadella said"). */
  speakers: string[];
  question: boolean;
}

const EN_ATTRIBUTION = /\b(?:said|says|told|announced|wrote|reported|confirmed|denied|added|posted)\b/;

function speakersOf(sentences: readonly string[], article: Article, out: Candidate[]): string[] {
  const speakers: string[] = [];
  for (const s of sentences) {
    if (article.language === "zh") {
      for (const a of attributionsIn(s)) {
        speakers.push(a.subject);
        out.push({ name: a.subject, kind: chineseKind(a.subject, a.group), sentence: s });
      }
    } else if (EN_ATTRIBUTION.test(s)) {
      speakers.push(...latinNames(s).map((n) => n.name));
    }
  }
  return speakers;
}

/** Analyses every paragraph; fills `candidates` with every name seen. */
export function analyze(article: Article, candidates: Candidate[]): Paragraph[] {
  const out: Paragraph[] = [];
  let section = 0;
  let lastPerson: string | null = null;
  const namesIn = (s: string) => {
    for (const n of [...latinNames(s), ...dottedNames(s)]) {
      candidates.push({ name: n.name, kind: n.kind, sentence: s, initial: article.language === "en" && n.initial && !n.name.includes(" ") });
    }
  };
  if (article.title) namesIn(article.title);
  for (const text of article.paragraphs) {
    const sentences = sentencesOf(text, article.language);
    sentences.forEach(namesIn);
    if (isHeading(text, article.language)) {
      section++;
      continue;
    }
    // A date inside a quote is the speaker's ("the weekend's events"), not the development's.
    const unquoted = text.replace(/“[^”]*”|「[^」]*」|"[^"]*"/g, (q) => " ".repeat(q.length));
    const { dates, coarse } = findDates(unquoted, article.language, article.date.day);
    const quotes = quotesIn(text, sentences, article.language, lastPerson);
    const sources = sourcesIn(text, article.language);
    for (const src of sources)
      if (src.outlet) candidates.push({ name: src.name, kind: "organization", sentence: sentences.find((s) => s.includes(src.name)) ?? text });
    const speakers = speakersOf(sentences, article, candidates);
    const people = latinNames(text).filter((n) => n.kind === "person");
    if (people.length) lastPerson = people[people.length - 1]!.name;
    out.push({
      text,
      section,
      sentences,
      date: dates[0] ?? null,
      coarse: dates.length ? null : (coarse[0] ?? null),
      quotes,
      sources,
      speakers,
      question: isQuestion(text),
    });
  }
  return out;
}
