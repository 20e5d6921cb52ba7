import type { EntityRef, Lang, Precision, Story } from "../../db/types.ts";
import { pickOr } from "../i18n/index.ts";
import { fitChoices } from "./fit.ts";
import { formatDay, oneLine } from "./format.ts";
import { bothNames, kindLabel, titleOf } from "./names.ts";
import type { Choice } from "./reply.ts";

/**
 * Choices for entity options: "Ilya Sutskever · 伊利亚·苏茨克维 (Person)". The value is what
 * the command reads back, chosen by the caller (e.g. the key or the name).
 */
export function entityChoices(entities: readonly EntityRef[], lang: Lang, valueFor: (e: EntityRef) => string): Choice[] {
  return fitChoices(entities.map((e) => ({ name: `${oneLine(bothNames(e.name, lang, e.key))} (${kindLabel(e.kind, lang)})`, value: valueFor(e) })));
}

/**
 * Choices for event options: "Nov 17, 2023 · Title" (plain text: choice names show no
 * Markdown or timestamps, so the UTC day is written out). Value: the event id, unless given.
 */
export function eventChoices<E extends { id: number; at: number; precision: Precision; title: { en: string | null; zh: string | null } }>(
  events: readonly E[],
  lang: Lang,
  valueFor: (e: E) => string = (e) => String(e.id),
): Choice[] {
  return fitChoices(events.map((e) => ({ name: `${formatDay(e.at, lang)} · ${oneLine(titleOf(e.title, lang))}`, value: valueFor(e) })));
}

/** Choices for story options: the title in `lang`, valued by slug. */
export function storyChoices(stories: readonly Story[], lang: Lang): Choice[] {
  return fitChoices(stories.map((s) => ({ name: oneLine(pickOr(s.title, lang, s.slug)), value: s.slug })));
}
