/**
 * The story's side of the engine: events added and removed, and what editors do with pending
 * developments in /review — publish one as a new event, confirm that it reports an existing
 * event, reject it (its later reports still join it, marked rejected) or drop it — and how a
 * development is shown.
 */
import { analyze } from "./features.ts";
import type { Profile } from "./profile.ts";
import { type EngineState, eventId } from "./state.ts";
import type { GroupView, StoryEventInput } from "./types.ts";

/** A new name is listed once this many reports of a development give it. */
export const NEW_NAME_REPORTS = 2;

export class Lifecycle {
  constructor(protected readonly state: EngineState) {}

  /** Adds texts of an event (both languages it has) to a target: a new event, or a group being published. */
  private addEventTexts(p: Profile, ev: StoryEventInput): void {
    let any = false;
    for (const lang of ["en", "zh"] as const) {
      const title = ev.title[lang];
      const summary = ev.summary[lang];
      if (!title && !summary) continue;
      any = true;
      const a = analyze({ title: title ?? "", summary, at: ev.at }, this.state.story);
      this.state.addText(p, a, lang, ev.entityIds);
    }
    if (!any) this.state.addText(p, analyze({ title: "", at: ev.at }, this.state.story), "other", ev.entityIds);
  }

  /** An event of the story (from its file, an editor or a published development); replaces one of the same key. */
  addEvent(ev: StoryEventInput): void {
    this.removeEvent(ev.key);
    this.addEventTexts(this.state.newTarget("event", eventId(ev.key), ev.key), ev);
  }

  removeEvent(key: string): void {
    const p = this.state.byId.get(eventId(key));
    if (p) this.state.kill(p, eventId(key));
  }

  private pendingGroup(id: string): Profile {
    const p = this.state.byId.get(id);
    if (p?.kind !== "group") throw new Error(`no pending development ${id}`);
    return p;
  }

  /** An editor published a development as a new event: its reports become that event's. */
  publishGroup(id: string, ev: StoryEventInput): void {
    const p = this.pendingGroup(id);
    this.removeEvent(ev.key);
    this.state.byId.delete(id);
    this.state.byId.set(eventId(ev.key), p);
    Object.assign(p, { kind: "event", key: ev.key, event: undefined, rejected: false });
    this.addEventTexts(p, ev);
  }

  /** An editor confirmed that a development reports an existing event. */
  attachGroup(id: string, eventKey: string): void {
    const p = this.pendingGroup(id);
    const into = this.state.byId.get(eventId(eventKey));
    if (!into) throw new Error(`no event ${eventKey}`);
    this.state.merge(into, p);
    this.state.kill(p, id);
  }

  /** An editor rejected a development: it stays, so its later reports are recognised and marked. */
  rejectGroup(id: string): void {
    this.pendingGroup(id).rejected = true;
  }

  /** Forgets a development altogether (e.g. its reports were deleted). */
  removeGroup(id: string): void {
    this.state.kill(this.pendingGroup(id), id);
  }

  /** A pending development as /review shows it; null when there is none by that id. */
  group(id: string): GroupView | null {
    const p = this.state.byId.get(id);
    if (p?.kind !== "group") return null;
    const newNames = [...p.names.values()]
      .filter((n) => n.items.size >= NEW_NAME_REPORTS)
      .sort((a, b) => b.items.size - a.items.size || a.shown.localeCompare(b.shown))
      .map((n) => n.shown);
    const view: GroupView = {
      id,
      rejected: p.rejected,
      items: [...p.items],
      newNames,
      first: p.times.length ? Math.min(...p.times) : null,
      last: p.times.length ? Math.max(...p.times) : null,
    };
    if (p.event) view.event = p.event;
    return view;
  }

  /** Every pending development (rejected ones included), oldest first. */
  pending(): GroupView[] {
    return this.state.targets.filter((p) => p.kind === "group" && !p.dead).map((p) => this.group(p.key)!);
  }

  /** How much the engine holds. */
  counts(): { events: number; groups: number; items: number } {
    let events = 0;
    let groups = 0;
    let items = 0;
    for (const p of this.state.targets) {
      if (p.dead) continue;
      if (p.kind === "event") events++;
      else groups++;
      items += p.items.length;
    }
    return { events, groups, items };
  }
}
