/**
 * Turning the names an editor typed into the story's people and organisations, the way
 * `/who` understands names. Pure: the lookups are passed in (db/entities.ts in the bot).
 */
import type { EntityMatch, EntityRef } from "../../db/types.ts";
import { MAX_PEOPLE, splitNames, type Problem } from "./fields.ts";

/** The lookups a resolution needs. */
export interface PeopleLookup {
  /** Entities answering to a typed name, best first (findEntities). */
  find(typed: string): EntityMatch[];
  /** The entity with exactly this key (the id in the story file), if any. */
  byKey(key: string): EntityRef | null;
}

/** Most suggestions shown for one name. */
export const MAX_SUGGESTIONS = 5;

function distinct(matches: readonly EntityMatch[]): EntityRef[] {
  const seen = new Set<number>();
  return matches.filter((m) => !seen.has(m.entity.id) && seen.add(m.entity.id)).map((m) => m.entity);
}

/**
 * One typed name: a single exact match wins (several exact ones are ambiguous); else an
 * entity whose key it is; else the only match of any rank; several matches are ambiguous;
 * none is unknown, with suggestions found word by word.
 */
export function resolveName(typed: string, lookup: PeopleLookup): { entity: EntityRef } | { problem: Problem } {
  const matches = lookup.find(typed);
  const exact = distinct(matches.filter((m) => m.rank === "exact"));
  if (exact.length === 1) return { entity: exact[0]! };
  if (exact.length > 1) return { problem: { kind: "ambiguousPerson", typed, matches: exact.slice(0, MAX_SUGGESTIONS) } };
  const keyed = lookup.byKey(typed.trim().toLowerCase());
  if (keyed) return { entity: keyed };
  const all = distinct(matches);
  if (all.length === 1) return { entity: all[0]! };
  if (all.length > 1) return { problem: { kind: "ambiguousPerson", typed, matches: all.slice(0, MAX_SUGGESTIONS) } };
  const byWord = typed
    .split(/\s+/)
    .filter((w) => w.length >= 3)
    .flatMap((w) => lookup.find(w));
  return { problem: { kind: "unknownPerson", typed, suggestions: distinct(byWord).slice(0, MAX_SUGGESTIONS) } };
}

/** Every name of the people field resolved, in order and each entity once, or the problems. */
export function resolvePeople(text: string, lookup: PeopleLookup): { entities: EntityRef[]; problems: Problem[] } {
  const names = splitNames(text);
  if (names.length > MAX_PEOPLE) return { entities: [], problems: [{ kind: "tooManyPeople", max: MAX_PEOPLE }] };
  const entities: EntityRef[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    const r = resolveName(name, lookup);
    if ("problem" in r) problems.push(r.problem);
    else if (!entities.some((e) => e.id === r.entity.id)) entities.push(r.entity);
  }
  return { entities, problems };
}
