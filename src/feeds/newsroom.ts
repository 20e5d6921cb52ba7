/**
 * One newsroom engine per story, kept in memory beside the database it was built from.
 * It is built from the story's people and published events, then every stored item is put
 * back where it was placed (no comparison), so a restart loses and doubles nothing. Work
 * on a story's engine is done one call at a time, and the engine is rebuilt whenever the
 * story changed under it (an editor's edit, an approval, an import: db/newsroom.ts stamp).
 */
import type { Db } from "../../db/index.ts";
import { storyNewsItems, type NewsItemRow } from "../../db/news-items.ts";
import { engineEntities, engineEvents, storyStamp } from "../../db/newsroom.ts";
import { buildNewsroom, type NewsItem, type Newsroom, type Placement } from "../newsroom/index.ts";
import { inSlices } from "../newsroom/batch.ts";

interface Desk {
  stamp: string;
  engine: Newsroom;
  /** Stored items not placed yet (the bot stopped before, or their place is gone): classify them next. */
  leftover: NewsItemRow[];
}

const desks = new WeakMap<Db, Map<number, Desk>>();
const queues = new WeakMap<Db, Map<number, Promise<unknown>>>();

/** The engine's view of a stored item. */
export function asNewsItem(r: NewsItemRow): NewsItem {
  return { id: String(r.id), title: r.title, summary: r.summary, at: r.publishedAt, outlet: r.outlet };
}

function placementOf(r: NewsItemRow): Placement | null {
  if ((r.fate === "attached" || r.fate === "published") && r.eventKey) return { event: r.eventKey };
  if ((r.fate === "suggested" || r.fate === "rejected") && r.groupId?.startsWith("g:")) {
    return r.eventKey ? { group: r.groupId, event: r.eventKey } : { group: r.groupId };
  }
  return null;
}

async function build(db: Db, storyId: number, now: number): Promise<Desk> {
  const stamp = storyStamp(db, storyId);
  const events = engineEvents(db, storyId).map(({ id: _id, ...ev }) => ev);
  const engine = await buildNewsroom(engineEntities(db, storyId), events);
  const leftover: NewsItemRow[] = [];
  const rows = storyNewsItems(db, storyId);
  await inSlices(rows, (r) => {
    if (r.fate === null) return leftover.push(r);
    const placement = placementOf(r);
    if (placement && !engine.restore(asNewsItem(r), placement, { now })) leftover.push(r);
    return 0;
  });
  const rejected = new Set(rows.filter((r) => r.fate === "rejected" && r.groupId?.startsWith("g:")).map((r) => r.groupId!));
  for (const g of rejected) if (engine.group(g)) engine.rejectGroup(g);
  return { stamp, engine, leftover };
}

/**
 * Runs `fn` with the story's engine (built or rebuilt as needed) and the stored items still
 * to classify, after any earlier call for the same story has finished.
 */
export function withNewsroom<T>(db: Db, storyId: number, now: number, fn: (engine: Newsroom, leftover: NewsItemRow[]) => Promise<T>): Promise<T> {
  const q = queues.get(db) ?? new Map<number, Promise<unknown>>();
  queues.set(db, q);
  const run = async (): Promise<T> => {
    const byStory = desks.get(db) ?? new Map<number, Desk>();
    desks.set(db, byStory);
    let desk = byStory.get(storyId);
    if (!desk || desk.stamp !== storyStamp(db, storyId)) {
      desk = await build(db, storyId, now);
      byStory.set(storyId, desk);
    }
    const leftover = desk.leftover.splice(0);
    try {
      const out = await fn(desk.engine, leftover);
      desk.stamp = storyStamp(db, storyId);
      return out;
    } catch (err) {
      // The engine may hold what the database does not: start again from the database.
      byStory.delete(storyId);
      throw err;
    }
  };
  const next = (q.get(storyId) ?? Promise.resolve()).then(run, run);
  q.set(
    storyId,
    next.catch(() => undefined),
  );
  return next;
}

/** Names two or more reports of a development give that are not people of the story; [] when it is not pending. */
export async function developmentNewNames(db: Db, storyId: number, groupId: string | null, now: number): Promise<string[]> {
  if (!groupId?.startsWith("g:")) return [];
  return withNewsroom(db, storyId, now, async (engine) => engine.group(groupId)?.newNames ?? []);
}
