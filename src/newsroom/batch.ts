/**
 * Much work without blocking: build an engine, classify (or restore) a whole feed's items in
 * slices of a few milliseconds, yielding to the event loop between slices, so commands keep
 * being answered while 10,000 events or items are processed.
 */
import { Newsroom } from "./engine.ts";
import type { StoryEntity } from "./entities.ts";
import type { Decision, NewsItem, Placement, StoryEventInput } from "./types.ts";

/** Work done between two yields at most (one item may overrun it by its own cost). */
export const SLICE_MS = 4;

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `fn` on each input in order, yielding every `sliceMs`; resolves with the results. */
export async function inSlices<T, R>(inputs: readonly T[], fn: (input: T) => R, sliceMs = SLICE_MS, signal?: AbortSignal): Promise<R[]> {
  const out: R[] = [];
  let start = performance.now();
  for (const input of inputs) {
    if (signal?.aborted) break;
    out.push(fn(input));
    if (performance.now() - start >= sliceMs) {
      await yieldToLoop();
      start = performance.now();
    }
  }
  return out;
}

/** Classifies items in order, in slices; stops early (with what it did) when `signal` aborts. */
export function classifyAll(
  engine: Newsroom,
  items: readonly NewsItem[],
  opts: { now?: number; sliceMs?: number; signal?: AbortSignal } = {},
): Promise<Decision[]> {
  return inSlices(items, (item) => engine.classify(item, { now: opts.now }), opts.sliceMs, opts.signal);
}

/** Puts stored items back after a restart, in slices; resolves with how many found their place. */
export async function restoreAll(
  engine: Newsroom,
  stored: readonly { item: NewsItem; placement: Placement }[],
  opts: { now?: number; sliceMs?: number } = {},
): Promise<number> {
  const done = await inSlices(stored, (s) => engine.restore(s.item, s.placement, { now: opts.now }), opts.sliceMs);
  return done.filter(Boolean).length;
}

/**
 * An engine for a story, its events added in slices: 10,000 events take seconds, which a
 * bot starting up (or a story re-imported) must not spend without answering commands.
 */
export async function buildNewsroom(entities: readonly StoryEntity[], events: readonly StoryEventInput[], opts: { sliceMs?: number } = {}): Promise<Newsroom> {
  const engine = new Newsroom(entities);
  await inSlices(events, (ev) => engine.addEvent(ev), opts.sliceMs);
  return engine;
}
