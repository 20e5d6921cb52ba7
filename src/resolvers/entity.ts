/**
 * What an entity option's value means, shared by /who and /timeline: an entity id picked
 * from autocomplete, or a name typed by hand that finds one entity, several equally good
 * ones, or nobody (with the closest names to suggest).
 */
import { findEntities, getEntity, topEntities } from "../../db/entities.ts";
import type { Db } from "../../db/index.ts";
import { hasHan } from "../../db/text.ts";
import type { EntityMatch, EntityRef, Lang } from "../../db/types.ts";
import { entityChoices, type Choice } from "../render/index.ts";

export type EntityLookup = { kind: "one"; entityId: number } | { kind: "many"; matches: EntityMatch[] } | { kind: "none"; suggestions: EntityRef[] };

/** How many names a "nobody matches" answer suggests. */
const SUGGESTIONS = 5;

/**
 * Resolves an entity option. A numeric value naming an entity of the story is that entity
 * (autocomplete sends ids). Otherwise the typed name: one result, or a single match at the
 * best rank (one exact match, say), is that entity; several at the best rank are offered as
 * choices; none gives suggestions.
 */
export function lookupEntity(db: Db, storyId: number, value: string): EntityLookup {
  const typed = value.trim();
  if (/^\d{1,15}$/.test(typed) && getEntity(db, storyId, Number(typed))) return { kind: "one", entityId: Number(typed) };
  const matches = findEntities(db, storyId, typed, 25);
  const best = matches[0];
  if (!best) return { kind: "none", suggestions: suggest(db, storyId, typed) };
  const top = matches.filter((m) => m.rank === best.rank);
  return top.length === 1 ? { kind: "one", entityId: best.entity.id } : { kind: "many", matches: top };
}

/**
 * The closest names to something that matched nobody: names starting like one of its words
 * (each word cut shorter, down to 3 letters or 2 Chinese characters, until something
 * answers), else the most mentioned. Stray substrings ("at" in "Satya") are not offered.
 */
function suggest(db: Db, storyId: number, typed: string): EntityRef[] {
  const found = new Map<number, EntityRef>();
  const words = typed
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
    .slice(0, 5);
  for (const word of words) {
    const chars = Array.from(word);
    const shortest = hasHan(word) ? 2 : 3;
    for (let n = chars.length; n >= shortest && found.size < SUGGESTIONS; n--) {
      const hits = findEntities(db, storyId, chars.slice(0, n).join(""), SUGGESTIONS).filter((m) => m.rank === "exact" || m.rank === "prefix");
      for (const m of hits) found.set(m.entity.id, m.entity);
      if (hits.length) break;
    }
  }
  if (found.size === 0) return topEntities(db, storyId, SUGGESTIONS).map((m) => m.entity);
  return [...found.values()].slice(0, SUGGESTIONS);
}

/** Autocomplete for an entity option: up to 25 names ranked as /who ranks them, valued by id. */
export function entityAutocomplete(db: Db, storyId: number, typed: string, lang: Lang): Choice[] {
  return entityChoices(
    findEntities(db, storyId, typed, 25).map((m) => m.entity),
    lang,
    (e) => String(e.id),
  );
}
