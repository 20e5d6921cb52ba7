/**
 * The reason given with each decision, e.g.
 * `attached to altman-fired: shares Sam Altman, OpenAI board, "not consistently candid"; similarity 0.71; same day`.
 * Shared phrases are runs of two or more content words the item and one of the target's texts
 * have in the same order, story names left out (they are listed as entities).
 */
import type { EntityMatcher } from "./entities.ts";
import type { Analysis } from "./features.ts";
import { isConcept } from "./glossary.ts";
import type { Profile } from "./profile.ts";
import { sharedTerms, type Score } from "./similarity.ts";
import type { ItemVector } from "./vectors.ts";
import { EN_STOP, ZH_STOP } from "./stopwords.ts";
import type { Shared } from "./types.ts";

const MAX_RUN = 8;
const HAN = /\p{Script=Han}/u;
const content = (w: string): boolean => !EN_STOP.has(w) && !ZH_STOP.has(w) && /\p{L}/u.test(w);
const join = (ws: readonly string[]): string => ws.reduce((s, w) => (s && !(HAN.test(w) && HAN.test(s.slice(-1))) ? `${s} ${w}` : s + w), "");

/** Phrases of `words` that also occur in one of the target's texts, longest first. */
function sharedPhrases(words: readonly string[], p: Profile): string[] {
  const best: string[][] = [];
  for (const ws of p.words) {
    const at = new Map<string, number[]>();
    ws.forEach((w, j) => {
      if (content(w)) at.set(w, [...(at.get(w) ?? []), j]);
    });
    for (let i = 0; i < words.length; ) {
      let longest = 1;
      let back = 0;
      // Runs start at a content word the target has and go on while both texts agree; a word or
      // two before it that both have too ("not" in "not consistently candid") are taken along.
      for (const j of at.get(words[i]!) ?? []) {
        let n = 1;
        while (n < MAX_RUN && i + n < words.length && words[i + n] && words[i + n] === ws[j + n]) n++;
        let b = 0;
        while (b < 2 && i - b > 0 && j - b > 0 && words[i - b - 1] && !content(words[i - b - 1]!) && words[i - b - 1] === ws[j - b - 1]) b++;
        if (n > longest) [longest, back] = [n, b];
      }
      const run = words.slice(i - back, i + longest);
      if (longest >= 2 && run.filter(content).length >= 2 && !best.some((b) => b.join(" ") === run.join(" "))) best.push(run);
      i += longest;
    }
  }
  const phrases = best.sort((a, b) => b.length - a.length).map(join);
  return phrases.filter((ph, k) => !phrases.slice(0, k).some((longer) => longer.includes(ph)));
}

function daysText(days: number | null): string {
  if (days === null) return "no date";
  if (days < 1) return "same day";
  const d = Math.round(days);
  return d <= 1 ? "1 day apart" : `${d} days apart`;
}

/** What the item shares with the target, as shown. */
export function sharedWith(a: Analysis, v: ItemVector, p: Profile, s: Score, story: EntityMatcher): Shared {
  const shown = (k: string): string => a.features.shown[k] ?? p.shown.get(k) ?? k.slice(1);
  const anchors = s.sharedAnchors.slice(0, 3).map(shown);
  // A phrase that only repeats shared new names ("jakub pachocki") says nothing more.
  const named = new Set(anchors.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const phrases = sharedPhrases(a.words, p)
    .filter((ph) => !ph.split(" ").every((w) => named.has(w) || !content(w)))
    .slice(0, 2);
  const inPhrase = (w: string): boolean => phrases.some((ph) => ph.includes(w));
  const terms = sharedTerms(v, s)
    .filter((t) => !isConcept(t))
    .map((t) => a.surface.get(t) ?? t)
    .filter((w) => !inPhrase(w) && !named.has(w))
    .slice(0, 3);
  return { entities: s.sharedEntities.slice(0, 4).map((e) => story.label(e)), anchors, phrases, terms };
}

/** One line: what was decided, what is shared, the similarity and the time apart. */
export function reasonText(head: string, shared: Shared, s: Score | null): string {
  const parts = [...shared.entities, ...shared.anchors, ...shared.phrases.map((p) => `"${p}"`), ...shared.terms];
  const what = parts.length ? `shares ${parts.join(", ")}` : "shares nothing notable";
  return s ? `${head}: ${what}; similarity ${s.score.toFixed(2)}; ${daysText(s.days)}` : head;
}
