/**
 * The timeline picture of a story, drawn on the server as SVG: a bar per day (or per span
 * of days when the story is long) as tall as that day is busy, so the densest days stand out,
 * and above it a dot per event at its time, larger, higher and warmer the more important it
 * is. Long empty stretches (more than GAP_DAYS without an event) are cut out and drawn as a
 * narrow break, so a story with a single early event still shows its busy weeks wide.
 * No script, no inline style (the Content-Security-Policy allows neither): classes only.
 */
import type { EventStanding } from "../../db/event-sources.ts";
import { t } from "../i18n/index.ts";
import { STATUS_MARKS } from "../render/status.ts";
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
/** Most dots drawn; past that only the most important events get one (the bars still count all). */
export const MAX_DOTS = 1000;
/** A stretch with no event longer than this many days is cut out of the axis. */
const GAP_DAYS = 14;
/** How wide a cut stretch is drawn, in days. */
const BREAK_DAYS = 2;

const dayOf = (at: number) => Math.floor(at / DAY);

/** Every event's dot, unless there are more than MAX_DOTS: then the most important first. */
function dotted(marks: readonly EventMark[]): readonly EventMark[] {
  if (marks.length <= MAX_DOTS) return marks;
  return [...marks].sort((a, b) => b.importance - a.importance || a.at - b.at).slice(0, MAX_DOTS);
}

/** Days on the drawn axis: each event's day mapped past the cut stretches, and where the breaks are. */
function axis(marks: readonly EventMark[]): { unit: (day: number) => number; units: number; breaks: number[] } {
  const starts: { day: number; unit: number }[] = [];
  const breaks: number[] = [];
  let unit = 0;
  let prev: number | null = null;
  for (const m of marks) {
    const day = dayOf(m.at);
    if (prev === null) starts.push({ day, unit: 0 });
    else if (day - prev > GAP_DAYS) {
      unit += prev - starts.at(-1)!.day + 1;
      breaks.push(unit + BREAK_DAYS / 2);
      unit += BREAK_DAYS;
      starts.push({ day, unit });
    }
    prev = day;
  }
  const units = unit + (prev ?? 0) - (starts.at(-1)?.day ?? 0) + 1;
  const unitOf = (day: number) => {
    let seg = starts[0]!;
    for (const s of starts) if (s.day <= day) seg = s;
    return seg.unit + (day - seg.day);
  };
  return { unit: unitOf, units, breaks };
}

/** The picture, with `href(key)` the link of each dot; an empty story draws nothing. */
export function timelineSvg(
  given: readonly EventMark[],
  lang: Lang,
  href: (key: string) => string,
  standingOf?: (eventId: number) => EventStanding | undefined,
): Html | null {
  if (!given.length) return null;
  const marks = [...given].sort((a, b) => a.at - b.at || a.id - b.id);
  const s = webStrings[lang];
  const { unit, units, breaks } = axis(marks);
  const perBar = Math.ceil(units / MAX_BARS);
  const bars = new Array<{ n: number; day: number }>(Math.ceil(units / perBar)).fill({ n: 0, day: 0 });
  const units1 = marks.map((m) => unit(dayOf(m.at)));
  // Events of one day spread across its width (in time order), so a busy day's dots stay apart.
  const perDay = new Map<number, number>();
  for (const m of marks) perDay.set(dayOf(m.at), (perDay.get(dayOf(m.at)) ?? 0) + 1);
  const seen = new Map<number, number>();
  const within = marks.map((m) => {
    const k = seen.get(dayOf(m.at)) ?? 0;
    seen.set(dayOf(m.at), k + 1);
    return (k + 0.5) / perDay.get(dayOf(m.at))!;
  });
  marks.forEach((m, i) => {
    const b = Math.floor(units1[i]! / perBar);
    bars[b] = { n: bars[b]!.n + 1, day: bars[b]!.n ? bars[b]!.day : dayOf(m.at) };
  });
  const busiest = Math.max(...bars.map((b) => b.n));
  const busiestAt = bars.findIndex((b) => b.n === busiest);
  const scale = (W - 2 * PAD) / (bars.length * perBar);
  const x = (u: number) => PAD + u * scale;
  // Importance 5 at the top, 1 just above the bars.
  const y = (importance: number) => BARS_TOP - 14 - (Math.min(5, Math.max(1, importance)) - 1) * 24;
  const days = dayOf(marks.at(-1)!.at) - dayOf(marks[0]!.at) + 1;

  const barMarks = bars.map((b, i) => {
    if (!b.n) return null;
    const h = Math.max(2, (b.n / busiest) * BARS_H);
    return html`<rect class="bar${i === busiestAt ? " busiest" : ""}" x="${x(i * perBar).toFixed(1)}" y="${(BARS_TOP + BARS_H - h).toFixed(1)}" width="${Math.max(1, perBar * scale - 1).toFixed(1)}" height="${h.toFixed(1)}"><title>${dayText(b.day * DAY + DAY / 2, lang)}${perBar > 1 ? " …" : ""}: ${s.eventCount(b.n)}</title></rect>`;
  });
  const cuts = breaks.map((u) => html`<text class="label middle break" x="${x(u).toFixed(1)}" y="${BARS_TOP + BARS_H + 4}">≈</text>`);
  // Size and height say the importance; the ring says the status (asked for the drawn dots only).
  const shown = new Set(dotted(marks));
  const names = t(lang).feeds.status.names;
  const dots = marks.map((m, i) => {
    if (!shown.has(m)) return null;
    const standing = standingOf?.(m.id);
    const status = standing ? ` st-${standing.status}` : "";
    const said = standing ? ` · ${STATUS_MARKS[standing.status]} ${names[standing.status]}` : "";
    return html`<a href="${href(m.key)}"><circle class="mark i${m.importance}${status}" data-key="${m.key}" cx="${x(units1[i]! + within[i]!).toFixed(1)}" cy="${y(m.importance)}" r="${2 + m.importance}"><title>${dayText(m.at, lang)} · ${s.importance(m.importance)}${said}</title></circle></a>`;
  });
  const busiestX = Math.min(W - PAD - 40, Math.max(PAD + 40, x((busiestAt + 0.5) * perBar)));
  const alt = s.timelineAlt(marks.length, days);
  return html`<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${alt}" xmlns="http://www.w3.org/2000/svg">
<title>${alt}</title>
<line class="axis" x1="${PAD}" y1="${BARS_TOP + BARS_H}" x2="${W - PAD}" y2="${BARS_TOP + BARS_H}"/>
${barMarks}
${cuts}
${dots}
<text class="label" x="${PAD}" y="${H - 4}">${dayText(marks[0]!.at, lang)}</text>
<text class="label end" x="${W - PAD}" y="${H - 4}">${dayText(marks.at(-1)!.at, lang)}</text>
<text class="label middle busiest-label" x="${busiestX.toFixed(1)}" y="${BARS_TOP + BARS_H + 14}">${busiest > 1 ? `▲ ${dayText(bars[busiestAt]!.day * DAY + DAY / 2, lang)}${perBar > 1 ? " …" : ""}: ${s.eventCount(busiest)}` : ""}</text>
</svg>`;
}
