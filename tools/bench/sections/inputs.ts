/**
 * What the latency sections ask, drawn from the seed: names people type, prefixes, event
 * ids, languages, and search terms of four kinds, each kind several terms of like frequency.
 */
import type { Lang } from "../../../db/types.ts";
import type { Synthetic } from "../generate.ts";
import { intIn, mulberry32, pickOf, type Rng } from "../prng.ts";

export interface Inputs {
  names: string[];
  prefixes: string[];
  /** What someone types into an event option (see eventPrefixOf). */
  eventPrefixes: string[];
  eventIds: number[];
  counts: number[];
  langs: Lang[];
  search: Record<SearchKind, string[]>;
}

export type SearchKind = "common English word" | "rare English word" | "3-char Chinese term" | "2-char Chinese term";
export const SEARCH_KINDS: readonly SearchKind[] = ["common English word", "rare English word", "3-char Chinese term", "2-char Chinese term"];

/** Real news words from the head of the English list (ranks ~60–120: a fifth to a tenth of events have each). */
const COMMON_EN = ["government", "company", "president", "market", "talks", "deal", "board", "chief", "executive", "statement", "officials", "investors"];
const ZH_3 = ["董事会", "创始人", "委员会", "领导人", "科学家", "投资者", "工程师", "分析师", "副总裁", "消费者"];
const ZH_2 = ["公司", "政府", "市场", "经济", "发展", "国家", "记者", "报道", "美国", "中国", "企业", "会议"];

/** A name someone types: half the time of someone the story mentions a lot (people look up the main characters), half anyone. */
function namesOf(syn: Synthetic, rng: Rng): string {
  const e = rng() < 0.5 ? syn.entities[syn.popular(rng)]! : pickOf(rng, syn.entities);
  const r = rng();
  return (r < 0.4 ? e.name.en : r < 0.7 ? e.name.zh : pickOf(rng, e.aliases)) ?? e.key;
}

/**
 * What someone types into an event option, for some event of the story: the first 1–6
 * letters of a word of its English title (a fifth of the time after the whole word before
 * it), or 1–3 characters of its Chinese title (3 in 10).
 */
function eventPrefixOf(syn: Synthetic, rng: Rng): string {
  const ev = syn.event(Math.floor(rng() * syn.eventCount));
  const han = Array.from((ev.title.zh ?? "").replace(/[^\p{Script=Han}]/gu, ""));
  if (rng() < 0.3 && han.length) {
    const n = intIn(rng, 1, 3);
    const at = Math.floor(rng() * Math.max(1, han.length - n));
    return han.slice(at, at + n).join("");
  }
  const words = (ev.title.en ?? "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (!words.length) return han.slice(0, 2).join("");
  const k = Math.floor(rng() * words.length);
  const prefix = words[k]!.slice(0, intIn(rng, 1, 6));
  return rng() < 0.2 && k > 0 ? `${words[k - 1]} ${prefix}` : prefix;
}

/** `n` of each input, from `seed`. Event ids are 1..events (the importer's ids in a fresh database). */
export function drawInputs(syn: Synthetic, n: number, firstEventId: number): Inputs {
  const rng = mulberry32(syn.seed ^ 0x1a7e);
  const rare = syn.vocab.en.slice(-400);
  const names = Array.from({ length: n }, () => namesOf(syn, rng));
  const prefixes = Array.from({ length: n }, () => {
    const name = Array.from(namesOf(syn, rng).toLowerCase());
    return name.slice(0, Math.min(name.length, intIn(rng, 1, 6))).join("");
  });
  const drawn = {
    names,
    prefixes,
    eventIds: Array.from({ length: n }, () => firstEventId + Math.floor(rng() * syn.eventCount)),
    counts: Array.from({ length: n }, () => intIn(rng, 1, 10)),
    langs: Array.from({ length: n }, () => (rng() < 0.5 ? "en" : "zh")),
    search: {
      "common English word": Array.from({ length: n }, () => pickOf(rng, COMMON_EN)),
      "rare English word": Array.from({ length: n }, () => pickOf(rng, rare)),
      "3-char Chinese term": Array.from({ length: n }, () => pickOf(rng, ZH_3)),
      "2-char Chinese term": Array.from({ length: n }, () => pickOf(rng, ZH_2)),
    },
  };
  // Drawn last, so the inputs above stay what they were before this one existed.
  return { ...drawn, eventPrefixes: Array.from({ length: n }, () => eventPrefixOf(syn, rng)) };
}
