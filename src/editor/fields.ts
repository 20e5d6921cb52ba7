/**
 * The editors' event form: its six fields and how each is read. Pure; problems come back
 * as data for src/render/editor.ts to word. How the fields sit in Discord's five-input
 * modal is src/editor/inputs.ts.
 */
import type { EntityRef, Precision, Source } from "../../db/types.ts";
import { parseEventTime } from "../story/dates.ts";

/** The form's fields. */
export const FIELD_IDS = ["title", "when", "summary", "people", "source", "importance"] as const;
export type FieldId = (typeof FIELD_IDS)[number];
export type FormFields = Record<FieldId, string>;
/** The fields typed as text (importance is chosen from a list). */
export type TextFieldId = Exclude<FieldId, "importance">;

/** Longest texts accepted (the modal enforces them too). */
export const FIELD_MAX = { title: 200, when: 40, summary: 2000, people: 500, source: 1000 } as const satisfies Record<TextFieldId, number>;
export const MAX_PEOPLE = 25;
export const MAX_SOURCES = 10;
/** The importance levels, most important first, and what a new event gets unless one is chosen. */
export const IMPORTANCE_LEVELS = [5, 4, 3, 2, 1] as const;
export const DEFAULT_IMPORTANCE = 3;

/** Something wrong with what was typed; `field` says which input to fix. */
export type Problem =
  | { kind: "titleMissing" }
  | { kind: "tooLong"; field: TextFieldId; max: number }
  | { kind: "badImportance"; value: string }
  | { kind: "badWhen"; value: string }
  | { kind: "sourceMissing" }
  | { kind: "sourceNoName"; line: string }
  | { kind: "sourceBadUrl"; url: string }
  | { kind: "tooManySources"; max: number }
  | { kind: "tooManyPeople"; max: number }
  | { kind: "unknownPerson"; typed: string; suggestions: EntityRef[] }
  | { kind: "ambiguousPerson"; typed: string; matches: EntityRef[] }
  | { kind: "notAName"; typed: string };

/** The known fields of a submitted form, each a string ("" when missing). */
export function formFields(raw: Partial<Record<string, string | null | undefined>>): FormFields {
  return Object.fromEntries(FIELD_IDS.map((f) => [f, typeof raw[f] === "string" ? raw[f] : ""])) as FormFields;
}

/** A field's text as compared: line ends unified, spaces at line ends and around the text dropped. */
export function normalizeField(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/** Whether two values of a field say the same thing. */
export function sameField(a: string, b: string): boolean {
  return normalizeField(a) === normalizeField(b);
}

/** A title as saved: on one line, spaces collapsed. A leading "!" is part of it, like any text. */
export function cleanTitle(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The importance field: 1–5, or null when nothing was chosen; anything else is a problem. */
export function parseImportance(text: string): number | null | Problem {
  const v = text.trim();
  if (!v) return null;
  const n = Number(v);
  return (IMPORTANCE_LEVELS as readonly number[]).includes(n) ? n : { kind: "badImportance", value: v.slice(0, 20) };
}

/** When it happened: a calendar date or an ISO date-time with offset. */
export function parseWhen(text: string): { at: number; precision: Precision } | null {
  return parseEventTime(text);
}

function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(url) && URL.canParse(url);
}

/** One source line: `Name | https://url`, `Name https://url` or just `Name`. */
export function parseSourceLine(line: string): Source | Problem {
  const text = line.trim();
  const bar = text.lastIndexOf("|");
  let name = text;
  let url: string | null = null;
  if (bar >= 0) {
    name = text.slice(0, bar).trim();
    url = text.slice(bar + 1).trim() || null;
  } else {
    const trailing = /^(.*\S)\s+(\S+:\/\/\S+)$/.exec(text);
    if (trailing) [name, url] = [trailing[1]!.trim(), trailing[2]!];
    else if (/^\S+:\/\/\S*$/.test(text)) [name, url] = ["", text];
  }
  if (!name) return { kind: "sourceNoName", line: text };
  if (url !== null && !isHttpUrl(url)) return { kind: "sourceBadUrl", url };
  return { name, url };
}

/** The sources field: one source per line, at least one. */
export function parseSources(text: string): { sources: Source[]; problems: Problem[] } {
  const lines = normalizeField(text)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return { sources: [], problems: [{ kind: "sourceMissing" }] };
  if (lines.length > MAX_SOURCES) return { sources: [], problems: [{ kind: "tooManySources", max: MAX_SOURCES }] };
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for (const line of lines) {
    const r = parseSourceLine(line);
    if ("kind" in r) problems.push(r);
    else sources.push(r);
  }
  return { sources, problems };
}

/** The names in the people field: separated by commas (, ， 、), semicolons or lines; each once. */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；\n]/)) {
    const name = raw.replace(/\s+/g, " ").trim();
    const k = name.toLowerCase();
    if (!name || seen.has(k)) continue;
    seen.add(k);
    out.push(name);
  }
  return out;
}

/** A text field's value when it is too long, as a problem; null when it fits. */
export function lengthProblem(field: TextFieldId, text: string): Problem | null {
  return text.length > FIELD_MAX[field] ? { kind: "tooLong", field, max: FIELD_MAX[field] } : null;
}
