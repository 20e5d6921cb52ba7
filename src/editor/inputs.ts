/**
 * The event form as the modal shows it. Discord allows five inputs in a modal and the form
 * has six fields, so the title and the summary share one box: its first line is the title,
 * what follows it the summary. Pure.
 */
import { FIELD_MAX, formFields, type FormFields } from "./fields.ts";

/** The modal's inputs by custom_id, in the order it shows them. */
export const INPUT_IDS = ["title", "when", "importance", "people", "source"] as const;
export type InputId = (typeof INPUT_IDS)[number];
export type FormInputs = Record<InputId, string>;

/** Discord's longest text input value. */
export const INPUT_MAX = 4000;

/** The longest the title box accepts as typed: a title, a blank line and a summary. */
export const TITLE_BOX_MAX = FIELD_MAX.title + 2 + FIELD_MAX.summary;

/** The title box's text: the title, then (after a blank line) the summary when there is one. */
export function joinTitleSummary(title: string, summary: string): string {
  return summary.trim() ? `${title}\n\n${summary}` : title;
}

/** The title box read back: its first line and the rest (blank lines between them skipped). */
export function splitTitleSummary(text: string): { title: string; summary: string } {
  const body = text.replace(/\r\n?/g, "\n").replace(/^(?:[ \t]*\n)+/, "");
  const nl = body.indexOf("\n");
  if (nl < 0) return { title: body, summary: "" };
  return { title: body.slice(0, nl), summary: body.slice(nl + 1).replace(/^(?:[ \t]*\n)+/, "") };
}

/** The fields as the modal's inputs, each cut to what Discord lets an input hold. */
export function toInputs(fields: FormFields): FormInputs {
  const cut = (text: string) => text.slice(0, INPUT_MAX);
  return {
    title: cut(joinTitleSummary(fields.title, fields.summary)),
    when: cut(fields.when),
    importance: fields.importance,
    people: cut(fields.people),
    source: cut(fields.source),
  };
}

/** The fields from a submitted modal's inputs (missing ones read as ""); unknown inputs are ignored. */
export function fromInputs(raw: Partial<Record<string, string>>): FormFields {
  const { title, summary } = splitTitleSummary(raw.title ?? "");
  return formFields({ when: raw.when, people: raw.people, source: raw.source, importance: raw.importance, title, summary });
}

/**
 * The fields as the editor sees them in the modal: what comes back untouched when the form
 * is sent as it opened (a text longer than an input can hold comes back cut), so comparing
 * with it tells what they really changed.
 */
export function asShown(fields: FormFields): FormFields {
  return fromInputs(toInputs(fields));
}
