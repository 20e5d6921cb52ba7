/**
 * The synthetic story the benchmark runs on, built from a fixed seed: `entities` people,
 * organisations and places, and `events` events with English and Chinese titles (40–120
 * characters) and summaries (150–600), 1–4 entities each (Zipf: a few are everywhere,
 * most are rare), quotes on ~20%, 1–3 sources with urls. Event `i` is a pure function of
 * (seed, i), so the importer and the bare insert see the very same rows, and events can
 * be made lazily, one at a time, instead of holding a million in memory.
 */
import type { EntityInput, EventInput, StoryInput } from "../../db/types.ts";
import { syntheticEntities } from "./names.ts";
import { intIn, mulberry32, pickOf, zipf, type Rng } from "./prng.ts";
import { textMaker, type TextMaker } from "./text.ts";
import { OUTLETS, vocabulary, type Vocab } from "./words.ts";

export const SLUG = "synthetic-bench";
const START = Date.UTC(2014, 0, 1);
const SPAN = Date.UTC(2024, 0, 1) - START;
const DAY = 86_400_000;

export interface Synthetic {
  seed: number;
  vocab: Vocab;
  entities: EntityInput[];
  eventCount: number;
  /** An entity index drawn by how often events mention them (the Zipf the events use). */
  popular(rng: Rng): number;
  /** Event `i` (0-based), made afresh on each call. */
  event(i: number): EventInput;
  /** The story with its first `count` (default all) events made lazily (see lazyEvents), marks at `marks`. */
  story(count?: number, marks?: number[]): { input: StoryInput; clock: GenClock };
}

/** A fresh generator for event `i`: seeds spread so neighbouring events are unrelated. */
function rngFor(seed: number, i: number): Rng {
  return mulberry32((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
}

function makeEvent(seed: number, i: number, n: number, text: TextMaker, entities: EntityInput[], mention: (rng: Rng) => number): EventInput {
  const rng = rngFor(seed, i);
  const slot = START + Math.floor((i * SPAN) / n);
  const datetime = rng() < 0.3;
  const at = datetime ? slot + Math.floor(rng() * (SPAN / n)) : Math.floor(slot / DAY) * DAY + DAY / 2;
  const picked = new Set<number>();
  const k = intIn(rng, 1, 4);
  while (picked.size < k) picked.add(mention(rng));
  const ents = [...picked].map((x) => entities[x]!);
  const lead = rng() < 0.5 ? ents[0]! : null;
  const bilingual = rng();
  const en = bilingual < 0.95;
  const zh = bilingual > 0.05;
  const quotes: EventInput["quotes"] = [];
  if (rng() < 0.2) {
    for (let q = intIn(rng, 1, 2); q > 0; q--) {
      quotes.push({ byKey: pickOf(rng, ents).key, text: { en: text.en(rng, 60, 250, true), zh: text.zh(rng, 30, 120, true) } });
    }
  }
  const day = new Date(at).toISOString().slice(0, 10).replace(/-/g, "/");
  const sources = Array.from({ length: intIn(rng, 1, 3) }, (_, s) => {
    const [name, host] = pickOf(rng, OUTLETS);
    return { name, url: rng() < 0.95 ? `https://${host}/${day}/story-${i + 1}-${s + 1}` : null };
  });
  const r = rng();
  return {
    key: `ev${i + 1}`,
    at,
    precision: datetime ? "datetime" : "date",
    title: {
      en: en ? text.en(rng, 40, 120, false, lead?.name.en ?? undefined) : null,
      zh: zh ? text.zh(rng, 40, 120, false, lead?.name.zh ?? undefined) : null,
    },
    summary: { en: en ? text.en(rng, 150, 600, true) : null, zh: zh ? text.zh(rng, 150, 600, true) : null },
    importance: r < 0.1 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.9 ? 4 : 5,
    entityKeys: ents.map((e) => e.key),
    quotes,
    sources,
  };
}

/** Time spent making events, and when the importer asked for event `i` (see lazyEvents). */
export interface GenClock {
  ms: number;
  /** At each marked index: performance.now() when it was asked for, and `ms` by then. */
  marks: Map<number, { wall: number; genMs: number }>;
}

/**
 * An `EventInput[]` that makes event `i` when iterated (importStory reads `.length` and
 * iterates once), so a million events never sit in memory at once. The time spent making
 * them is added up, so it can be taken out of the writer's time; asking for a marked index
 * (or for the end, index n) records the moment, so a writer can be timed over its first k.
 */
function lazyEvents(n: number, make: (i: number) => EventInput, clock: GenClock): EventInput[] {
  function* all(): Generator<EventInput> {
    for (let i = 0; i <= n; i++) {
      const mark = clock.marks.get(i);
      if (mark) Object.assign(mark, { wall: performance.now(), genMs: clock.ms });
      if (i === n) return;
      const t0 = performance.now();
      const ev = make(i);
      clock.ms += performance.now() - t0;
      yield ev;
    }
  }
  return new Proxy([] as EventInput[], {
    get(target, prop, receiver) {
      if (prop === "length") return n;
      if (prop === Symbol.iterator) return all;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}

/** The synthetic story for `seed` with `events` events and `entities` entities. */
export function synthetic(seed: number, events: number, entityCount: number): Synthetic {
  const vocab = vocabulary(seed);
  const text = textMaker(vocab);
  const entities = syntheticEntities(seed, entityCount, vocab, (rng, lang) => (lang === "en" ? text.en(rng, 30, 120, false) : text.zh(rng, 15, 60, false)));
  // Popularity is a shuffled Zipf rank, so the most mentioned are not simply the first keys.
  const order = Array.from(entities.keys());
  const shuffle = mulberry32(seed ^ 0x5b0f);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const rank = zipf(entities.length, 1.0);
  const mention = (rng: Rng): number => order[rank(rng)]!;
  const event = (i: number): EventInput => makeEvent(seed, i, events, text, entities, mention);
  return {
    seed,
    vocab,
    entities,
    eventCount: events,
    event,
    popular: mention,
    story(count = events, marks = []) {
      const clock: GenClock = { ms: 0, marks: new Map(marks.map((m) => [m, { wall: NaN, genMs: NaN }])) };
      const input: StoryInput = {
        slug: SLUG,
        title: { en: "A synthetic story for the benchmark", zh: "基准测试用的合成故事" },
        summary: { en: "Generated from a fixed seed.", zh: "由固定种子生成。" },
        language: "en",
        entities,
        events: lazyEvents(Math.min(count, events), event, clock),
      };
      return { input, clock };
    },
  };
}
