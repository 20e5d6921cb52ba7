/**
 * The newsroom engine (src/newsroom): grouping quality on the labelled fixture, tuning part and
 * held-out part, next to plain TF-IDF single-pass clustering of the same items in the same run;
 * then the cost of classifying one item in a synthetic story of 10,000 events with 2,000
 * pending items. Needs no database: it runs before the import when asked for alone.
 */
import { Newsroom, type NewsItem, type StoryEntity, type StoryEventInput } from "../../../src/newsroom/index.ts";
import type { BenchContext } from "../context.ts";
import { tfidfSinglePass } from "../newsroom-baseline.ts";
import { loadFixture, loadStory, type FixtureItem, type FixtureStory } from "../newsroom-fixture.ts";
import { quality, type Quality } from "../newsroom-metrics.ts";
import { intIn, mulberry32, pickOf } from "../prng.ts";
import type { Row } from "../report.ts";
import { summarize, timeEach } from "../stats.ts";
import { textMaker } from "../text.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];

/** The engine over a fixture, items in time order, each classified an hour after it appeared. */
function runEngine(story: FixtureStory, items: readonly FixtureItem[]): Quality {
  const nr = new Newsroom(story.entities, story.events);
  const cluster = new Map<string, string>();
  const attached = new Map<string, string>();
  for (const it of items) {
    const d = nr.classify({ id: it.id, title: it.title, summary: it.summary, at: it.at, outlet: it.outlet }, { now: it.at + HOUR });
    if (d.fate === "attached" && d.event) {
      attached.set(it.id, d.event);
      cluster.set(it.id, d.event);
    }
  }
  // Pending reports are grouped as /review shows them at the end: a group of probable reports with its event.
  for (const g of nr.pending()) for (const id of g.items) cluster.set(id, g.event ?? g.id);
  return quality(items, cluster, attached);
}

function runBaseline(story: FixtureStory, items: readonly FixtureItem[], threshold: number): Quality {
  const b = tfidfSinglePass(story.events, items, threshold);
  return quality(items, b.cluster, b.attached);
}

const pct = (x: number): number => Math.round(x * 1000) / 10;

function qualityRows(part: string, engine: Quality, base: Quality, threshold: number): Row[] {
  const detail = { engine, baseline: { ...base, threshold } };
  return [
    {
      measure: `newsroom ${part}: pairwise F1 (P ${engine.precision.toFixed(2)} / R ${engine.recall.toFixed(2)})`,
      value: engine.f1,
      unit: "",
      baseline: base.f1,
      ratio: base.f1 ? engine.f1 / base.f1 : null,
      target: "≥ 0.80 and ≥ 2×",
      ok: engine.f1 >= 0.8 && engine.f1 >= 2 * base.f1,
      detail,
    },
    {
      measure: `newsroom ${part}: correctly attached (of ${engine.existing})`,
      value: pct(engine.attachedRight),
      unit: "%",
      baseline: pct(base.attachedRight),
      ratio: null,
      target: "≥ 85%",
      ok: engine.attachedRight >= 0.85,
    },
    {
      measure: `newsroom ${part}: new developments wrongly attached (of ${engine.fresh})`,
      value: pct(engine.attachedWrong),
      unit: "%",
      baseline: pct(base.attachedWrong),
      ratio: null,
      target: "< 5%",
      ok: engine.attachedWrong < 0.05,
    },
  ];
}

/** A synthetic story's entities and first `n` events, as the engine takes them. */
function syntheticStory(ctx: BenchContext, n: number): { entities: StoryEntity[]; events: StoryEventInput[] } {
  const ids = new Map(ctx.syn.entities.map((e, i) => [e.key, i + 1]));
  const entities = ctx.syn.entities.map((e, i) => ({ id: i + 1, name: e.name, aliases: e.aliases }));
  const events: StoryEventInput[] = [];
  for (let i = 0; i < n; i++) {
    const ev = ctx.syn.event(i);
    events.push({ key: ev.key, at: ev.at, title: ev.title, summary: ev.summary, entityIds: ev.entityKeys.map((k) => ids.get(k)!) });
  }
  return { entities, events };
}

/** Feed-like items: half retell an event (its title, cut, with a fresh lede), half say something new. */
function syntheticItems(ctx: BenchContext, events: readonly StoryEventInput[], n: number, prefix: string, seed: number): NewsItem[] {
  const rng = mulberry32(seed);
  const text = textMaker(ctx.syn.vocab);
  return Array.from({ length: n }, (_, i) => {
    const zh = rng() < 0.35;
    const lead = pickOf(rng, ctx.syn.entities).name;
    if (rng() < 0.5) {
      const ev = pickOf(rng, events);
      const title = (zh ? ev.title.zh : ev.title.en) ?? ev.title.en ?? ev.title.zh ?? "";
      const lede = zh ? text.zh(rng, 40, 120, true) : text.en(rng, 80, 240, true);
      return { id: `${prefix}${i}`, title: title.slice(0, Math.max(20, Math.floor(title.length * 0.8))), summary: lede, at: ev.at + intIn(rng, 0, 36) * HOUR };
    }
    const title = zh ? text.zh(rng, 20, 40, false, lead.zh ?? undefined) : text.en(rng, 40, 90, false, lead.en ?? undefined);
    const summary = zh ? text.zh(rng, 40, 120, true) : text.en(rng, 80, 240, true);
    return { id: `${prefix}${i}`, title, summary, at: pickOf(rng, events).at + intIn(rng, -2, 2) * DAY };
  });
}

function costRows(ctx: BenchContext): Row[] {
  const EVENTS = 10_000;
  const PENDING = 2_000;
  const measured = ctx.quick ? 1_000 : 3_000;
  const story = syntheticStory(ctx, EVENTS);
  const t0 = performance.now();
  const engine = new Newsroom(story.entities, story.events);
  const buildMs = performance.now() - t0;
  let pending = 0;
  for (const item of syntheticItems(ctx, story.events, PENDING * 4, "p", ctx.seed ^ 0x1e55)) {
    if (pending >= PENDING) break;
    if (engine.classify(item, { now: item.at! + HOUR }).fate !== "attached") pending++;
  }
  const pendingItems = engine.pending().reduce((s, g) => s + g.items.length, 0);
  const probe = syntheticItems(ctx, story.events, measured, "m", ctx.seed ^ 0x9a11);
  // Wall time, and the process's CPU time for the same call: on a shared machine the wall time's
  // tail is mostly the moments the process was not running at all.
  const cpu: number[] = [];
  const samples = timeEach(probe, (item) => {
    const before = process.cpuUsage();
    engine.classify(item, { now: item.at! + HOUR });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  const s = summarize(samples);
  const c = summarize(cpu);
  const counts = engine.counts();
  const detail = { events: EVENTS, entities: story.entities.length, pendingItems, groups: counts.groups, measured, cost: s, cpu: c };
  return [
    {
      measure: `newsroom cost per item, 10,000 events + ${pendingItems.toLocaleString("en-US")} pending: p99 (median ${s.median.toFixed(2)} ms)`,
      value: s.p99,
      unit: "ms",
      baseline: null,
      ratio: null,
      target: "< 5 ms",
      ok: s.p99 < 5,
      detail,
    },
    {
      measure: `newsroom CPU time per item, same calls: p99 (median ${c.median.toFixed(2)} ms)`,
      value: c.p99,
      unit: "ms",
      baseline: null,
      ratio: null,
      target: "",
      ok: null,
    },
    { measure: "newsroom engine built from 10,000 events (restart)", value: buildMs, unit: "ms", baseline: null, ratio: null, target: "", ok: null },
  ];
}

/** Grouping quality on both parts of the fixture, then the cost at scale. */
export function newsroomSection(ctx: BenchContext): Row[] {
  ctx.say("newsroom: grouping the labelled fixture, engine and TF-IDF baseline");
  const story = loadStory(ctx.root);
  const tuning = loadFixture(ctx.root, "items.yaml");
  const heldOut = loadFixture(ctx.root, "heldout.yaml");
  // The baseline gets its best threshold on the tuning part, as the engine's were tuned there.
  const best = THRESHOLDS.map((t) => ({ t, q: runBaseline(story, tuning, t) })).sort((a, b) => b.q.f1 - a.q.f1)[0]!;
  const rows = [
    ...qualityRows(`tuning (${tuning.length} items)`, runEngine(story, tuning), best.q, best.t),
    ...qualityRows(`held-out (${heldOut.length} items)`, runEngine(story, heldOut), runBaseline(story, heldOut, best.t), best.t),
  ];
  ctx.say("newsroom: cost per item with 10,000 events and 2,000 pending items");
  return [...rows, ...costRows(ctx)];
}
