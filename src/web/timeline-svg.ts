/**
 * The timeline picture of a story, drawn on the server as SVG: a bar per day (or per span
 * of days when the story is long) as tall as that day is busy, so the densest days stand out,
 * and above it a dot per event at its time, larger and warmer the more important it is.
 * No script, no inline style (the Content-Security-Policy allows neither): classes only.
 */
import type { EventMark } from "../../db/pages.ts";
import type { Lang } from "../../db/types.ts";
import { webStrings } from "../i18n/web.ts";
import { html, type Html } from "./html.ts";
import { dayText } from "./lang.ts";

const W = 960;
const H = 220;
const PAD = 24;
const BARS_TOP = 130;
const BARS_H = 60;
const DAY = 86_400_000;
/** Most bars drawn; a longer story puts several days in one bar. */
const MAX_BARS = 240;
/** Most dots drawn; past that only the important events get one (the bars still count all). */
export const MAX_DOTS = 1000;

const dayOf = (at: number) => Math.floor(at / DAY);

/** Every event's dot, unless there are more than MAX_DOTS: then the most important first. */
function dotted(marks: readonly EventMark[]): readonly EventMark[] {
  if (marks.length <= MAX_DOTS) return marks;
  return [...marks].sort((a, b) => b.importance - a.importance || a.at - b.at).slice(0, MAX_DOTS);
}

/** The picture, with `href(key)` the link of each dot; an empty story draws nothing. */
export function timelineSvg(marks: readonly EventMark[], lang: Lang, href: (key: string) => string): Html | null {
  if (!marks.length) return null;
  const s = webStrings[lang];
  const first = dayOf(marks[0]!.at);
  const last = dayOf(marks.at(-1)!.at);
  const days = last - first + 1;
  const perBar = Math.ceil(days / MAX_BARS);
  const bars = new Array<number>(Math.ceil(days / perBar)).fill(0);
  for (const m of marks) bars[Math.floor((dayOf(m.at) - first) / perBar)]! += 1;
  const busiest = Math.max(...bars);
  const busiestAt = bars.indexOf(busiest);
  const barW = (W - 2 * PAD) / bars.length;
  const span = Math.max(1, (last + 1 - first) * DAY);
  const x = (at: number) => PAD + ((at - first * DAY) / span) * (W - 2 * PAD);
  // Importance 5 at the top, 1 just above the bars.
  const y = (importance: number) => BARS_TOP - 14 - (Math.min(5, Math.max(1, importance)) - 1) * 24;

  const barMarks = bars.map((n, i) => {
    if (!n) return null;
    const h = Math.max(2, (n / busiest) * BARS_H);
    return html`<rect class="bar${i === busiestAt ? " busiest" : ""}" x="${(PAD + i * barW).toFixed(1)}" y="${(BARS_TOP + BARS_H - h).toFixed(1)}" width="${Math.max(1, barW - 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${dayText((first + i * perBar) * DAY + DAY / 2, lang)}: ${s.eventCount(n)}</title></rect>`;
  });
  // The place for an event's status (reported, corroborated…): a class on the dot beside its importance.
  const dots = dotted(marks).map(
    (m) =>
      html`<a href="${href(m.key)}"><circle class="mark i${m.importance}" data-key="${m.key}" cx="${x(m.at).toFixed(1)}" cy="${y(m.importance)}" r="${2 + m.importance}"><title>${dayText(m.at, lang)} · ${s.importance(m.importance)}</title></circle></a>`,
  );
  const busiestX = PAD + (busiestAt + 0.5) * barW;
  const alt = s.timelineAlt(marks.length, days);
  return html`<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${alt}" xmlns="http://www.w3.org/2000/svg">
<title>${alt}</title>
<line class="axis" x1="${PAD}" y1="${BARS_TOP + BARS_H}" x2="${W - PAD}" y2="${BARS_TOP + BARS_H}"/>
${barMarks}
${dots}
<text class="label" x="${PAD}" y="${H - 4}">${dayText(first * DAY + DAY / 2, lang)}</text>
<text class="label end" x="${W - PAD}" y="${H - 4}">${dayText(last * DAY + DAY / 2, lang)}</text>
<text class="label middle busiest-label" x="${busiestX.toFixed(1)}" y="${BARS_TOP + BARS_H + 14}">${busiest > 1 ? `▼ ${s.eventCount(busiest)}` : ""}</text>
</svg>`;
}
