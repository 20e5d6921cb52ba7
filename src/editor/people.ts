/**
 * Turning the names an editor typed into the story's people and organisations, by the same
 * rules as every entity option (`/who`, `/timeline who:`): src/resolvers/entity.ts, passed in
 * as the lookup (src/command-kit/editor.ts), so this stays pure.
 */
import type { EntityRef, EntityResolution } from "../../db/types.ts";
import { MAX_PEOPLE, splitNames, type Problem } from "./fields.ts";

/** The lookup a resolution needs. */
export interface PeopleLookup {
  /** What one typed name means in the story (resolveEntity). */
  resolve(typed: string): EntityResolution;
}

/** Most suggestions shown for one name. */
export const MAX_SUGGESTIONS = 5;

/**
 * One typed name: the entity it names; several equally good matches are ambiguous (the
 * first few offered); nobody is unknown, with the closest names; no letter or digit is not a name.
 */
export function resolveName(typed: string, lookup: PeopleLookup): { entity: EntityRef } | { problem: Problem } {
  const found = lookup.resolve(typed);
  if (found.kind === "one") return { entity: found.entity };
  if (found.kind === "many") return { problem: { kind: "ambiguousPerson", typed, matches: found.matches.slice(0, MAX_SUGGESTIONS).map((m) => m.entity) } };
  if (found.kind === "blank") return { problem: { kind: "notAName", typed } };
  return { problem: { kind: "unknownPerson", typed, suggestions: found.suggestions.slice(0, MAX_SUGGESTIONS) } };
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
