/**
 * The people and organisations of a draft: every entity of the story it extends (with its
 * ids), then the new names found in the article, merged — "Sam" and "Altman" become aliases
 * of "Sam Altman" when he is the only one they can mean — each with the sentence it came from.
 */
import { namesOf, normalizeName } from "../../db/names.ts";
import { buildMatcher } from "../feeds/match.ts";

export interface Entity {
  id: string;
  kind: "person" | "organization" | "place" | "other";
  name: { en: string | null; zh: string | null };
  aliases: string[];
  role: { en: string | null; zh: string | null };
  /** The sentence a new name was found in; null for the story's own entities. */
  sentence: string | null;
  kindGuessed: boolean;
}

/** A name seen in the article, before merging. */
export interface Candidate {
  name: string;
  kind: Entity["kind"] | null;
  sentence: string;
  /** A single English word opening its sentence: a name only if it is capitalised elsewhere too. */
  initial?: boolean;
}

const HAN = /\p{Script=Han}/u;

/** An id from a Latin name ("Sam Altman" → "sam-altman"); "" for a Chinese one. */
export function slugOf(text: string, maxWords = 6): string {
  return normalizeName(text)
    .normalize("NFKD")
    .replace(/[^a-z0-9 ]+/g, "")
    .split(" ")
    .filter(Boolean)
    .slice(0, maxWords)
    .join("-");
}

export class EntityBook {
  readonly entities: Entity[];
  private readonly ids = new Set<string>();
  private match: ((...texts: string[]) => { entityIds: number[] } | null) | null = null;

  constructor(storyEntities: readonly Entity[], reservedIds: Iterable<string> = []) {
    this.entities = [...storyEntities];
    for (const e of storyEntities) this.ids.add(e.id);
    for (const id of reservedIds) this.ids.add(id);
  }

  /** The entity answering to a name (any name or alias, normalised), if any. */
  find(name: string): Entity | null {
    const key = normalizeName(name).replace(/^the /, "");
    const joined = key.replace(/ /g, "");
    return this.entities.find((e) => namesOf(e).some((n) => n.replace(/^the /, "") === key || (HAN.test(joined) && n === joined))) ?? null;
  }

  /** A fresh id: the Latin name's slug, else the kind and a number. */
  private newId(name: string, kind: Entity["kind"]): string {
    const slug = slugOf(name);
    for (let n = 1; ; n++) {
      const id = slug ? (n === 1 ? slug : `${slug}-${n}`) : `${kind}-${n}`;
      if (this.ids.has(id)) continue;
      this.ids.add(id);
      this.match = null;
      return id;
    }
  }

  /** Adds the names found in the article that the story does not know yet; returns the new entities. */
  addCandidates(candidates: readonly Candidate[]): Entity[] {
    const fresh = new Map<string, Candidate>();
    for (const c of candidates) {
      // "The Harbor Ledger" and "Harbor Ledger" are one name.
      const key = normalizeName(c.name).replace(/^the /, "");
      if (!key || this.find(c.name)) continue;
      const seen = fresh.get(key);
      if (!seen) fresh.set(key, { ...c });
      else {
        seen.kind ??= c.kind;
        seen.initial &&= c.initial;
      }
    }
    // Single Latin words that are part of exactly one longer name are that name's aliases.
    const long = [...fresh.entries()].filter(([k, c]) => k.includes(" ") && !HAN.test(c.name));
    const aliases = new Map<string, string[]>();
    for (const [key, c] of [...fresh.entries()]) {
      if (key.includes(" ") || HAN.test(c.name)) continue;
      const owners = long.filter(([k]) => k.split(" ").includes(key));
      if (owners.length === 0) continue;
      fresh.delete(key);
      if (owners.length === 1) aliases.set(owners[0]![0], [...(aliases.get(owners[0]![0]) ?? []), c.name]);
    }
    for (const [key, c] of [...fresh.entries()]) if (c.initial && !key.includes(" ")) fresh.delete(key);
    // "OpenA" beside "OpenAI": a typo, not a new name.
    const words = new Set([...fresh.keys(), ...this.entities.flatMap((e) => namesOf(e))].flatMap((k) => k.split(" ")));
    for (const [key, c] of [...fresh.entries()]) {
      if (!key.includes(" ") && !HAN.test(c.name) && key.length >= 4 && [...words].some((w) => w.length === key.length + 1 && w.startsWith(key)))
        fresh.delete(key);
    }
    const added: Entity[] = [];
    for (const [key, c] of fresh) {
      const kind = c.kind ?? (HAN.test(c.name) ? "other" : "organization");
      const han = HAN.test(c.name);
      const parts = han ? c.name.split(/[·•・]/).filter((p) => p !== c.name && [...p].length >= 2) : [];
      const entity: Entity = {
        id: this.newId(han ? "" : c.name, kind),
        kind,
        name: han ? { en: null, zh: c.name } : { en: c.name, zh: null },
        aliases: [...new Set([...(aliases.get(key) ?? []), ...parts])],
        role: { en: null, zh: null },
        sentence: c.sentence,
        kindGuessed: c.kind === null,
      };
      this.entities.push(entity);
      added.push(entity);
    }
    return added;
  }

  /** The entities a text names, in the order they first appear. */
  mentioned(...texts: string[]): Entity[] {
    this.match ??= buildMatcher(
      this.entities.flatMap((e, i) => namesOf(e).map((name) => ({ entityId: i, name }))),
      [],
    );
    return (this.match(...texts)?.entityIds ?? []).map((i) => this.entities[i]!);
  }
}
