/**
 * In-process handler latency: the db/ functions and the renderer each command runs, called
 * directly, next to the raw SQL behind them (sections/raw-sql.ts). Each call of a handler is
 * paired with a call of its raw query on the same input, alternating, so noise on this shared
 * machine hits both alike.
 */
import { findEntities, getEntityProfile } from "../../../db/entities.ts";
import { getEvent, latestEvents, searchEvents, timelinePage } from "../../../db/events.ts";
import { normalizeName } from "../../../db/names.ts";
import { matchTerms, prefixQuery } from "../../../db/search-text.ts";
import { getStoryById } from "../../../db/stories.ts";
import type { Story } from "../../../db/types.ts";
import { timelineCustomId } from "../../../src/custom-ids.ts";
import { entityChoices, renderEvent, renderLatest, renderSearch, renderTimeline, renderWho } from "../../../src/render/index.ts";
import { eventAutocomplete } from "../../../src/resolvers/event.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";
import { summarize, timeOnce } from "../stats.ts";
import { drawInputs, SEARCH_KINDS, type Inputs } from "./inputs.ts";
import { rawStatements, type RawStatements } from "./raw-sql.ts";

/** As the commands use them: /who lists 10 events, /timeline pages of 8, /search 10 hits (and counts up to 1,000). */
const WHO_EVENTS = 10;
const TIMELINE_PAGE = 8;
const SEARCH_HITS = 10;
const SEARCH_SCAN = 1001;
/** Choices an autocomplete offers. */
const EVENT_CHOICES = 25;
const WARMUP = 50;

interface Case {
  measure: string;
  target: number | null;
  /** What input `i` was, to name the slowest calls. */
  label?: (i: number) => string;
  handler: (i: number) => unknown;
  raw: (i: number) => unknown;
}

function cases(ctx: WithDb, story: Story, inp: Inputs, raw: RawStatements): Case[] {
  const { db, storyId: sid } = ctx;
  const lang = (i: number) => inp.langs[i % inp.langs.length]!;
  const at = <T>(list: T[], i: number): T => list[i % list.length]!;
  const firstEvents = (entity: number): unknown => raw.firstByTime.all(entity, WHO_EVENTS);
  const normalized = inp.names.map(normalizeName);
  const ranges = inp.prefixes.map((p) => normalizeName(p)).map((p) => [p, `${p}\uffff`] as const);
  const eventExprs = inp.eventPrefixes.map((typed) => {
    const { terms, prefix } = prefixQuery(typed);
    const last = prefix ? [`"${prefix.text}"*`] : [];
    return [`story : "s${sid}"`, ...[...terms, ...last].map((m) => `body : ${m}`)].join(" AND ");
  });
  const timeline = (page: number): Case => ({
    measure: `/timeline page ${page}`,
    target: null,
    handler: (i) => {
      const tp = timelinePage(db, sid, { page: page - 1, pageSize: TIMELINE_PAGE });
      const id = (p: number) => timelineCustomId({ storyId: sid, entityId: null, from: null, to: null, page: p + 1 });
      return renderTimeline(tp, story, lang(i), { prevId: tp.page > 0 ? id(tp.page - 1) : null, nextId: tp.page < tp.pageCount - 1 ? id(tp.page + 1) : null });
    },
    raw: () => raw.page.all(sid, TIMELINE_PAGE, (page - 1) * TIMELINE_PAGE),
  });
  const list: Case[] = [
    {
      measure: `/who (name → profile) at ${ctx.events.toLocaleString("en-US")} events`,
      target: 2,
      label: (i) => at(inp.names, i),
      handler: (i) => {
        const m = findEntities(db, sid, at(inp.names, i), 25)[0];
        const profile = m && getEntityProfile(db, sid, m.entity.id, WHO_EVENTS);
        return (
          profile &&
          renderWho(profile, story, lang(i), {
            eventLimit: WHO_EVENTS,
            timelineCustomId: timelineCustomId({ storyId: sid, entityId: m.entity.id, from: null, to: null, page: 1, fresh: true }),
          })
        );
      },
      raw: (i) => {
        const e = raw.nameLookup.get(at(normalized, i), sid);
        return e && firstEvents(e.id);
      },
    },
    {
      measure: "autocomplete (name prefix)",
      target: 2,
      label: (i) => at(inp.prefixes, i),
      handler: (i) =>
        entityChoices(
          findEntities(db, sid, at(inp.prefixes, i), 25).map((m) => m.entity),
          lang(i),
          (e) => String(e.id),
        ),
      raw: (i) => raw.prefix.all(at(ranges, i)[0], at(ranges, i)[1], sid),
    },
    {
      // The first letters of a title word (src/resolvers/event.ts); the baseline is the plain
      // FTS5 prefix query on the last word, which the resolver avoids (see db/search.ts).
      measure: "autocomplete (event title prefix)",
      target: 2,
      label: (i) => at(inp.eventPrefixes, i),
      handler: (i) => eventAutocomplete(db, sid, at(inp.eventPrefixes, i), lang(i)),
      raw: (i) => raw.match.all(at(eventExprs, i), EVENT_CHOICES),
    },
    {
      measure: "/latest",
      target: 2,
      handler: (i) => renderLatest(latestEvents(db, sid, at(inp.counts, i)), story, lang(i)),
      raw: (i) => raw.latest.all(sid, at(inp.counts, i)),
    },
    {
      measure: "/event",
      target: 2,
      handler: (i) => {
        const ev = getEvent(db, sid, at(inp.eventIds, i));
        return ev && renderEvent(ev, story, lang(i));
      },
      raw: (i) => raw.event.get(at(inp.eventIds, i), sid),
    },
    timeline(1),
    timeline(500),
  ];
  for (const kind of SEARCH_KINDS) {
    const terms = inp.search[kind];
    const exprs = terms.map((t) => [`story : "s${sid}"`, ...matchTerms(t).map((m) => `body : ${m}`)].join(" AND "));
    list.push({
      measure: `/search ${kind}`,
      target: 10,
      label: (i) => at(terms, i),
      handler: (i) => renderSearch(at(terms, i), searchEvents(db, sid, at(terms, i), SEARCH_HITS), story, lang(i)),
      raw: (i) => raw.match.all(at(exprs, i), SEARCH_SCAN),
    });
  }
  return list;
}

/** Handler vs raw SQL for every command, `ctx.iterations` calls each. */
export function latencySection(ctx: WithDb): Row[] {
  const story = getStoryById(ctx.db, ctx.storyId)!;
  const inp = drawInputs(ctx.syn, ctx.iterations, 1);
  const raw = rawStatements(ctx.db);
  const rows: Row[] = [];

  for (const c of cases(ctx, story, inp, raw)) {
    ctx.say(`latency: ${c.measure}`);
    for (let i = 0; i < WARMUP; i++) {
      c.handler(i);
      c.raw(i);
    }
    const h: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < ctx.iterations; i++) {
      r.push(timeOnce(() => c.raw(i)));
      h.push(timeOnce(() => c.handler(i)));
    }
    const hs = summarize(h);
    const slowest = h
      .map((ms, i) => ({ ms, i }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5)
      .map(({ ms, i }) => ({ ms, input: c.label?.(i) ?? i }));
    const rs = summarize(r);
    rows.push({
      measure: `${c.measure} p99`,
      value: hs.p99,
      unit: "ms",
      baseline: rs.p99,
      ratio: hs.p99 / rs.p99,
      target: c.target === null ? "—" : `p99 < ${c.target} ms`,
      ok: c.target === null ? null : hs.p99 < c.target,
      detail: { handler: hs, raw: rs, medianRatio: hs.median / rs.median, slowest },
    });
    rows.push({ measure: `${c.measure} median`, value: hs.median, unit: "ms", baseline: rs.median, ratio: hs.median / rs.median, target: "—", ok: null });
  }
  return rows;
}
