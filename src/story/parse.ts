import { extname } from "node:path";
import type { z } from "zod";
import { inItsLanguage } from "../../db/text.ts";
import type { EventInput, Localized, StoryInput } from "../../db/types.ts";
import { eventTimeProblem, parseEventTime } from "./dates.ts";
import { decodeStoryBytes } from "./encoding.ts";
import { parseJson } from "./json.ts";
import { formatCount } from "./limits.ts";
import { type LocalizedText, StoryFile } from "./schema.ts";
import { pathText, shown } from "./text.ts";
import { checkValues } from "./values.ts";
import { parseYaml } from "./yaml.ts";

/** The outcome of reading one story file: the story, or every problem found in it. */
export type ParseResult = { ok: true; story: StoryInput } | { ok: false; problems: string[] };

/** A plain string is taken as Chinese when it holds Chinese characters, else as English. */
export function localize(text: LocalizedText | undefined): Localized {
  if (text === undefined) return { en: null, zh: null };
  if (typeof text === "string") return inItsLanguage(text);
  return { en: text.en ?? null, zh: text.zh ?? null };
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    if (i.code === "unrecognized_keys") {
      const keys = i.keys.slice(0, 10).map((k) => shown(k, 40));
      const more = i.keys.length > 10 ? ` and ${formatCount(i.keys.length - 10)} more` : "";
      return `${pathText(i.path)}: unknown field${i.keys.length > 1 ? "s" : ""} ${keys.join(", ")}${more}`;
    }
    if (i.code === "invalid_type" && i.input === undefined) return `${pathText(i.path)}: is required`;
    return `${pathText(i.path)}: ${i.message}`;
  });
}

/** Parses and validates story text (YAML, or JSON when `name` ends in .json); `name` picks the format. */
export function parseStoryText(text: string, name: string): ParseResult {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const read = extname(name).toLowerCase() === ".json" ? parseJson(body) : parseYaml(body);
  if (!read.ok) return read;
  const data = read.data;
  if (data === null || data === undefined) return { ok: false, problems: ["the file is empty (a story file starts with story:)"] };
  if (!isRecord(data)) {
    const found = Array.isArray(data) ? "a list" : `a single ${typeof data === "string" ? "text" : typeof data}`;
    return { ok: false, problems: [`(file): must be a mapping with story, entities and events, not ${found}`] };
  }
  const values = checkValues(data);
  // Past the value budget, checking the shape would cost what the budget is there to prevent.
  if (values.tooMany) return { ok: false, problems: values.problems };
  const parsed = StoryFile.safeParse(data, { reportInput: true });
  const problems = [...values.problems, ...(parsed.success ? [] : zodProblems(parsed.error)), ...crossCheck(data)];
  if (!parsed.success || problems.length) return { ok: false, problems: problems.length ? problems : ["(file): invalid story"] };
  return { ok: true, story: toInput(parsed.data) };
}

/** Decodes (UTF-8 only, see encoding.ts) and parses a story file's bytes. */
export function parseStoryBytes(bytes: Uint8Array, name: string): ParseResult {
  const decoded = decodeStoryBytes(bytes);
  return decoded.ok ? parseStoryText(decoded.text, name) : { ok: false, problems: [decoded.problem] };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Rules zod cannot see — unique ids, known references, real dates — checked on the raw
 * data, so they are reported alongside any shape problems, all at once.
 */
function crossCheck(data: unknown): string[] {
  const problems: string[] = [];
  const root = isRecord(data) ? data : {};
  const entityIds = new Set<string>();
  listOf(root.entities).forEach((e, i) => {
    if (!isRecord(e) || typeof e.id !== "string") return;
    if (entityIds.has(e.id)) problems.push(`entities[${i}].id: duplicate id ${shown(e.id)}`);
    entityIds.add(e.id);
  });
  const eventIds = new Set<string>();
  listOf(root.events).forEach((ev, i) => {
    if (!isRecord(ev)) return;
    if (typeof ev.id === "string") {
      if (eventIds.has(ev.id)) problems.push(`events[${i}].id: duplicate id ${shown(ev.id)}`);
      eventIds.add(ev.id);
    }
    const timeProblem = typeof ev.at === "string" ? eventTimeProblem(ev.at) : null;
    if (timeProblem) problems.push(`events[${i}].at: ${shown(ev.at)} ${timeProblem}`);
    if (ev.status_note !== undefined && ev.status === undefined) problems.push(`events[${i}].status_note: needs a status (confirmed, disputed or corrected)`);
    listOf(ev.entities).forEach((ref, j) => {
      if (typeof ref === "string" && !entityIds.has(ref)) problems.push(`events[${i}].entities[${j}]: unknown entity ${shown(ref)}`);
    });
    listOf(ev.quotes).forEach((qt, j) => {
      if (isRecord(qt) && typeof qt.by === "string" && !entityIds.has(qt.by)) problems.push(`events[${i}].quotes[${j}].by: unknown entity ${shown(qt.by)}`);
    });
  });
  return problems;
}

/** The validated file as db/ takes it. */
function toInput(file: StoryFile): StoryInput {
  const events: EventInput[] = file.events.map((ev) => {
    const time = parseEventTime(ev.at)!;
    return {
      key: ev.id,
      at: time.at,
      precision: time.precision,
      title: localize(ev.title),
      summary: localize(ev.summary),
      importance: ev.importance,
      entityKeys: [...new Set(ev.entities)],
      quotes: ev.quotes.map((qt) => ({ byKey: qt.by, text: localize(qt.text) })),
      sources: ev.sources.map((src) => ({ name: src.name, url: src.url ?? null })),
      verification: ev.status ?? null,
      verificationNote: ev.status ? (ev.status_note ?? null) : null,
    };
  });
  return {
    slug: file.story.slug,
    title: localize(file.story.title),
    summary: localize(file.story.summary),
    language: file.story.language,
    entities: file.entities.map((e) => ({ key: e.id, kind: e.kind, name: localize(e.name), role: localize(e.role), aliases: e.aliases })),
    events,
  };
}
