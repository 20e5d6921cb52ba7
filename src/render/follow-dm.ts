/**
 * A follow DM: the events a follower is owed, each with its date, status mark, why it reached
 * them (the person they follow, or the story) and how to see it (`/event`, the story page).
 * Pure; the courier (src/courier/follows.ts) gathers the parts.
 */
import type { EventStanding } from "../../db/event-sources.ts";
import type { Follow } from "../../db/follows.ts";
import type { EventSummary, Lang, Localized } from "../../db/types.ts";
import { code, joinList, pickOr, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { formatWhen, IMPORTANT_FROM, inline } from "./format.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { statusSuffix } from "./status.ts";
import { NEUTRAL_COLOR, storyColor } from "./theme.ts";

/** One event of a DM. */
export interface FollowDmItem {
  event: EventSummary;
  standing: EventStanding | undefined;
  story: { slug: string; title: Localized };
  /** The story page of the event, when PUBLIC_URL is set. */
  webUrl: string | null;
}

/** Why an event reached a follower: the people they follow that it names, and whether their story follow took it. */
export interface FollowReason {
  people: Follow["entity"][];
  story: boolean;
}

/** The follows of `follows` that `event` matches. */
export function followReason(follows: readonly Follow[], event: Pick<EventSummary, "storyId" | "importance" | "entities">): FollowReason {
  const named = new Set(event.entities.map((e) => e.id));
  const mine = follows.filter((f) => f.story.id === event.storyId);
  return {
    people: mine.filter((f) => f.entity && named.has(f.entity.id)).map((f) => f.entity),
    story: event.importance >= IMPORTANT_FROM && mine.some((f) => f.entity === null),
  };
}

function because(reason: FollowReason, story: Localized, slug: string, lang: Lang): string {
  const s = t(lang).follows.dm;
  const people = reason.people.flatMap((p) => (p ? [`**${inline(nameOf(p, lang), 80)}**`] : []));
  if (people.length > 0) return s.becausePerson(joinList(people, lang));
  return s.becauseStory(pickOr(story, lang, slug));
}

/**
 * The DM for `items` (oldest first) in `lang`. `eventCommand(key)` is how to open one (a
 * command mention when its id is known); the marker is printed in the footer so a restart
 * can find the message.
 */
export function renderFollowDm(
  items: readonly { item: FollowDmItem; reason: FollowReason }[],
  lang: Lang,
  opts: { marker: string; eventCommand: (key: string) => string },
): Reply {
  const s = t(lang).follows.dm;
  const lines = items.map(({ item, reason }) => {
    const e = item.event;
    const head = `**${inline(titleOf(e.title, lang), 200)}**${statusSuffix(item.standing)} · ${formatWhen(e.at, e.precision, lang)}`;
    const how = [s.see(opts.eventCommand(e.key))];
    if (item.webUrl) how.push(`[${s.web}](${item.webUrl})`);
    return `${head}\n${because(reason, item.story.title, item.story.slug, lang)} · ${how.join(" · ")}`;
  });
  const slugs = new Set(items.map((i) => i.item.story.slug));
  const only = items[0]?.item.story;
  return fitMessage({
    embeds: [
      {
        title: s.title(items.length),
        description: lines.join("\n\n"),
        color: slugs.size === 1 && only ? storyColor(only.slug) : NEUTRAL_COLOR,
        footer: { text: [slugs.size === 1 && only ? pickOr(only.title, lang, only.slug) : t(lang).brand, t(lang).delivery.ref(opts.marker)].join(" · ") },
      },
    ],
  });
}

/** `/event id:<key>`, or with the command's id the clickable mention and the option to type. */
export function eventCommandText(commandId: string | null, key: string): string {
  return commandId ? `</event:${commandId}> ${code(`id:${key}`)}` : code(`/event id:${key}`);
}
