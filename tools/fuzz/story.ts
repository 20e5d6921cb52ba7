/**
 * A story file full of hostile text (names in every plane and direction, mentions and
 * markdown in titles, summaries of thousands of characters), so the renderers meet it
 * in stored data and not only in what users type — as hostile as a story file may be:
 * every text up to its limit, without the control characters and broken surrogates
 * the importer refuses.
 */
import { STORY_LIMITS as L } from "../../src/story/limits.ts";
import { storableText } from "../../src/story/text.ts";
import type { Rng } from "./prng.ts";
import { fuzzString, type Vocabulary } from "./strings.ts";

/** The slug of the generated story. */
export const FUZZ_STORY = "fuzz-zone";

const EMPTY: Vocabulary = { names: ["Ada"], entityIds: [], eventIds: [], eventKeys: [], slugs: [], storyIds: [], titles: [], urls: [] };

/** Non-blank text (the story schema refuses blank), at most `max` code units, only characters a story file may hold. */
function text(rng: Rng, max: number): string {
  const s = storableText(fuzzString(rng, EMPTY, max - 1));
  return s.trim() ? s : `A${s}`.slice(0, max);
}

function localized(rng: Rng, max: number): string | { en?: string; zh?: string } {
  const shape = rng.int(0, 2);
  if (shape === 0) return text(rng, max);
  if (shape === 1) return { en: text(rng, max) };
  return { en: text(rng, max), zh: `中文${text(rng, max - 2)}` };
}

function day(rng: Rng): string {
  const y = rng.int(1970, 2035);
  const m = String(rng.int(1, 12)).padStart(2, "0");
  const d = String(rng.int(1, 28)).padStart(2, "0");
  return rng.chance(0.3) ? `${y}-${m}-${d}T${String(rng.int(0, 23)).padStart(2, "0")}:30:00+08:00` : `${y}-${m}-${d}`;
}

/** The generated story as JSON text (a `.json` story file). */
export function hostileStory(rng: Rng, entities = 30, events = 80): string {
  const ids = Array.from({ length: entities }, (_, i) => `e${i}`);
  const story = {
    story: { slug: FUZZ_STORY, title: localized(rng, L.title), summary: localized(rng, L.summary), language: rng.pick(["en", "zh"]) },
    entities: ids.map((id) => ({
      id,
      kind: rng.pick(["person", "organization", "place", "other"]),
      name: localized(rng, rng.chance(0.2) ? L.name : 60),
      aliases: Array.from({ length: rng.int(0, 4) }, () => text(rng, 80)),
      ...(rng.chance(0.7) ? { role: localized(rng, rng.chance(0.2) ? L.role : 100) } : {}),
    })),
    events: Array.from({ length: events }, (_, i) => {
      const who = Array.from({ length: rng.int(0, 30) }, () => rng.pick(ids));
      return {
        id: `ev-${i}`,
        at: day(rng),
        title: localized(rng, rng.chance(0.2) ? L.title : 200),
        ...(rng.chance(0.8) ? { summary: localized(rng, rng.chance(0.3) ? L.summary : 500) } : {}),
        entities: who,
        importance: rng.int(1, 5),
        quotes: Array.from({ length: rng.int(0, 5) }, () => ({ by: rng.pick(ids), text: localized(rng, rng.chance(0.2) ? L.quote : 300) })),
        sources: Array.from({ length: rng.int(1, 12) }, (_, k) => ({
          name: text(rng, rng.chance(0.2) ? L.sourceName : 60),
          ...(rng.chance(0.7)
            ? { url: rng.pick([`https://example.org/${i}/${k}`, `https://example.org/${"p".repeat(rng.int(10, 1500))}`, "https://例子.测试/路径"]) }
            : {}),
        })),
      };
    }),
  };
  return JSON.stringify(story);
}
