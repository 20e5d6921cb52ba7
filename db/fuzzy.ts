/**
 * An in-memory index of one story's entity names (already normalised, see db/names.ts),
 * answering "which entities does this typed text mean?" in four tiers: exact, prefix,
 * substring and close spelling. Pure: db/entities.ts builds it from SQL, caches it and keeps
 * it up to date.
 *
 * - exact / prefix: binary search over the distinct names, sorted.
 * - substring: the posting list of the query's rarest character pair, then `includes`.
 * - fuzzy: restricted Damerau-Levenshtein (adjacent swaps count as one edit) against every
 *   name and every word of a multi-word name, but only for candidates that share enough
 *   boundary-padded character pairs with the query (a count filter), never the whole list;
 *   one edit is tried first, then more, and only the closest spellings are kept.
 */
import type { EntityMatch, EntityRef, MatchRank } from "./types.ts";

export interface IndexedEntity {
  ref: EntityRef;
  mentions: number;
  /** What ties within a rank are ordered by. */
  sortName: string;
}

/** Edits allowed for a word of `len` characters: none under 3, 1 up to 4, 2 up to 8, else 3. */
export function fuzzyThreshold(len: number): number {
  return len < 3 ? 0 : len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Restricted Damerau-Levenshtein distance between `a` and `b`, or `max + 1` once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (rows[0]!.length <= m) rows = [0, 1, 2].map(() => new Int32Array(m * 2 + 1));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const pa = i > 1 ? a.charCodeAt(i - 2) : -1;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ca === cb ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (j > 1 && ca === b.charCodeAt(j - 2) && pa === cb && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[m]!, max + 1);
}

const START = 2;
const END = 3;

/**
 * Every pair of adjacent characters (UTF-16 units) of `s` as a number, distinct; `padded`
 * adds a start and an end mark, so a word's first and last letters make pairs too.
 */
function pairsOf(s: string, padded: boolean): number[] {
  const out = new Set<number>();
  let prev = padded ? START : s.charCodeAt(0);
  for (let k = padded ? 0 : 1; k < s.length; k++) {
    const c = s.charCodeAt(k);
    out.add(prev * 65536 + c);
    prev = c;
  }
  if (padded) out.add(prev * 65536 + END);
  return [...out];
}

/** Adds `i` to the posting list of each pair of `s` (see pairsOf), once per list. */
function post(map: Map<number, number[]>, s: string, padded: boolean, i: number): void {
  let prev = padded ? START : s.charCodeAt(0);
  for (let k = padded ? 0 : 1; k <= s.length; k++) {
    const c = k < s.length ? s.charCodeAt(k) : padded ? END : -1;
    if (c < 0) break;
    const pair = prev * 65536 + c;
    prev = c;
    const list = map.get(pair);
    if (!list) map.set(pair, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }
}

/** Adds name `i` to the lists of the code units it contains, once per list. */
function unitsOf(units: Map<number, number[]>, name: string, i: number): void {
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    const list = units.get(c);
    if (!list) units.set(c, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  }
}

/**
 * One story's names, searchable, and kept up to date in place: `put` and `remove` change one
 * entity's names, `setMentions` its mention count, each in about the time of one lookup, so a
 * write never costs a rebuild (db/entities.ts applies the writes logged by migration 008).
 * Names are numbered in the order first seen and never renumbered: a name no entity answers to
 * any more keeps its number and its postings, with no owners; it matches nobody.
 */
export class NameIndex {
  /** Name `i` and the entities (positions in `entities`) that answer to it. */
  private readonly names: string[] = [];
  private readonly owners: number[][] = [];
  private readonly nameIds = new Map<string, number>();
  /** Name numbers in the names' sort order, for exact and prefix lookups by binary search. */
  private readonly sorted: number[] = [];
  private readonly namePairs = new Map<number, number[]>();
  /** Whole names and the words of multi-word names; `tokenNames[i]` are the names they come from. */
  private readonly tokens: string[] = [];
  private readonly tokenNames: number[][] = [];
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenPairs = new Map<number, number[]>();
  private hits = new Int32Array(64);
  /** Entities by position; a removed one keeps its slot (null) so positions stay valid. */
  private readonly slots: (IndexedEntity | null)[] = [];
  private readonly slotNames: string[][] = [];
  private readonly positions = new Map<number, number>();
  /** Live entity positions, most mentioned first; recomputed on the next `top` after a change. */
  private byMentions: number[] | null = null;
  private nameUnits: Map<number, number[]> | null = null;

  constructor(entities: IndexedEntity[], names: { entityId: number; name: string }[]) {
    const byEntity = new Map<number, string[]>();
    for (const { entityId, name } of names) {
      const list = byEntity.get(entityId);
      if (list) list.push(name);
      else byEntity.set(entityId, [name]);
    }
    // Names added in sort order build the sorted list without a splice each.
    const all = [...new Set(names.map((n) => n.name).filter(Boolean))].sort();
    for (const n of all) this.nameId(n);
    for (const e of entities) this.put(e, byEntity.get(e.ref.id) ?? []);
  }

  /** How many entities are indexed. */
  get size(): number {
    return this.positions.size;
  }

  /** Whether entity `id` is indexed. */
  has(id: number): boolean {
    return this.positions.has(id);
  }

  /** Adds entity `e` answering to `names`, or replaces what the index held for it. */
  put(e: IndexedEntity, names: readonly string[]): void {
    let p = this.positions.get(e.ref.id);
    if (p === undefined) {
      p = this.slots.push(e) - 1;
      this.slotNames.push([]);
      this.positions.set(e.ref.id, p);
    } else this.slots[p] = e;
    const fresh = [...new Set(names.filter(Boolean))];
    const old = this.slotNames[p]!;
    for (const n of old) if (!fresh.includes(n)) this.unown(n, p);
    for (const n of fresh) if (!old.includes(n)) this.owners[this.nameId(n)]!.push(p);
    this.slotNames[p] = fresh;
    this.byMentions = null;
  }

  /** Forgets entity `id` (deleted, or moved to another story). */
  remove(id: number): void {
    const p = this.positions.get(id);
    if (p === undefined) return;
    for (const n of this.slotNames[p]!) this.unown(n, p);
    this.slotNames[p] = [];
    this.slots[p] = null;
    this.positions.delete(id);
    this.byMentions = null;
  }

  /** Entity `id`'s mention count, or null when it is not indexed. */
  mentionsOf(id: number): number | null {
    const p = this.positions.get(id);
    return p === undefined ? null : (this.slots[p]?.mentions ?? null);
  }

  /** Sets entity `id`'s mention count (what orders results). */
  setMentions(id: number, mentions: number): void {
    const p = this.positions.get(id);
    const e = p === undefined ? null : this.slots[p]!;
    if (!e || e.mentions === mentions) return;
    this.slots[p!] = { ...e, mentions };
    this.byMentions = null;
  }

  private unown(name: string, p: number): void {
    const list = this.owners[this.nameIds.get(name)!]!;
    list.splice(list.indexOf(p), 1);
  }

  /** The number of `name`, numbering it (and its words, pairs and sort place) if it is new. */
  private nameId(name: string): number {
    let i = this.nameIds.get(name);
    if (i !== undefined) return i;
    i = this.names.push(name) - 1;
    this.owners.push([]);
    this.nameIds.set(name, i);
    const at = this.lowerBound(name);
    if (at === this.sorted.length) this.sorted.push(i);
    else this.sorted.splice(at, 0, i);
    post(this.namePairs, name, false, i);
    const words = name.split(" ");
    if (words.length > 1) words.push(name);
    for (const t of words) {
      let ti = this.tokenIds.get(t);
      if (ti === undefined) {
        ti = this.tokens.push(t) - 1;
        this.tokenIds.set(t, ti);
        this.tokenNames.push([i]);
        post(this.tokenPairs, t, true, ti);
      } else if (this.tokenNames[ti]!.at(-1) !== i) this.tokenNames[ti]!.push(i);
    }
    if (this.tokens.length > this.hits.length) this.hits = new Int32Array(this.tokens.length * 2);
    if (this.nameUnits) unitsOf(this.nameUnits, name, i);
    return i;
  }

  private compare(a: number, b: number): number {
    const x = this.slots[a]!;
    const y = this.slots[b]!;
    return y.mentions - x.mentions || (x.sortName < y.sortName ? -1 : x.sortName > y.sortName ? 1 : x.ref.id - y.ref.id);
  }

  /** The most-mentioned entities, as matches of rank "exact" on their first name. */
  top(limit: number): EntityMatch[] {
    this.byMentions ??= [...this.positions.values()].sort((a, b) => this.compare(a, b));
    return this.byMentions.slice(0, limit).map((p) => this.match(p, "exact", this.slots[p]!.sortName));
  }

  private match(p: number, rank: MatchRank, matched: string): EntityMatch {
    const e = this.slots[p]!;
    return { entity: e.ref, mentions: e.mentions, rank, matched };
  }

  /**
   * Entities answering to `q` (normalised, non-empty), best rank first, one per entity;
   * within a rank more mentions first, then name. Lower tiers are only searched while fewer
   * than `limit` entities were found, and the fuzzy tier only when no other tier found any.
   * An entity found by several names of one tier is matched on the first of them in sort
   * order, whatever order the names were added in.
   */
  find(q: string, limit: number): EntityMatch[] {
    const found = new Map<number, { rank: MatchRank; matched: string }>();
    const out: EntityMatch[] = [];
    const tier = (rank: MatchRank, nameIdx: Iterable<number>): void => {
      const fresh: number[] = [];
      for (const i of nameIdx) {
        const name = this.names[i]!;
        for (const p of this.owners[i]!) {
          const had = found.get(p);
          if (had) {
            if (had.rank === rank && name < had.matched) had.matched = name;
            continue;
          }
          found.set(p, { rank, matched: name });
          fresh.push(p);
        }
      }
      fresh.sort((a, b) => this.compare(a, b));
      // Only what can still be returned becomes a match (a one-letter prefix has thousands).
      for (const p of fresh.slice(0, Math.max(0, limit - out.length))) out.push(this.match(p, rank, found.get(p)!.matched));
    };
    const lo = this.lowerBound(q);
    const first = this.sorted[lo];
    if (first !== undefined && this.names[first] === q) tier("exact", [first]);
    if (out.length < limit) tier("prefix", this.prefixed(q, lo));
    if (out.length < limit) tier("substring", this.containing(q));
    if (out.length === 0) tier("fuzzy", this.close(q));
    return out.slice(0, limit);
  }

  /**
   * Names by each code unit they contain, for one-character queries (a Chinese name's first
   * character, typed into autocomplete): built on the first such query, not with the index.
   */
  private unitIndex(): Map<number, number[]> {
    if (this.nameUnits) return this.nameUnits;
    const units = new Map<number, number[]>();
    for (const [i, name] of this.names.entries()) unitsOf(units, name, i);
    return (this.nameUnits = units);
  }

  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.names[this.sorted[mid]!]! < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private *prefixed(q: string, from: number): Generator<number> {
    for (let k = from; k < this.sorted.length; k++) {
      const i = this.sorted[k]!;
      const name = this.names[i]!;
      if (!name.startsWith(q)) return;
      if (name !== q) yield i;
    }
  }

  private *containing(q: string): Generator<number> {
    let candidates: Iterable<number> = this.names.keys();
    if (q.length === 1) candidates = this.unitIndex().get(q.charCodeAt(0)) ?? [];
    if (q.length >= 2) {
      let best: number[] | undefined;
      for (const p of pairsOf(q, false)) {
        const list = this.namePairs.get(p);
        if (!list) return;
        if (!best || list.length < best.length) best = list;
      }
      candidates = best ?? [];
    }
    for (const i of candidates) {
      const n = this.names[i]!;
      if (n !== q && !n.startsWith(q) && n.includes(q)) yield i;
    }
  }

  /**
   * Names with a name or word within the allowed edits of `q`, trying one edit first, then
   * two, then three (as the lengths allow): only the closest spellings found are returned.
   * Candidates must share enough of the query's padded character pairs: an edit removes at
   * most two of them and an adjacent swap three, so d edits (at most one of them a swap)
   * leave at least pairs - 2d - 1; only spellings with two swaps and more can be missed.
   */
  private close(q: string): number[] {
    const max = fuzzyThreshold(q.length);
    if (max === 0) return [];
    const grams = pairsOf(q, true);
    const touched: number[] = [];
    for (const g of grams) {
      for (const t of this.tokenPairs.get(g) ?? []) {
        const h = this.hits[t]!;
        this.hits[t] = h + 1;
        if (h === 0) touched.push(t);
      }
    }
    const shared = touched.map((t) => this.hits[t]!);
    for (const t of touched) this.hits[t] = 0;
    for (let d = 1; d <= max; d++) {
      const need = Math.max(1, grams.length - 2 * d - 1);
      const out: number[] = [];
      touched.forEach((t, i) => {
        if (shared[i]! < need) return;
        const token = this.tokens[t]!;
        const allowed = Math.min(d, fuzzyThreshold(Math.min(q.length, token.length)));
        if (allowed === 0 || editDistance(q, token, allowed) > allowed) return;
        // Names nobody answers to any more must not stop the search at this distance.
        for (const n of this.tokenNames[t]!) if (this.owners[n]!.length) out.push(n);
      });
      if (out.length) return out.sort((a, b) => a - b);
    }
    return [];
  }
}
