/**
 * The `/review` card: one development (a pending event made from one or more reports) with
 * its proposed title and summary in English and Chinese (taken from the reports in each
 * language, else left for the editor), the date of its earliest report, its people, the new
 * names its reports give, and every report with why it was grouped. Approve / Edit / Reject /
 * Skip, "Merge into another event…" (the form is src/render/review-merge.ts), a "Merge into…"
 * select of the likeliest events and a "Split…" select of its reports. Pure.
 */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbedField, type APIStringSelectComponent } from "discord.js";
import type { NewsItemRow } from "../../db/news-items.ts";
import type { ReviewItem } from "../../db/review.ts";
import type { Lang, Story } from "../../db/types.ts";
import { reviewCustomId, type ReviewVerb } from "../custom-ids.ts";
import { listSeparator, md, pick, pickOr, t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp, formatDay, formatWhen, inline, sourceLink } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { nameOf, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";

type Style = ButtonStyle.Success | ButtonStyle.Primary | ButtonStyle.Danger | ButtonStyle.Secondary;

/** What the last review action did, shown above the next card. */
export type ReviewNotice =
  | { kind: "approved" | "rejected" | "edited" | "merged"; event: { key: string; title: { en: string | null; zh: string | null } } }
  | { kind: "split"; count: number }
  | { kind: "alreadyDone" | "nothingChanged" };

function noticeText(n: ReviewNotice, lang: Lang): string {
  const s = t(lang).feeds.review;
  if (n.kind === "split") return s.splitDone;
  if (!("event" in n)) return s[n.kind];
  const title = clip(pickOr(n.event.title, lang, n.event.key), 200);
  return s[n.kind](title);
}

function button(verb: ReviewVerb, eventId: number, label: string, style: Style): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: reviewCustomId({ verb, eventId }), label, style };
}

function select(
  verb: ReviewVerb,
  eventId: number,
  placeholder: string,
  options: { label: string; value: string; description?: string }[],
): APIStringSelectComponent {
  return { type: ComponentType.StringSelect, custom_id: reviewCustomId({ verb, eventId }), placeholder, options: options.slice(0, 25) };
}

/** One report: language, outlet with its link, date; then why it was grouped. */
function reportLine(r: NewsItemRow): string {
  const head = `\`${r.language}\` ${sourceLink({ name: r.outlet, url: r.url }, 300)} · ${discordTimestamp(r.publishedAt, "d")}`;
  return r.reason ? `${head}\n↳ ${inline(r.reason, 160)}` : head;
}

/** The proposed text in one language, or "left for the editor". */
function proposal(title: string | null, summary: string | null, lang: Lang): string {
  if (!title && !summary) return t(lang).feeds.review.leftForEditor;
  return truncate([title ? `**${inline(title, 250)}**` : null, summary ? md(truncate(summary, 600)) : null].filter(Boolean).join("\n"), LIMITS.fieldValue);
}

function components(item: ReviewItem, lang: Lang) {
  const s = t(lang).feeds.review;
  const id = item.event.id;
  const rows: { type: ComponentType.ActionRow; components: (APIButtonComponentWithCustomId | APIStringSelectComponent)[] }[] = [
    {
      type: ComponentType.ActionRow,
      components: [
        button("ok", id, s.approve, ButtonStyle.Success),
        button("edit", id, s.edit, ButtonStyle.Primary),
        button("no", id, s.reject, ButtonStyle.Danger),
        ...(item.total > 1 ? [button("skip", id, s.skip, ButtonStyle.Secondary)] : []),
        button("find", id, s.mergeSearch, ButtonStyle.Secondary),
      ],
    },
  ];
  if (item.candidates.length) {
    const options = item.candidates.map((c) => ({
      label: clip(titleOf(c.title, lang), 100) || c.key,
      value: String(c.id),
      description: clip(`${formatDay(c.at, lang)} · ${c.key}`, 100),
    }));
    rows.push({ type: ComponentType.ActionRow, components: [select("merge", id, s.mergeInto, options)] });
  }
  if (item.reports.length > 1) {
    const options = item.reports.map((r) => ({
      label: clip(`[${r.language}] ${r.outlet}: ${r.title}`, 100),
      value: String(r.id),
      description: clip(formatDay(r.publishedAt, lang), 100),
    }));
    rows.push({ type: ComponentType.ActionRow, components: [select("split", id, s.splitOut, options)] });
  }
  return rows;
}

/** The review card, or "nothing waits" without buttons. `notice` says what the last action did. */
export function renderReview(item: ReviewItem | null, story: Story, lang: Lang, notice?: ReviewNotice): Reply {
  const s = t(lang).feeds.review;
  const content = notice ? noticeText(notice, lang) : undefined;
  if (!item) {
    const empty = s.empty(clip(storyTitle(story, lang), 100));
    return fitMessage({ content: content ? `${content}\n${empty}` : empty, embeds: [], components: [], ephemeral: true });
  }
  const e = item.event;
  const labels = t(lang).labels;
  const people = e.entities.map((x) => inline(nameOf(x, lang), 60));
  const probable = item.reports.map((r) => r.eventKey).find((k): k is string => k !== null);
  const reports = item.reports.length ? item.reports.map(reportLine) : e.sources.map((src) => sourceLink(src));
  const fields = [
    { name: "English", value: proposal(e.title.en, e.summary.en, lang) },
    { name: "中文", value: proposal(e.title.zh, e.summary.zh, lang) },
    { name: s.earliest, value: formatWhen(e.at, e.precision, lang, { relative: true }), inline: true },
    people.length ? { name: labels.people, value: joinCapped(people, listSeparator(lang), LIMITS.fieldValue, labels.andMore), inline: true } : null,
    item.newNames.length
      ? {
          name: s.newNames,
          value: joinCapped(
            item.newNames.map((n) => inline(n, 60)),
            listSeparator(lang),
            LIMITS.fieldValue,
            labels.andMore,
          ),
        }
      : null,
    probable ? { name: s.probablyTitle, value: s.probably(clip(probable, 100)) } : null,
    reports.length ? { name: s.reports(reports.length), value: joinCapped(reports, "\n", LIMITS.fieldValue, labels.andMore) } : null,
  ].filter((f): f is APIEmbedField => f !== null);
  const summary = pick(e.summary, lang);
  const embed = {
    ...baseEmbed(story, lang),
    title: inline(titleOf(e.title, lang), LIMITS.title),
    ...(summary ? { description: md(truncate(summary, 1000)) } : {}),
    fields,
    footer: { text: `${s.position(item.position, item.total)} · ${storyTitle(story, lang)}` },
  };
  return fitMessage({ ...(content ? { content } : {}), embeds: [embed], components: components(item, lang), ephemeral: true });
}
