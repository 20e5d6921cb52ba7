/**
 * Every custom_id the bot makes, in one table: a command may not import another, yet /who
 * makes buttons that /timeline answers, and renderers place ids they must not invent. Each
 * id carries everything needed to answer it (no server-side state), so it works after a
 * restart and for anyone who clicks. Builders make ids; parsers read the arguments after the
 * prefix (what the dispatcher hands a command) and are strict: an id they do not fully
 * understand (wrong arity, unknown verb, a number that is not a positive id, over 100
 * characters) is null, and the caller answers "expired".
 *
 * Ids are positive integers (at most 15 digits); times are unix ms; days are the UTC
 * calendar day as YYYYMMDD.
 *
 * - `tl:<storyId>:<entityId|->:<from|->:<to|->:<page>[:n]` — a timeline page (1-based; out
 *   of range is clamped when shown); `n` asks for a new ephemeral message instead of
 *   updating the clicked one.
 * - `who:<storyId>:<entityId>` — one entity's profile (the /who choice buttons).
 * - `ed:add:<storyId>[:<draftId>]` — the form for a new event (draft: the one reopened);
 *   `ed:edit:<storyId>:<eventId>:<draftId>` — the form correcting an event (draft: what it
 *   first showed); `ed:retry:<draftId>` — "Edit and retry"; `ed:rm:<storyId>:<eventId>:<updatedAt>`
 *   — confirms removing the event as it was shown; `ed:keep` — cancels a removal.
 * - `ed:padd:<storyId>[:<draftId>]` — the person form for someone new;
 *   `ed:pedit:<storyId>:<entityId>[:<draftId>]` — the person form correcting someone;
 *   `ed:pretry:<draftId>` — "Edit and retry" of a refused person form;
 *   `ed:pmerge:<storyId>:<fromId>:<intoId>` — confirms merging a duplicate; `ed:pmkeep` cancels.
 * - `rv:ok|no|edit|skip:<eventId>` — the review card's buttons; `rv:merge|split:<eventId>` its selects
 *   (the chosen event or report id is the select's value, checked when used);
 *   `rv:find:<eventId>` — "Merge into another event…", which opens `rv:into:<eventId>`, the form
 *   naming the event to merge the development into (read when submitted);
 *   `rv:save:<eventId>:<updatedAt>` — the correction form, for the event as it was shown.
 * - `noop:prev`, `noop:next` — the disabled Previous/Next buttons at a timeline's ends.
 *   Discord needs an id even on a disabled button; no command claims `noop`, so a forged
 *   click is answered "expired".
 */
import { parseDay } from "./story/dates.ts";

/** The custom_id prefix /timeline owns. */
export const TIMELINE_PREFIX = "tl";
/** The custom_id prefix /who owns. */
export const WHO_PREFIX = "who";
/** The custom_id prefix /editor owns. */
export const EDITOR_PREFIX = "ed";
/** The custom_id prefix /review owns. */
export const REVIEW_PREFIX = "rv";

/** The ids of the disabled Previous/Next buttons; nothing answers them. */
export const DISABLED_PREV_ID = "noop:prev";
export const DISABLED_NEXT_ID = "noop:next";

/** Discord's limit on a custom_id. */
const MAX_LENGTH = 100;
const NONE = "-";
const ID = /^[1-9]\d{0,14}$/;
const TIME = /^(?:0|[1-9]\d{0,14})$/;
const PAGE = /^\d{1,6}$/;
const DAY = /^(\d{4})(\d{2})(\d{2})$/;

/** Whether the id `prefix:args…` is within Discord's length limit. */
function fits(prefix: string, args: readonly string[]): boolean {
  return prefix.length + 1 + args.join(":").length <= MAX_LENGTH;
}

function parseId(text: string | undefined): number | undefined {
  return text !== undefined && ID.test(text) ? Number(text) : undefined;
}

function parseTime(text: string | undefined): number | undefined {
  return text !== undefined && TIME.test(text) ? Number(text) : undefined;
}

/** Every argument parsed into a number, or null if one is not. */
function numbers(args: readonly string[], parse: readonly ((text: string | undefined) => number | undefined)[]): number[] | null {
  if (args.length !== parse.length) return null;
  const out = parse.map((p, i) => p(args[i]));
  return out.every((n) => n !== undefined) ? (out as number[]) : null;
}

/* ---- tl ---- */

/** What a timeline button shows. Days are "YYYY-MM-DD" (already validated) or null. */
export interface TimelineState {
  storyId: number;
  entityId: number | null;
  from: string | null;
  to: string | null;
  /** 1-based; clamped into range when the page is shown. */
  page: number;
  /** Answer with a new ephemeral message rather than updating the clicked one. */
  fresh?: boolean;
}

/** "2023-11-17" → "20231117". */
function compactDay(day: string | null): string {
  return day ? day.replace(/-/g, "") : NONE;
}

/** "20231117" → "2023-11-17" when it is a real day; undefined when malformed; null for "-". */
function expandDay(text: string): string | null | undefined {
  if (text === NONE) return null;
  const m = DAY.exec(text);
  if (!m) return undefined;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return parseDay(day) ? day : undefined;
}

/** The custom_id of a timeline button. */
export function timelineCustomId(s: TimelineState): string {
  const page = Math.max(1, Math.min(999_999, Math.trunc(s.page) || 1));
  const parts = [TIMELINE_PREFIX, s.storyId, s.entityId ?? NONE, compactDay(s.from), compactDay(s.to), page];
  if (s.fresh) parts.push("n");
  return parts.join(":");
}

/** The args of a timeline custom_id (after the prefix) back into a state; null when not understood. */
export function parseTimelineArgs(args: readonly string[]): TimelineState | null {
  if (args.length < 5 || args.length > 6 || !fits(TIMELINE_PREFIX, args)) return null;
  const [story, entity, from, to, page, mode] = args as [string, string, string, string, string, string?];
  if (mode !== undefined && mode !== "n") return null;
  const storyId = parseId(story);
  const entityId = entity === NONE ? null : parseId(entity);
  const fromDay = expandDay(from);
  const toDay = expandDay(to);
  if (storyId === undefined || entityId === undefined || fromDay === undefined || toDay === undefined || !PAGE.test(page)) return null;
  if (fromDay && toDay && fromDay > toDay) return null;
  return { storyId, entityId, from: fromDay, to: toDay, page: Number(page), fresh: mode === "n" };
}

/* ---- who ---- */

/** What a /who choice button names. */
export interface WhoTarget {
  storyId: number;
  entityId: number;
}

/** The custom_id of a button showing one entity's profile. */
export function whoCustomId(target: WhoTarget): string {
  return `${WHO_PREFIX}:${target.storyId}:${target.entityId}`;
}

/** The args of a who custom_id back into ids; null when not understood. */
export function parseWhoArgs(args: readonly string[]): WhoTarget | null {
  const n = fits(WHO_PREFIX, args) ? numbers(args, [parseId, parseId]) : null;
  return n ? { storyId: n[0]!, entityId: n[1]! } : null;
}

/* ---- ed ---- */

/** What an editor form or button is for (the verb is the id's second part). */
export type EditorAction =
  | { verb: "add"; storyId: number; draftId: number | null }
  | { verb: "edit"; storyId: number; eventId: number; draftId: number }
  | { verb: "retry"; draftId: number }
  | { verb: "rm"; storyId: number; eventId: number; updatedAt: number }
  | { verb: "keep" }
  | { verb: "padd"; storyId: number; draftId: number | null }
  | { verb: "pedit"; storyId: number; entityId: number; draftId: number | null }
  | { verb: "pretry"; draftId: number }
  | { verb: "pmerge"; storyId: number; fromId: number; intoId: number }
  | { verb: "pmkeep" };

/** The custom_id of an editor form or button. */
export function editorCustomId(a: EditorAction): string {
  const parts: (string | number)[] = [EDITOR_PREFIX, a.verb];
  if (a.verb === "add") parts.push(a.storyId, ...(a.draftId === null ? [] : [a.draftId]));
  else if (a.verb === "edit") parts.push(a.storyId, a.eventId, a.draftId);
  else if (a.verb === "retry") parts.push(a.draftId);
  else if (a.verb === "rm") parts.push(a.storyId, a.eventId, a.updatedAt);
  else if (a.verb === "padd") parts.push(a.storyId, ...(a.draftId === null ? [] : [a.draftId]));
  else if (a.verb === "pedit") parts.push(a.storyId, a.entityId, ...(a.draftId === null ? [] : [a.draftId]));
  else if (a.verb === "pretry") parts.push(a.draftId);
  else if (a.verb === "pmerge") parts.push(a.storyId, a.fromId, a.intoId);
  return parts.join(":");
}

/** The args of an editor custom_id back into its action; null when not understood. */
export function parseEditorArgs(args: readonly string[]): EditorAction | null {
  if (!fits(EDITOR_PREFIX, args)) return null;
  const [verb, ...rest] = args;
  if (verb === "keep" || verb === "pmkeep") return rest.length === 0 ? { verb } : null;
  if (verb === "pmerge") {
    const n = numbers(rest, [parseId, parseId, parseId]);
    return n && n[1] !== n[2] ? { verb, storyId: n[0]!, fromId: n[1]!, intoId: n[2]! } : null;
  }
  if (verb === "add") {
    const n = rest.length === 1 ? numbers(rest, [parseId]) : numbers(rest, [parseId, parseId]);
    return n ? { verb, storyId: n[0]!, draftId: n[1] ?? null } : null;
  }
  if (verb === "edit") {
    const n = numbers(rest, [parseId, parseId, parseId]);
    return n ? { verb, storyId: n[0]!, eventId: n[1]!, draftId: n[2]! } : null;
  }
  if (verb === "retry") {
    const n = numbers(rest, [parseId]);
    return n ? { verb, draftId: n[0]! } : null;
  }
  if (verb === "padd") {
    const n = rest.length === 1 ? numbers(rest, [parseId]) : numbers(rest, [parseId, parseId]);
    return n ? { verb, storyId: n[0]!, draftId: n[1] ?? null } : null;
  }
  if (verb === "pedit") {
    const n = rest.length === 2 ? numbers(rest, [parseId, parseId]) : numbers(rest, [parseId, parseId, parseId]);
    return n ? { verb, storyId: n[0]!, entityId: n[1]!, draftId: n[2] ?? null } : null;
  }
  if (verb === "pretry") {
    const n = numbers(rest, [parseId]);
    return n ? { verb, draftId: n[0]! } : null;
  }
  if (verb === "rm") {
    const n = numbers(rest, [parseId, parseId, parseTime]);
    return n ? { verb, storyId: n[0]!, eventId: n[1]!, updatedAt: n[2]! } : null;
  }
  return null;
}

/* ---- rv ---- */

/** The review card's button verbs. */
export type ReviewVerb = "ok" | "no" | "edit" | "skip" | "merge" | "split" | "find";
/** The review's forms: naming the event to merge into, and the correction form. */
type ReviewFormVerb = "into" | "save";
const REVIEW_VERBS: ReadonlySet<string> = new Set<ReviewVerb | ReviewFormVerb>(["ok", "no", "edit", "skip", "merge", "split", "find", "into"]);

/** What a review button or one of the review's forms is for. */
export type ReviewAction = { verb: ReviewVerb | "into"; eventId: number } | { verb: "save"; eventId: number; updatedAt: number };

/** The custom_id of a review button or form. */
export function reviewCustomId(a: ReviewAction): string {
  return a.verb === "save" ? `${REVIEW_PREFIX}:save:${a.eventId}:${a.updatedAt}` : `${REVIEW_PREFIX}:${a.verb}:${a.eventId}`;
}

/** The args of a review custom_id back into its action; null when not understood. */
export function parseReviewArgs(args: readonly string[]): ReviewAction | null {
  if (!fits(REVIEW_PREFIX, args)) return null;
  const [verb, ...rest] = args;
  if (verb === "save") {
    const n = numbers(rest, [parseId, parseTime]);
    return n ? { verb, eventId: n[0]!, updatedAt: n[1]! } : null;
  }
  if (verb === undefined || !REVIEW_VERBS.has(verb)) return null;
  const n = numbers(rest, [parseId]);
  return n ? { verb: verb as ReviewVerb | "into", eventId: n[0]! } : null;
}
