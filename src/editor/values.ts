/**
 * An event's editable values as the audit log records them, what changed between two of
 * them, and the form prefilled from an event. Pure.
 */
import type { AuditChanges, AuditValue } from "../../db/audit.ts";
import type { EntityRef, Lang, Localized, Precision, Source } from "../../db/types.ts";
import { joinList, pick, pickOr } from "../i18n/index.ts";
import { cleanTitle, type FormFields } from "./fields.ts";

/** What an event is made of, for the audit log, field by field. */
export interface EventValues {
  title_en: string | null;
  title_zh: string | null;
  summary_en: string | null;
  summary_zh: string | null;
  /** `YYYY-MM-DD` or an ISO date-time in UTC. */
  when: string;
  importance: number;
  /** Entity keys, in order. */
  people: string[];
  /** `Name | url` or `Name`, in order. */
  sources: string[];
}

/** The fields of {@link EventValues}, in the order the log lists them. */
export const VALUE_FIELDS = [
  "title_en",
  "title_zh",
  "when",
  "summary_en",
  "summary_zh",
  "importance",
  "people",
  "sources",
] as const satisfies readonly (keyof EventValues)[];

/** The parts of an event its values are read from. */
export interface EventParts {
  at: number;
  precision: Precision;
  title: Localized;
  summary: Localized;
  importance: number;
  entities: readonly Pick<EntityRef, "key">[];
  sources: readonly Source[];
}

/** An event time as typed: `2023-11-19` for a date, `2023-11-21T04:22:00Z` for an instant. */
export function formatWhenInput(at: number, precision: Precision): string {
  const iso = new Date(at).toISOString();
  return precision === "date" ? iso.slice(0, 10) : iso.replace(/\.000Z$/, "Z");
}

/** A source as typed: `Name | https://url` or `Name`. */
export function sourceText(src: Source): string {
  return src.url ? `${src.name} | ${src.url}` : src.name;
}

/** The values of an event. */
export function valuesOf(ev: EventParts): EventValues {
  return {
    title_en: ev.title.en,
    title_zh: ev.title.zh,
    summary_en: ev.summary.en,
    summary_zh: ev.summary.zh,
    when: formatWhenInput(ev.at, ev.precision),
    importance: ev.importance,
    people: ev.entities.map((e) => e.key),
    sources: ev.sources.map(sourceText),
  };
}

function same(a: AuditValue, b: AuditValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function empty(v: AuditValue): boolean {
  return v === null || (Array.isArray(v) && v.length === 0);
}

/**
 * Field by field, what differs between `before` and `after`; null stands for an event that
 * does not exist yet (add) or any more (remove), and empty values are then left out.
 */
export function diffValues(before: EventValues | null, after: EventValues | null): AuditChanges {
  const changes: AuditChanges = {};
  for (const f of VALUE_FIELDS) {
    const b: AuditValue = before ? before[f] : null;
    const a: AuditValue = after ? after[f] : null;
    if (same(a, b) || (empty(a) && empty(b))) continue;
    changes[f] = { before: b, after: a };
  }
  return changes;
}

/** A name as the people field shows it: the key when the name has a separator in it. */
function personName(e: EntityRef, lang: Lang): string {
  const name = pickOr(e.name, lang, e.key);
  return /[,，、;；\n]/.test(name) ? e.key : name;
}

/**
 * The form as it opens to correct an event: texts in `lang` (the other language when
 * missing), the title on one line, its importance, names in `lang`, one source a line.
 */
export function prefill(ev: Omit<EventParts, "entities"> & { entities: readonly EntityRef[] }, lang: Lang): FormFields {
  return {
    title: cleanTitle(pick(ev.title, lang)),
    when: formatWhenInput(ev.at, ev.precision),
    summary: pick(ev.summary, lang),
    people: joinList(
      ev.entities.map((e) => personName(e, lang)),
      lang,
    ),
    source: ev.sources.map(sourceText).join("\n"),
    importance: String(ev.importance),
  };
}
