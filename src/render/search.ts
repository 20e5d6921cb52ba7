import type { Lang, SearchHit, Story } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip } from "./format.ts";
import { LIMITS } from "./limits.ts";
import { eventLine, markLegend } from "./lines.ts";
import { joinCapped } from "./lists.ts";
import type { Reply } from "./reply.ts";
import { snippet } from "./snippet.ts";
import { baseEmbed, storyTitle } from "./theme.ts";

/**
 * /search: hits newest first, each with its date, title and a snippet around the first
 * matching term (bold). `total` may exceed the hits given; the rest are counted. No hits:
 * an ephemeral notice naming the story and suggesting `/who` or another spelling.
 */
export function renderSearch(query: string, result: { hits: SearchHit[]; total: number }, story: Story, lang: Lang): Reply {
  const s = t(lang);
  const shownQuery = clip(query, 100) || "…";
  if (result.hits.length === 0) {
    return fitMessage({ content: `${s.search.none(shownQuery, clip(storyTitle(story, lang), 200))}\n${s.search.noneHint}`, ephemeral: true });
  }
  const hits = [...result.hits].sort((a, b) => b.event.at - a.event.at || b.event.addedAt - a.event.addedAt);
  const total = Math.max(result.total, hits.length);
  const head = s.search.count(hits.length, total);
  const legend = markLegend(
    hits.map((h) => h.event),
    lang,
  );
  const items = hits.map((h) => {
    const text = snippet(h, query, lang);
    return text ? `${eventLine(h.event, lang)}\n> ${text}` : eventLine(h.event, lang);
  });
  const room = LIMITS.description - head.length - legend.length - 4;
  const list = joinCapped(items, "\n\n", room, s.labels.andMore);
  return fitMessage({
    embeds: [{ ...baseEmbed(story, lang), title: s.search.title(shownQuery), description: [head, list, legend].filter(Boolean).join("\n\n") }],
    components: [],
  });
}
