/**
 * Reading a submitted event form into a new event or a correction, with the audit log's
 * "what changed". Pure: people are looked up through the functions passed in.
 */
import type { AuditChanges } from "../../db/audit.ts";
import type { EventUpdate, NewEvent } from "../../db/event-writes.ts";
import type { EntityRef, EventDetail, Lang, Localized, Source } from "../../db/types.ts";
import {
  DEFAULT_IMPORTANCE,
  cleanTitle,
  lengthProblem,
  normalizeField,
  parseImportance,
  parseSources,
  parseWhen,
  sameField,
  type FieldId,
  type FormFields,
  type Problem,
} from "./fields.ts";
import { asShown } from "./inputs.ts";
import { writingLang } from "./lang.ts";
import { resolvePeople, type PeopleLookup } from "./people.ts";
import { diffValues, valuesOf } from "./values.ts";

/** What reading a form needs besides the form. */
export interface ReadContext {
  /** The language of the editor's Discord locale. */
  localeLang: Lang;
  people: PeopleLookup;
}

export type Read<T> = ({ ok: true; lang: Lang; changes: AuditChanges } & T) | { ok: false; problems: Problem[] };

function setLang(text: Localized, lang: Lang, value: string | null): Localized {
  return { ...text, [lang]: value };
}

/** A new event from the form: every field is read; the texts go in the editor's language. */
export function readNewEvent(fields: FormFields, ctx: ReadContext): Read<{ event: NewEvent; entities: EntityRef[] }> {
  const problems: Problem[] = [];
  const lang = writingLang(ctx.localeLang, [fields.title, fields.summary]);
  const title = cleanTitle(fields.title);
  if (!title) problems.push({ kind: "titleMissing" });
  const importance = parseImportance(fields.importance);
  if (typeof importance === "object" && importance) problems.push(importance);
  const when = parseWhen(fields.when);
  if (!when) problems.push({ kind: "badWhen", value: fields.when.trim() });
  const summary = normalizeField(fields.summary);
  const people = resolvePeople(fields.people, ctx.people);
  const sources = parseSources(fields.source);
  problems.push(
    ...[lengthProblem("title", title), lengthProblem("summary", summary)].filter((p): p is Problem => p !== null),
    ...people.problems,
    ...sources.problems,
  );
  if (problems.length || !when) return { ok: false, problems };
  const event: NewEvent = {
    ...when,
    title: setLang({ en: null, zh: null }, lang, title),
    summary: setLang({ en: null, zh: null }, lang, summary || null),
    importance: typeof importance === "number" ? importance : DEFAULT_IMPORTANCE,
    entityIds: people.entities.map((e) => e.id),
    sources: sources.sources,
  };
  return { ok: true, lang, event, entities: people.entities, changes: diffValues(null, valuesOf({ ...event, entities: people.entities })) };
}

/**
 * A correction: only the fields the editor changed from what the form first showed (`base`,
 * compared as the modal showed it) are read and applied, the texts in the editor's
 * language; `changes` is empty when the result is the event as it is. Links and sources
 * are in the update only when they change. Each field stands alone: the title's text never
 * changes the importance.
 */
export function readCorrection(fields: FormFields, base: FormFields, current: EventDetail, ctx: ReadContext): Read<{ update: EventUpdate }> {
  const shown = asShown(base);
  const touched = (f: FieldId): boolean => !sameField(fields[f], shown[f]);
  const lang = writingLang(ctx.localeLang, [touched("title") ? fields.title : "", touched("summary") ? fields.summary : ""]);
  const problems: Problem[] = [];
  let { at, precision, importance, title, summary } = current;
  let entities: readonly EntityRef[] = current.entities;
  let sources: readonly Source[] = current.sources;
  if (touched("title")) {
    const text = cleanTitle(fields.title);
    if (!text) problems.push({ kind: "titleMissing" });
    else problems.push(...[lengthProblem("title", text)].filter((p): p is Problem => p !== null));
    title = setLang(title, lang, text);
  }
  if (touched("importance")) {
    const chosen = parseImportance(fields.importance);
    if (typeof chosen === "number") importance = chosen;
    else if (chosen) problems.push(chosen);
  }
  if (touched("when")) {
    const w = parseWhen(fields.when);
    if (w) ({ at, precision } = w);
    else problems.push({ kind: "badWhen", value: fields.when.trim() });
  }
  if (touched("summary")) {
    const text = normalizeField(fields.summary);
    problems.push(...[lengthProblem("summary", text)].filter((p): p is Problem => p !== null));
    summary = setLang(summary, lang, text || null);
  }
  if (touched("people")) {
    const r = resolvePeople(fields.people, ctx.people);
    problems.push(...r.problems);
    entities = r.entities;
  }
  if (touched("source")) {
    const r = parseSources(fields.source);
    problems.push(...r.problems);
    sources = r.sources;
  }
  if (problems.length) return { ok: false, problems };
  const changes = diffValues(valuesOf(current), valuesOf({ at, precision, title, summary, importance, entities, sources }));
  const update: EventUpdate = { at, precision, title, summary, importance };
  if (changes.people) update.entityIds = entities.map((e) => e.id);
  if (changes.sources) update.sources = [...sources];
  return { ok: true, lang, changes, update };
}
