/**
 * /search through the full-text index next to a plain `LIKE '%term%'` scan of the same text
 * (both titles and summaries): every matching event, as a search without an index would
 * find them to show its hits and its count. LIKE is slow, so it runs only a few times per
 * kind of term. A second, kinder LIKE asks exactly what /search asks — the newest 1,001
 * matches — and stops early: for a common term it finds them in the first rows it reads.
 */
import { searchEvents } from "../../../db/events.ts";
import { getStoryById } from "../../../db/stories.ts";
import { renderSearch } from "../../../src/render/index.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";
import { summarize, timeOnce } from "../stats.ts";
import { drawInputs, SEARCH_KINDS } from "./inputs.ts";
import { rawStatements } from "./raw-sql.ts";

const SEARCH_RUNS = 20;

/** Two rows per kind of term: LIKE scan and LIKE newest-1,001, each vs /search (index + render) on the same terms. */
export function likeSection(ctx: WithDb, runs: number): Row[] {
  const story = getStoryById(ctx.db, ctx.storyId)!;
  const inp = drawInputs(ctx.syn, 200, 1);
  const raw = rawStatements(ctx.db);
  const scans: Row[] = [];
  const early: Row[] = [];
  for (const kind of SEARCH_KINDS) {
    ctx.say(`LIKE vs /search: ${kind}`);
    const terms = [...new Set(inp.search[kind])].slice(0, runs);
    const scan: number[] = [];
    const newest: number[] = [];
    const fts: number[] = [];
    const hits: { term: string; like: number; search: number }[] = [];
    for (const term of terms) {
      const pattern = `%${term}%`;
      let found = 0;
      scan.push(timeOnce(() => (found = raw.likeAll.all({ story: ctx.storyId, pattern }).length)));
      newest.push(timeOnce(() => raw.like.all({ story: ctx.storyId, pattern, limit: 1001 })));
      let total = 0;
      for (let k = 0; k < SEARCH_RUNS; k++) {
        fts.push(
          timeOnce(() => {
            const result = searchEvents(ctx.db, ctx.storyId, term, 10);
            renderSearch(term, result, story, "en");
            total = result.total;
          }),
        );
      }
      hits.push({ term, like: found, search: total });
    }
    const [l, e, f] = [summarize(scan), summarize(newest), summarize(fts)];
    scans.push({
      measure: `/search vs LIKE scan: ${kind}`,
      value: f.median,
      unit: "ms",
      baseline: l.median,
      ratio: l.median / f.median,
      target: "≥ 50× faster",
      ok: l.median / f.median >= 50,
      detail: { like: l, search: f, hits },
    });
    early.push({
      measure: `/search vs LIKE newest 1,001: ${kind}`,
      value: f.median,
      unit: "ms",
      baseline: e.median,
      ratio: e.median / f.median,
      target: "—",
      ok: null,
      detail: { like: e },
    });
  }
  return [...scans, ...early];
}
