/**
 * The recap digest: what was added to a story in a window, in the order it happened, grouped
 * by day, with who was involved, a source link per event and the names most mentioned.
 * Split over at most {@link DIGEST_MAX_MESSAGES} messages; beyond that, "and N more".
 */
import type { EventStanding } from "../../db/event-sources.ts";
import type { EntityMention, EventSummary, Lang, Source, Story } from "../../db/types.ts";
import { joinList, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp, formatDay, importanceMark, inline, sourceLink } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { LINE_TITLE_MAX, markLegend, peopleList } from "./lines.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { statusLegend, statusSuffix } from "./status.ts";
import { baseEmbed, storyTitle } from "./theme.ts";
import { withWebLink } from "./web-link.ts";

/** An event in a digest, with the source its line links to and its status with outlet count. */
export interface DigestEvent {
  event: EventSummary;
  source: Source | null;
  /** Shown as a compact mark ("◉3") after the line, as /latest does; none when not known. */
  standing?: EventStanding;
}

/** Everything a digest shows. */
export interface Digest {
  story: Story;
  /** The window: events with since < added_at <= until. */
  since: number;
  until: number;
  /** In the order they happened. */
  events: DigestEvent[];
  /** The names most mentioned in the window's events, most first. */
  top: EntityMention[];
}

/** A digest never takes more messages than this. */
export const DIGEST_MAX_MESSAGES = 3;
/** How many names each line shows. */
export const DIGEST_PEOPLE = 3;
/** Room kept in the last possible message for the "and N more" line. */
const MORE_ROOM = 80;

/** One event: "• 14:05 · ❗ Title — *Ada, Acme* · [Gazette](https://…) · ◉3" (time only for instants). */
export function digestLine(d: DigestEvent, lang: Lang): string {
  const e = d.event;
  const time = e.precision === "datetime" ? `${discordTimestamp(e.at, "t")} · ` : "";
  const title = inline(titleOf(e.title, lang), LINE_TITLE_MAX);
  const names = e.entities.length ? ` — *${peopleList(e.entities, lang, DIGEST_PEOPLE)}*` : "";
  const source = d.source ? ` · ${sourceLink(d.source, 300)}` : "";
  return `• ${time}${importanceMark(e.importance)}${title}${names}${source}${statusSuffix(d.standing)}`;
}

/**
 * Lines grouped by day onto pages that fit a description (a day continued on the next page
 * gets its heading again); the count of events left out. Every page keeps room for the
 * legend, which only the last one shows, and the last possible one for "and N more" too.
 */
function paginate(events: readonly DigestEvent[], lang: Lang, introLength: number, legendLength: number): { pages: string[]; hidden: number } {
  const pages: string[] = [];
  let page = "";
  let day = "";
  let shown = 0;
  const room = () =>
    LIMITS.description - legendLength - 2 - (pages.length === 0 ? introLength + 2 : 0) - (pages.length === DIGEST_MAX_MESSAGES - 1 ? MORE_ROOM : 0);
  for (const d of events) {
    const heading = formatDay(d.event.at, lang);
    const line = digestLine(d, lang);
    const block = `${heading === day && page ? "" : `${page ? "\n" : ""}**${heading}**\n`}${line}`;
    if (page && page.length + 1 + block.length > room()) {
      if (pages.length + 1 >= DIGEST_MAX_MESSAGES) break;
      pages.push(page);
      page = `**${heading}**\n${line}`;
    } else {
      page = page ? `${page}\n${block}` : block;
    }
    day = heading;
    shown++;
  }
  if (page) pages.push(page);
  return { pages, hidden: events.length - shown };
}

/**
 * The digest as one to {@link DIGEST_MAX_MESSAGES} messages, each one embed in the story's
 * colour: the first says the period covered and how many events, with the names most
 * mentioned; the last ends with "and N more — see /timeline" when not all fit. Empty for
 * a digest with no events (nothing is posted then).
 */
export function renderDigest(d: Digest, lang: Lang, webUrl?: string | null): Reply[] {
  if (!d.events.length) return [];
  const s = t(lang);
  const intro = s.recap.covering(discordTimestamp(d.since, "f"), discordTimestamp(d.until, "f"), d.events.length);
  const legend = [
    markLegend(
      d.events.map((e) => e.event),
      lang,
    ),
    statusLegend(
      d.events.some((e) => e.standing !== undefined),
      lang,
    ),
  ]
    .filter(Boolean)
    .join("\n");
  const { pages, hidden } = paginate(d.events, lang, intro.length, legend.length);
  const title = s.recap.digestTitle(clip(storyTitle(d.story, lang), 150));
  const mentions = d.top.map((m) => s.recap.mentioned(clip(nameOf(m.entity, lang), 60), m.mentions));
  const top = joinList(mentions, lang);
  return pages.map((body, i) => {
    const last = i === pages.length - 1;
    const tail = last ? [hidden > 0 ? s.recap.more(hidden) : "", legend].filter(Boolean).join("\n\n") : "";
    const description = [i === 0 ? intro : "", body, tail].filter(Boolean).join("\n\n");
    const fields = i === 0 && top ? [{ name: s.recap.mostMentioned, value: top }] : undefined;
    const part = pages.length > 1 ? ` ${s.recap.part(i + 1, pages.length)}` : "";
    const reply = { embeds: [{ ...baseEmbed(d.story, lang), title: `${title}${part}`, description, ...(fields ? { fields } : {}) }] };
    return fitMessage(last ? withWebLink(reply, webUrl, lang) : reply);
  });
}

/**
 * A recap part as posted: `ref` (the outbox marker as `t(lang).delivery.ref` prints it) added
 * to its last embed's footer, so the bot can find the message again after a crash and a
 * moderator can match it with `/recap log`. Pure.
 */
export function withRef(part: Reply, ref: string): Reply {
  const embeds = part.embeds ?? [];
  const last = embeds.at(-1);
  if (!last) return { ...part, content: clip(`${part.content ?? ""}\n-# ${ref}`.trim(), LIMITS.content) };
  const footer = last.footer?.text ? `${clip(last.footer.text, LIMITS.footer - ref.length - 3)} · ${ref}` : ref;
  return { ...part, embeds: [...embeds.slice(0, -1), { ...last, footer: { ...last.footer, text: footer } }] };
}
