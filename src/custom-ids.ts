/**
 * The custom_id formats of the story commands, in one place: a command may not import
 * another, yet /who must make buttons that /timeline answers. Each id carries everything
 * needed to answer it (no server-side state), so it works after a restart and for anyone
 * who clicks. Parsers are strict: any id they do not fully understand is null, and the
 * caller answers "expired".
 *
 * - `tl:<storyId>:<entityId|->:<from|->:<to|->:<page>[:n]` — a timeline page. Days are the
 *   UTC calendar day as YYYYMMDD, page is 1-based (out of range is clamped when shown);
 *   the trailing `n` asks for a new (ephemeral) message instead of updating the clicked one.
 * - `who:<storyId>:<entityId>` — one entity's profile (the /who choice buttons).
 */
import { parseDay } from "./story/dates.ts";

/** The custom_id prefix /timeline owns. */
export const TIMELINE_PREFIX = "tl";
/** The custom_id prefix /who owns. */
export const WHO_PREFIX = "who";

/** Discord's limit on a custom_id. */
const MAX_LENGTH = 100;
const NONE = "-";
const ID = /^[1-9]\d{0,14}$/;
const PAGE = /^\d{1,6}$/;
const DAY = /^(\d{4})(\d{2})(\d{2})$/;

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

function parseId(text: string): number | undefined {
  if (!ID.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
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
  if (args.length < 5 || args.length > 6 || args.join(":").length > MAX_LENGTH) return null;
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

/** The custom_id of a button showing one entity's profile. */
export function whoCustomId(storyId: number, entityId: number): string {
  return `${WHO_PREFIX}:${storyId}:${entityId}`;
}

/** The args of a who custom_id back into ids; null when not understood. */
export function parseWhoArgs(args: readonly string[]): { storyId: number; entityId: number } | null {
  if (args.length !== 2) return null;
  const storyId = parseId(args[0]!);
  const entityId = parseId(args[1]!);
  return storyId === undefined || entityId === undefined ? null : { storyId, entityId };
}
