import type { EventStanding } from "../../db/event-sources.ts";
import type { EventSummary, Lang, Story } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { LIMITS } from "./limits.ts";
import { eventLine, markLegend } from "./lines.ts";
import { joinCapped } from "./lists.ts";
import type { Reply } from "./reply.ts";
import { statusLegend, statusSuffix } from "./status.ts";
import { baseEmbed } from "./theme.ts";

/** How many names each /latest line shows. */
export const LATEST_PEOPLE = 3;

/** Newest first: by time, then by when the event was added. Does not modify `events`. */
export function newestFirst<T extends { at: number; addedAt: number }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => b.at - a.at || b.addedAt - a.addedAt);
}

/** What "newest" means in /latest: when it happened (the default), or when it was added. */
export type LatestOrder = "happened" | "added";

/**
 * /latest: the story's newest events, newest first, one line each: date, marker for
 * importance ≥ 4, title and the people involved (and, given `standings`, the status mark
 * with the number of outlets). By when they happened (sorted here), or
 * for `added`, in the order given (newest added first), under its own title.
 */
export function renderLatest(
  events: EventSummary[],
  story: Story,
  lang: Lang,
  order: LatestOrder = "happened",
  standings?: ReadonlyMap<number, EventStanding>,
): Reply {
  const s = t(lang);
  const sorted = order === "added" ? events : newestFirst(events);
  const legend = [markLegend(sorted, lang), statusLegend(sorted.length > 0 && standings !== undefined, lang)].filter(Boolean).join("\n");
  const room = LIMITS.description - legend.length - 2;
  const list = sorted.length
    ? joinCapped(
        sorted.map((e) => eventLine(e, lang, LATEST_PEOPLE) + statusSuffix(standings?.get(e.id))),
        "\n",
        room,
        s.labels.andMore,
      )
    : s.latest.empty;
  const title = order === "added" ? s.latest.titleAdded : s.latest.title;
  return fitMessage({
    embeds: [{ ...baseEmbed(story, lang), title, description: [list, legend].filter(Boolean).join("\n\n") }],
    components: [],
  });
}
