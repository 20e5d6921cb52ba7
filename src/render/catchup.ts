/**
 * /catchup: what a story gained in a window — new events in the order they happened, events
 * whose status changed (with the status they have now), new people — or "you're up to date".
 * Always ephemeral. Pure.
 */
import type { StatusChange } from "../../db/catchup.ts";
import type { EventStanding } from "../../db/event-sources.ts";
import type { EntityRef, EventSummary, Lang, Story } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp, formatDay, inline } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { eventLine, LINE_TITLE_MAX, markLegend } from "./lines.ts";
import { joinCapped } from "./lists.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { statusLegend, statusSuffix } from "./status.ts";
import { baseEmbed } from "./theme.ts";

/** How many names each new event's line shows. */
const CATCHUP_PEOPLE = 3;

/** Where the window starts: the user's mark, the first time's default, or a `since:` date. */
export type CatchupFrom = { kind: "mark"; at: number } | { kind: "first"; at: number } | { kind: "asked"; at: number };

/** What the story gained in the window, as read from the database. */
export interface CatchupView {
  from: CatchupFrom;
  events: readonly EventSummary[];
  changes: readonly StatusChange[];
  people: readonly EntityRef[];
  standings: ReadonlyMap<number, EventStanding>;
}

function fromText(from: CatchupFrom, lang: Lang): string {
  return from.kind === "asked" ? formatDay(from.at, lang) : discordTimestamp(from.at, "f");
}

/** "**Title** — now confirmed", or with the editor's note: "**Title** — corrected: …". */
function changeLine(c: StatusChange, standing: EventStanding | undefined, lang: Lang): string {
  const s = t(lang);
  const title = `**${inline(titleOf(c.title, lang), LINE_TITLE_MAX)}**`;
  if (!standing) return title;
  const name = s.feeds.status.names[standing.status];
  const what = standing.note ? s.catchup.withNote(name, clip(standing.note, 300)) : s.catchup.nowStatus(name);
  return `${title} — ${what}`;
}

/** The /catchup reply for `view`. */
export function renderCatchup(view: CatchupView, story: Story, lang: Lang): Reply {
  const s = t(lang);
  const c = s.catchup;
  const when = fromText(view.from, lang);
  const hint = view.from.kind === "asked" ? c.hintSince : c.hint;
  if (view.events.length === 0 && view.changes.length === 0 && view.people.length === 0) {
    return fitMessage({ embeds: [{ ...baseEmbed(story, lang), title: c.title, description: `${c.upToDate(when)}\n\n${hint}` }], ephemeral: true });
  }
  const head = view.from.kind === "mark" ? c.sinceMark(when) : view.from.kind === "first" ? c.sinceFirst(when) : c.sinceAsked(when);
  const legend = [markLegend(view.events, lang), statusLegend(view.events.length > 0, lang)].filter(Boolean).join("\n");
  const room = LIMITS.description - head.length - legend.length - hint.length - 16;
  const lines = view.events.map((e) => eventLine(e, lang, CATCHUP_PEOPLE) + statusSuffix(view.standings.get(e.id)));
  const list = lines.length ? `**${c.events(lines.length)}**\n${joinCapped(lines, "\n", room, s.labels.andMore)}` : "";
  const fields = [];
  if (view.changes.length) {
    const value = joinCapped(
      view.changes.map((ch) => changeLine(ch, view.standings.get(ch.eventId), lang)),
      "\n",
      LIMITS.fieldValue,
      s.labels.andMore,
    );
    fields.push({ name: c.statuses, value });
  }
  if (view.people.length) {
    const value = joinCapped(
      view.people.map((p) => inline(nameOf(p, lang), 80)),
      lang === "zh" ? "、" : ", ",
      LIMITS.fieldValue,
      s.labels.andMore,
    );
    fields.push({ name: c.people, value });
  }
  const description = [head, list, legend, hint].filter(Boolean).join("\n\n");
  return fitMessage({ embeds: [{ ...baseEmbed(story, lang), title: c.title, description, fields }], ephemeral: true });
}
