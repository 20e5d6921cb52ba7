/**
 * The event option: `/event id:` and `/editor edit|remove|history id:`. One reading for all
 * of them, and the autocomplete that offers what it accepts:
 *
 *   1. no letter or digit in it → nothing to look up;
 *   2. an event id of the story (what autocomplete sends) → that event;
 *   3. its key in any case ("employee-letter", "ED_3") → that event;
 *   4. else its words as the autocomplete reads them — the last one the first letters of a
 *      title word, in either language ("Brock", "emplo", "董事"; db/events.ts
 *      searchEventTitles): one event found is that event; of several, the only one whose
 *      title has the words; otherwise the candidates are named (counted truly: more than
 *      the limit says so), and nothing found is "no such event".
 */
import { getEvent, getEventByKey, searchEventTitles } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { searchable } from "../../db/names.ts";
import { titleMatcher } from "../../db/search-text.ts";
import type { EventDetail, EventRef, Lang } from "../../db/types.ts";
import { cleanText } from "../command-kit/options.ts";
import { UserError } from "../context.ts";
import { t } from "../i18n/index.ts";
import { errorText, eventChoices, type Choice } from "../render/index.ts";
import { eventCandidatesText } from "../render/event.ts";

/** Most events a suggestion list or an ambiguity names. */
const EVENT_LIMIT = 25;
/** Candidates an ambiguity lists in its answer. */
const LISTED = 5;

/** What a typed event value means in a story. */
export type EventReading = { kind: "one"; event: EventDetail } | { kind: "many"; candidates: EventRef[]; more: boolean } | { kind: "none" } | { kind: "blank" };

/** The events whose titles (either language) have the typed words, and the others, each newest first. */
function byTitle(events: EventRef[], typed: string): { titled: EventRef[]; others: EventRef[] } {
  const has = titleMatcher(typed);
  const titled: EventRef[] = [];
  const others: EventRef[] = [];
  for (const e of events) (has([e.title.en, e.title.zh].filter(Boolean).join("\n")) ? titled : others).push(e);
  return { titled, others };
}

/** Events whose titles have the typed words first. */
function titledFirst(events: EventRef[], typed: string): EventRef[] {
  const { titled, others } = byTitle(events, typed);
  return [...titled, ...others];
}

/** Up to 25 events for what has been typed (the latest when nothing is). */
export function eventSuggestions(db: Db, storyId: number, typed: string): EventRef[] {
  const text = cleanText(typed);
  const found = searchEventTitles(db, storyId, text, EVENT_LIMIT);
  return text.trim() ? titledFirst(found, text) : found;
}

/** Autocomplete for an event option: "Nov 20, 2023 · Title" in the user's language, valued by event id. */
export function eventAutocomplete(db: Db, storyId: number, typed: string, lang: Lang): Choice[] {
  return eventChoices(eventSuggestions(db, storyId, typed), lang);
}

/** What a typed value means (see the rules above). */
export function readEvent(db: Db, storyId: number, value: string): EventReading {
  const typed = cleanText(value).trim();
  if (!searchable(typed)) return { kind: "blank" };
  const byId = /^\d{1,15}$/.test(typed) ? getEvent(db, storyId, Number(typed)) : null;
  const byKey = byId ?? getEventByKey(db, storyId, typed) ?? getEventByKey(db, storyId, typed.toLowerCase());
  if (byKey) return { kind: "one", event: byKey };
  const found = searchEventTitles(db, storyId, typed, EVENT_LIMIT + 1);
  const more = found.length > EVENT_LIMIT;
  const only = found.length === 1 ? found : more ? [] : byTitle(found, typed).titled;
  const event = only.length === 1 ? getEvent(db, storyId, only[0]!.id) : null;
  if (event) return { kind: "one", event };
  if (!found.length) return { kind: "none" };
  return { kind: "many", candidates: titledFirst(found, typed).slice(0, EVENT_LIMIT), more };
}

/** "There is no event “…” in this story", with how to find one: what every event option answers for a value that names none. */
export function eventNotFoundText(value: string, lang: Lang): string {
  return `${errorText("eventNotFound", lang, { id: cleanText(value).replace(/\s+/g, " ").trim() })}\n${t(lang).event.pickHint}`;
}

/** The event a typed value names; otherwise the refusal every event option gives alike. */
export function eventFromOption(db: Db, storyId: number, value: string, lang: Lang): EventDetail {
  const found = readEvent(db, storyId, value);
  if (found.kind === "one") return found.event;
  const raw = cleanText(value).replace(/\s+/g, " ").trim();
  if (found.kind === "blank") throw new UserError(t(lang).options.nothingEvent);
  if (found.kind === "none") throw new UserError(eventNotFoundText(raw, lang));
  throw new UserError(eventCandidatesText(raw, found.candidates, { more: found.more, limit: EVENT_LIMIT, listed: LISTED }, lang));
}
