import { ButtonStyle, ComponentType } from "discord.js";
import type { APIButtonComponentWithCustomId } from "discord.js";
import type { EventStanding } from "../../db/event-sources.ts";
import type { Lang, Story, TimelinePage } from "../../db/types.ts";
import { DISABLED_NEXT_ID, DISABLED_PREV_ID } from "../custom-ids.ts";
import { md, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { eventLine, markLegend } from "./lines.ts";
import { statusLegend, statusSuffix } from "./status.ts";
import { joinCapped } from "./lists.ts";
import { withWebLink } from "./web-link.ts";
import type { ActionRow, Reply } from "./reply.ts";
import { baseEmbed } from "./theme.ts";

/** How many names each timeline line shows. */
export const TIMELINE_PEOPLE = 2;

function pager(lang: Lang, prevId: string | null, nextId: string | null): ActionRow[] {
  if (prevId === null && nextId === null) return [];
  const s = t(lang);
  const button = (label: string, id: string | null, fallback: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label,
    custom_id: id ?? fallback,
    disabled: id === null,
  });
  return [
    {
      type: ComponentType.ActionRow,
      components: [button(`◀ ${s.labels.previous}`, prevId, DISABLED_PREV_ID), button(`${s.labels.next} ▶`, nextId, DISABLED_NEXT_ID)],
    },
  ];
}

/**
 * /timeline: one page of events in order (oldest first, as the page holds them), with
 * "Page X of Y" and Previous/Next buttons. The caller owns the custom_ids: a null id means
 * that end is reached and the button is shown disabled; with both null (a single page)
 * there are no buttons. `filterLabel` (e.g. a name or a date range) goes into the title.
 */
export function renderTimeline(
  page: TimelinePage,
  story: Story,
  lang: Lang,
  opts: {
    filterLabel?: string;
    prevId: string | null;
    nextId: string | null;
    webUrl?: string | null;
    standings?: ReadonlyMap<number, EventStanding>;
  },
): Reply {
  const s = t(lang);
  const label = opts.filterLabel ? clip(opts.filterLabel, 100) : "";
  const pages = Math.max(1, page.pageCount);
  const footer = `*${s.labels.page(Math.min(page.page + 1, pages), pages)} · ${s.timeline.total(page.total)}*`;
  const legend = [markLegend(page.events, lang), statusLegend(page.events.length > 0 && opts.standings !== undefined, lang)].filter(Boolean).join("\n");
  const room = LIMITS.description - footer.length - legend.length - 4;
  const list = page.events.length
    ? joinCapped(
        page.events.map((e) => eventLine(e, lang, TIMELINE_PEOPLE) + statusSuffix(opts.standings?.get(e.id))),
        "\n",
        room,
        s.labels.andMore,
      )
    : label
      ? s.timeline.emptyFiltered(label)
      : s.timeline.empty;
  const reply = {
    embeds: [
      {
        ...baseEmbed(story, lang),
        title: label ? `${s.timeline.title} · ${md(label)}` : s.timeline.title,
        description: [list, legend, footer].filter(Boolean).join("\n\n"),
      },
    ],
    components: pager(lang, opts.prevId, opts.nextId),
  };
  return fitMessage(withWebLink(reply, opts.webUrl, lang));
}
