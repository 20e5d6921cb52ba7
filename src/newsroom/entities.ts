/**
 * The story's people and organisations named in a text. The rules are src/feeds/match.ts's
 * (names and aliases of both languages normalised as db/names.ts does; whole words for Latin
 * names, anywhere for Chinese ones; too-short names ignored), and each name is confirmed with
 * its `findName`. What this adds is speed and precision for thousands of names: a name is
 * only tried when its first word (Latin) or first two characters (Chinese) occur in the
 * text, and longer names are matched first and blanked out, so "Dario Amodei" does not
 * also count as his sister through the shared alias "amodei".
 */
import { namesOf, normalizeName } from "../../db/names.ts";
import type { Localized } from "../../db/types.ts";
import { findName, MIN_HAN_NAME, MIN_LATIN_NAME } from "../feeds/match.ts";

/** A person or organisation of the story, as the engine needs it. */
export interface StoryEntity {
  id: number;
  name: Localized;
  aliases: readonly string[];
}

interface Name {
  entityId: number;
  name: string;
}

const HAN = /\p{Script=Han}/u;
const HAN_START = /^\p{Script=Han}/u;
const LATIN_WORDS = /[^\s\p{Script=Han}]+/gu;

/** The key a name is filed under: its first Latin word, or its first two Chinese characters. */
function keyOf(name: string): string {
  if (HAN_START.test(name)) return [...name].slice(0, 2).join("");
  return name.match(LATIN_WORDS)?.[0] ?? name;
}

function usable(name: string): boolean {
  return HAN.test(name) ? [...name].length >= MIN_HAN_NAME : name.length >= MIN_LATIN_NAME;
}

/** Every key a normalised text could hold a name under: Chinese pairs only where some name starts. */
function keysIn(text: string, hanStarts: ReadonlySet<string>): Set<string> {
  const keys = new Set<string>(text.match(LATIN_WORDS) ?? []);
  for (let i = 0; i + 1 < text.length; i++) if (hanStarts.has(text[i]!)) keys.add(text.slice(i, i + 2));
  return keys;
}

export interface EntityHits {
  /** Entity ids in order of first mention. */
  ids: number[];
  /** The normalised text with every matched name blanked (spaces), for the other features. */
  masked: string;
}

/** A matcher over a story's entities, built once per story (and again when they change). */
export class EntityMatcher {
  private readonly byKey = new Map<string, Name[]>();
  private readonly labels = new Map<number, string>();
  private readonly hanStarts = new Set<string>();

  constructor(entities: readonly StoryEntity[]) {
    for (const e of entities) {
      this.labels.set(e.id, e.name.en ?? e.name.zh ?? String(e.id));
      for (const name of namesOf(e)) {
        if (!usable(name)) continue;
        const k = keyOf(name);
        if (HAN_START.test(k)) this.hanStarts.add(k[0]!);
        const list = this.byKey.get(k) ?? [];
        list.push({ entityId: e.id, name });
        this.byKey.set(k, list);
      }
    }
  }

  /** The entities a normalised text names; see the module comment. */
  match(normalized: string): EntityHits {
    const tried: Name[] = [];
    for (const k of keysIn(normalized, this.hanStarts)) tried.push(...(this.byKey.get(k) ?? []));
    tried.sort((a, b) => b.name.length - a.name.length || a.entityId - b.entityId);
    const first = new Map<number, number>();
    let masked = normalized;
    for (const n of tried) {
      for (let at = findName(masked, n.name); at >= 0; at = findName(masked, n.name)) {
        if (at < (first.get(n.entityId) ?? Infinity)) first.set(n.entityId, at);
        masked = masked.slice(0, at) + " ".repeat(n.name.length) + masked.slice(at + n.name.length);
      }
    }
    const ids = [...first.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([id]) => id);
    return { ids, masked };
  }

  /** Whether a (raw) text is, or contains, one of the story's names. */
  names(text: string): boolean {
    return this.match(normalizeName(text)).ids.length > 0;
  }

  /** How an entity is shown in explanations: its English name, else its Chinese one. */
  label(id: number): string {
    return this.labels.get(id) ?? String(id);
  }
}
