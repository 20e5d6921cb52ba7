/**
 * How well an event is attested, as the lists and /event show it: a compact mark with the
 * number of outlets ("◉3"), or in words with the editor's note. Pure.
 */
import type { EventStanding, EventStatusKind } from "../../db/event-sources.ts";
import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, inline } from "./format.ts";
import type { Reply } from "./reply.ts";

/** One mark per status, shared by replies and the web pages. */
export const STATUS_MARKS: Record<EventStatusKind, string> = { reported: "○", corroborated: "◉", confirmed: "✔", disputed: "⚠", corrected: "✎" };

/** "◉3": the status mark and the number of outlets. */
export function statusMark(s: EventStanding): string {
  return `${STATUS_MARKS[s.status]}${s.outlets}`;
}

/** " · ◉3" after a list line, or "" when the event's standing is not known. */
export function statusSuffix(s: EventStanding | undefined): string {
  return s ? ` · ${statusMark(s)}` : "";
}

/** The legend under a list that shows marks. */
export function statusLegend(shown: boolean, lang: Lang): string {
  return shown ? t(lang).feeds.status.legend : "";
}

/** "◉ corroborated · 3 outlets", then the editor's note. */
export function statusText(s: EventStanding, lang: Lang): string {
  const st = t(lang).feeds.status;
  const line = `${STATUS_MARKS[s.status]} ${st.names[s.status]} · ${st.outlets(s.outlets)}`;
  return s.note ? `${line}\n${inline(s.note, 300)}` : line;
}

/** The answer to `/editor status`: saved (with the status as /event shows it) or already so. */
export function renderStatusSaved(title: string, standing: EventStanding, saved: boolean, lang: Lang): Reply {
  const st = t(lang).feeds.status;
  const head = saved ? st.set(clip(title, 200)) : st.unchanged(clip(title, 200));
  return fitMessage({ content: `${head}\n${statusText(standing, lang)}`, ephemeral: true });
}
