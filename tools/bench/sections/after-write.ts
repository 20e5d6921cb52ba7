/**
 * The first `/who` after a write, at the bench story's 10,000 people: an event corrected by
 * an editor (no name changes), then an alias added to someone (a name change). Before
 * migration 008 every write rebuilt the whole name index on the next lookup; the baseline is
 * that rebuild, timed here on the same data.
 */
import { findEntities, getEntityProfile, invalidateEntityCache, nameIndexRebuilds } from "../../../db/entities.ts";
import { updateEvent } from "../../../db/event-writes.ts";
import { entityCountsRead, getEvent } from "../../../db/events.ts";
import { getStoryById } from "../../../db/stories.ts";
import { timelineCustomId } from "../../../src/custom-ids.ts";
import { renderWho } from "../../../src/render/index.ts";
import type { WithDb } from "../context.ts";
import type { Row } from "../report.ts";
import { summarize, timeOnce } from "../stats.ts";
import { drawInputs } from "./inputs.ts";

const WHO_EVENTS = 10;
const ROUNDS = 20;
const actor = { userId: "0", userName: "bench" };

export function afterWriteSection(ctx: WithDb): Row[] {
  const { db, storyId: sid } = ctx;
  const story = getStoryById(db, sid)!;
  const inp = drawInputs(ctx.syn, ROUNDS, 1);
  const who = (name: string): unknown => {
    const m = findEntities(db, sid, name, 25)[0];
    const profile = m && getEntityProfile(db, sid, m.entity.id, WHO_EVENTS);
    return (
      profile &&
      renderWho(profile, story, "en", {
        eventLimit: WHO_EVENTS,
        timelineCustomId: timelineCustomId({ storyId: sid, entityId: m.entity.id, from: null, to: null, page: 1, fresh: true }),
      })
    );
  };
  const rebuildMs: number[] = [];
  for (let k = 0; k < 3; k++) {
    invalidateEntityCache(db);
    rebuildMs.push(timeOnce(() => findEntities(db, sid, "x", 1)));
  }
  // A bare alias insert: db/ has no alias writer yet; the triggers of migration 008 see any writer.
  const addAlias = db.prepare<[number, string]>("INSERT OR IGNORE INTO entity_names (entity_id, name) VALUES (?, ?)");
  const edit: number[] = [];
  const alias: number[] = [];
  const rebuilds0 = nameIndexRebuilds();
  const editCounts: number[] = [];
  // Each round looks up someone already looked up before its write (round i warms round i + 1's),
  // so what is timed is the write's cost, not a first-ever lookup (the latency section has those).
  who(inp.names[0]!);
  for (let i = 0; i < ROUNDS; i++) {
    const ev = getEvent(db, sid, inp.eventIds[i]!)!;
    const update = {
      at: ev.at,
      precision: ev.precision,
      title: { en: `${ev.title.en ?? ""} (corrected)`, zh: ev.title.zh },
      summary: ev.summary,
      importance: ev.importance,
    };
    updateEvent(db, { storyId: sid, eventId: ev.id, expectedUpdatedAt: ev.updatedAt, update, actor, changes: {}, now: Date.now() });
    const counted = entityCountsRead();
    edit.push(timeOnce(() => who(inp.names[i]!)));
    editCounts.push(entityCountsRead() - counted);
    const m = findEntities(db, sid, inp.names[i]!, 1)[0];
    who(inp.names[(i + 1) % ROUNDS]!);
    if (m) addAlias.run(m.entity.id, `bench alias ${i}`);
    alias.push(timeOnce(() => who(`bench alias ${i}`)));
  }
  const rebuilt = nameIndexRebuilds() - rebuilds0;
  const rb = summarize(rebuildMs);
  return [
    { label: "an event corrected", ms: edit },
    { label: "an alias added", ms: alias },
  ].map(({ label, ms }) => {
    const s = summarize(ms);
    return {
      measure: `first /who after a write (${label}), ${ctx.syn.entities.length.toLocaleString("en-US")} people, max / median`,
      value: s.max,
      unit: "ms",
      baseline: rb.median,
      ratio: s.max / rb.median,
      target: "< 5 ms (baseline: the full rebuild every write cost before)",
      ok: s.max < 5 && rebuilt === 0,
      // After an edit, the profile's count is read again only for someone never looked up before.
      detail: { ...s, rebuildsDuringRounds: rebuilt, rebuild: rb, ...(label === "an event corrected" ? { countsReadAfterEdits: editCounts } : {}) },
    };
  });
}
