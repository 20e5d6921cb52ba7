/**
 * The newsroom engine: each feed item, compared with the story's events and the pending
 * developments, is attached to an event, waits as a probable report of one, or is suggested
 * as (part of) a development — with a score and a reason. Incremental (each call updates the
 * index and frequencies) and pure: no database, no clock but the `now` it is given.
 */
import { normalizeName } from "../../db/names.ts";
import { EntityMatcher, type StoryEntity } from "./entities.ts";
import { reasonText, sharedWith } from "./explain.ts";
import { analyze, type Analysis } from "./features.ts";
import type { Profile } from "./profile.ts";
import { similarity, type Score } from "./similarity.ts";
import { itemVector, type ItemVector } from "./vectors.ts";
import { EngineState, eventId } from "./state.ts";
import * as T from "./thresholds.ts";
import type { Decision, Fate, NewsItem, Placement, StoryEventInput } from "./types.ts";
import { Lifecycle } from "./lifecycle.ts";

interface Scored {
  p: Profile;
  s: Score;
}

/** A title shorter than this is too generic to call two items the same text ("Update"). */
const MIN_FINGERPRINT = 12;

export class Newsroom extends Lifecycle {
  /** Item id → where it went, so a second call for the same item changes nothing. */
  private readonly placed = new Map<string, { fate: Fate; group: string; event?: string; score: number }>();
  /** Normalised title → the first item with it: the same report carried by many feeds. */
  private readonly fingerprints = new Map<string, string>();

  constructor(entities: readonly StoryEntity[], events: readonly StoryEventInput[] = []) {
    super(new EngineState(new EntityMatcher(entities)));
    for (const ev of events) this.addEvent(ev);
  }

  private analyzeItem(item: NewsItem, now: number): Analysis {
    const at = typeof item.at === "number" && Number.isFinite(item.at) && item.at >= 0 ? Math.min(item.at, now + T.FUTURE_SLACK_MS) : null;
    // A date far ahead is not believed (as src/feeds does): the time of classifying stands in.
    const sane = at !== null && at >= now + T.FUTURE_SLACK_MS ? now : at;
    return analyze({ title: item.title ?? "", summary: item.summary, at: sane }, this.state.story);
  }

  private fingerprint(a: Analysis): string | null {
    const title = normalizeName(a.text.split("\n")[0] ?? "");
    return title.length >= MIN_FINGERPRINT ? title : null;
  }

  /** Where a newly seen item goes; see types.ts for the fates. Never throws on odd input. */
  classify(item: NewsItem, opts: { now?: number } = {}): Decision {
    const now = opts.now ?? Date.now();
    const before = this.placed.get(item.id);
    const a = this.analyzeItem(item, now);
    const none = { entities: [], anchors: [], phrases: [], terms: [] };
    const parts = { terms: 0, entities: 0, anchors: 0, days: null };
    if (before) return { item: item.id, ...before, newGroup: false, reason: "already classified", shared: none, parts, lang: a.features.lang };
    const fp = this.fingerprint(a);
    const twin = fp ? this.fingerprints.get(fp) : undefined;
    const twinPlace = twin ? this.placed.get(twin) : undefined;
    const twinTarget = twinPlace && this.state.byId.get(twinPlace.group);
    if (twin && twinPlace && twinTarget) {
      this.state.addReport(twinTarget, item.id, a, false);
      this.placed.set(item.id, twinPlace);
      const reason = `same text as ${twin}: ${twinPlace.fate}${twinPlace.event ? ` (${twinPlace.event})` : ""}`;
      return { item: item.id, ...twinPlace, newGroup: false, reason, shared: none, parts, lang: a.features.lang, duplicateOf: twin };
    }
    if (fp) this.fingerprints.set(fp, item.id);
    return this.place(item.id, a);
  }

  private place(id: string, a: Analysis): Decision {
    const v = itemVector(a.features, this.state.stats);
    const scored: Scored[] = this.state.candidates(a.features).map((p) => ({ p, s: similarity(a.features, v, p, this.state.stats) }));
    scored.sort((x, y) => y.s.score - x.s.score);
    const events = scored.filter((c) => c.p.kind === "event");
    const [e, runnerUp] = events;
    const g = scored.find((c) => c.p.kind === "group");
    const eScore = e?.s.score ?? 0;
    const gScore = g?.s.score ?? 0;
    if (e && eScore >= T.ATTACH && eScore - (runnerUp?.s.score ?? 0) >= T.ATTACH_MARGIN && eScore >= gScore) {
      return this.put(id, a, v, e, "attached", e.p.key, `attached to ${e.p.key}`);
    }
    if (g && gScore >= T.JOIN && (gScore >= eScore || (e && g.p.event === e.p.key))) {
      // A group of probable reports of an event stays one only while its reports are like that event.
      if (g.p.event && !(e && e.p.key === g.p.event && eScore >= T.PROBABLE)) g.p.event = undefined;
      const fate: Fate = g.p.event ? "probable" : "suggested";
      const head = g.p.event
        ? `probably another report of ${g.p.event} (joins ${g.p.key}, ${g.p.items.length} reports)`
        : `joins ${g.p.key} (${g.p.items.length} reports)`;
      return this.put(id, a, v, g, fate, g.p.event, head);
    }
    const group = this.state.newTarget("group", `g:${id}`, `g:${id}`);
    if (e && eScore >= T.PROBABLE) {
      group.event = e.p.key;
      const close = eScore >= T.ATTACH ? `as close to ${runnerUp?.p.key}` : `below ${T.ATTACH.toFixed(2)}`;
      const head = `probably another report of ${e.p.key} (${close})`;
      return this.put(id, a, v, { p: group, s: e.s }, "probable", e.p.key, head, e.p);
    }
    const best = scored[0];
    const head = best ? `new development (closest: ${best.p.key}, ${best.s.score.toFixed(2)})` : "new development (nothing alike)";
    this.state.addReport(group, id, a, true);
    this.placed.set(id, { fate: "suggested", group: group.key, score: best?.s.score ?? 0 });
    const shared = best ? sharedWith(a, v, best.p, best.s, this.state.story) : { entities: [], anchors: [], phrases: [], terms: [] };
    const s = best?.s;
    return {
      item: id,
      fate: "suggested",
      group: group.key,
      newGroup: true,
      score: s?.score ?? 0,
      reason: head,
      shared,
      parts: { terms: s?.terms ?? 0, entities: s?.entities ?? 0, anchors: s?.anchors ?? 0, days: s?.days ?? null },
      lang: a.features.lang,
    };
  }

  /** Adds the item to `c.p` and says so; `explainFrom` is the target the score was against. */
  private put(id: string, a: Analysis, v: ItemVector, c: Scored, fate: Fate, event: string | undefined, head: string, explainFrom = c.p): Decision {
    const shared = sharedWith(a, v, explainFrom, c.s, this.state.story);
    const newGroup = c.p.kind === "group" && c.p.items.length === 0;
    this.state.addReport(c.p, id, a, c.p.kind === "group");
    const group = c.p.kind === "event" ? eventId(c.p.key) : c.p.key;
    this.placed.set(id, { fate, group, event, score: c.s.score });
    const { score, terms, entities, anchors, days } = c.s;
    const decision: Decision = {
      item: id,
      fate,
      group,
      newGroup,
      score,
      reason: reasonText(head, shared, c.s),
      shared,
      parts: { terms, entities, anchors, days },
      lang: a.features.lang,
    };
    if (event) decision.event = event;
    if (c.p.rejected) decision.rejected = true;
    return decision;
  }

  /**
   * Puts back an item as it was placed before a restart (the wiring stores placements), with
   * no comparison. False when its event or group no longer exists (then classify it anew).
   */
  restore(item: NewsItem, placement: Placement, opts: { now?: number } = {}): boolean {
    if (this.placed.has(item.id)) return true;
    const a = this.analyzeItem(item, opts.now ?? Date.now());
    let p: Profile | undefined;
    if ("group" in placement) {
      p = this.state.byId.get(placement.group);
      if (!p && placement.group.startsWith("g:")) {
        p = this.state.newTarget("group", placement.group, placement.group);
        if (placement.event) p.event = placement.event;
      }
    } else p = this.state.byId.get(eventId(placement.event));
    if (!p) return false;
    this.state.addReport(p, item.id, a, p.kind === "group");
    const fate: Fate = p.kind === "event" ? "attached" : p.event ? "probable" : "suggested";
    this.placed.set(item.id, { fate, group: p.kind === "event" ? eventId(p.key) : p.key, event: p.kind === "event" ? p.key : p.event, score: 0 });
    const fp = this.fingerprint(a);
    if (fp && !this.fingerprints.has(fp)) this.fingerprints.set(fp, item.id);
    return true;
  }
}
