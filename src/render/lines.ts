import type { EntityRef, Lang, Localized, Precision } from "../../db/types.ts";
import { joinList, t } from "../i18n/index.ts";
import { IMPORTANT_MARK, formatWhen, importanceMark, inline } from "./format.ts";
import { take } from "./lists.ts";
import { involved, nameOf, titleOf } from "./names.ts";

/** What a one-line event needs; EventSummary and EventRef both fit. */
export interface EventLike {
  at: number;
  precision: Precision;
  title: Localized;
  importance?: number;
  entities?: readonly EntityRef[];
}

/** Longest title shown in a list line. */
export const LINE_TITLE_MAX = 200;

/**
 * Names for a list, people first: "Sam Altman, Mira Murati +3". Escaped; "" for none.
 * Each name is cut to 60 characters.
 */
export function peopleList(entities: readonly EntityRef[], lang: Lang, limit: number): string {
  const { shown, hidden } = take(involved(entities), limit);
  const inlined = shown.map((e) => inline(nameOf(e, lang), 60));
  const names = joinList(inlined, lang);
  return hidden > 0 ? `${names} +${hidden}` : names;
}

/**
 * One event on one line: "**Nov 17, 2023** · ❗ Title — Sam Altman, Mira Murati +3".
 * `people` is how many names to show (0 for none).
 */
export function eventLine(e: EventLike, lang: Lang, people = 0): string {
  const when = formatWhen(e.at, e.precision, lang);
  const title = inline(titleOf(e.title, lang), LINE_TITLE_MAX);
  const names = people > 0 && e.entities?.length ? peopleList(e.entities, lang, people) : "";
  return `**${when}** · ${importanceMark(e.importance ?? 0)}${title}${names ? ` — *${names}*` : ""}`;
}

/** The legend for the importance marker, when any of `events` carries it. */
export function markLegend(events: readonly { importance: number }[], lang: Lang): string {
  return events.some((e) => importanceMark(e.importance)) ? `${IMPORTANT_MARK} = ${t(lang).labels.important}` : "";
}
