import { readFileSync } from "node:fs";
import { extname } from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { hasHan } from "../../db/text.ts";
import type { EventInput, Localized, StoryInput } from "../../db/types.ts";
import { parseEventTime, TIME_FORMATS } from "./dates.ts";
import { type LocalizedText, StoryFile } from "./schema.ts";

/** The outcome of reading one story file: the story, or every problem found in it. */
export type ParseResult = { ok: true; story: StoryInput } | { ok: false; problems: string[] };

/** A plain string is taken as Chinese when it holds Chinese characters, else as English. */
export function localize(text: LocalizedText | undefined): Localized {
  if (text === undefined) return { en: null, zh: null };
  if (typeof text === "string") return hasHan(text) ? { en: null, zh: text } : { en: text, zh: null };
  return { en: text.en ?? null, zh: text.zh ?? null };
}

/** `events[3].entities[1]` from a zod path. */
function pathText(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  return out || "(file)";
}

function zodProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    if (i.code === "unrecognized_keys") return `${pathText(i.path)}: unknown field${i.keys.length > 1 ? "s" : ""} ${i.keys.map((k) => `"${k}"`).join(", ")}`;
    if (i.code === "invalid_type" && i.input === undefined) return `${pathText(i.path)}: is required`;
    return `${pathText(i.path)}: ${i.message}`;
  });
}

/** Parses and validates story text (YAML or JSON); `name` is used only in messages. */
export function parseStoryText(text: string, name: string): ParseResult {
  let data: unknown;
  if (extname(name).toLowerCase() === ".json") {
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { ok: false, problems: [`not valid JSON: ${(err as Error).message}`] };
    }
  } else {
    const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length) {
      return { ok: false, problems: doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? "?"}: ${e.message.split("\n")[0]}`) };
    }
    data = doc.toJS();
  }
  const parsed = StoryFile.safeParse(data, { reportInput: true });
  const problems = [...(parsed.success ? [] : zodProblems(parsed.error)), ...crossCheck(data)];
  if (!parsed.success || problems.length) return { ok: false, problems: problems.length ? problems : ["(file): invalid story"] };
  return { ok: true, story: toInput(parsed.data) };
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
    if (entityIds.has(e.id)) problems.push(`entities[${i}].id: duplicate id "${e.id}"`);
    entityIds.add(e.id);
  });
  const eventIds = new Set<string>();
  listOf(root.events).forEach((ev, i) => {
    if (!isRecord(ev)) return;
    if (typeof ev.id === "string") {
      if (eventIds.has(ev.id)) problems.push(`events[${i}].id: duplicate id "${ev.id}"`);
      eventIds.add(ev.id);
    }
    if (typeof ev.at === "string" && !parseEventTime(ev.at)) problems.push(`events[${i}].at: "${ev.at}" is not a date (expected ${TIME_FORMATS})`);
    listOf(ev.entities).forEach((ref, j) => {
      if (typeof ref === "string" && !entityIds.has(ref)) problems.push(`events[${i}].entities[${j}]: unknown entity "${ref}"`);
    });
    listOf(ev.quotes).forEach((qt, j) => {
      if (isRecord(qt) && typeof qt.by === "string" && !entityIds.has(qt.by)) problems.push(`events[${i}].quotes[${j}].by: unknown entity "${qt.by}"`);
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

/** Reads a story file from disk; a missing or unreadable file is one clear problem. */
export function readStoryFile(path: string): ParseResult {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : (err as Error).message;
    return { ok: false, problems: [`cannot read file: ${why}`] };
  }
  return parseStoryText(text, path);
}
