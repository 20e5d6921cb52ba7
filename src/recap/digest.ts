/** The data of a digest: what was added to a story in a window, and who it mentions most. */
export type { Digest } from "../render/digest.ts";
import { eventStandings } from "../../db/event-sources.ts";
import { eventsAddedBetween } from "../../db/events.ts";
import type { Db } from "../../db/index.ts";
import { firstSources } from "../../db/recaps.ts";
import type { EntityKind, EntityMention, EventSummary, Story } from "../../db/types.ts";
import type { Digest } from "../render/digest.ts";

/** How many names "most mentioned" lists. */
export const DIGEST_TOP = 5;

const KIND_RANK: Record<EntityKind, number> = { person: 0, organization: 1, place: 2, other: 3 };

/**
 * The names most mentioned by `events`: by count, then people before organisations and the
 * rest, then first mention. Pure.
 */
export function mostMentioned(events: readonly EventSummary[], limit = DIGEST_TOP): EntityMention[] {
  const counts = new Map<number, EntityMention & { first: number }>();
  let order = 0;
  for (const e of events) {
    for (const entity of e.entities) {
      const c = counts.get(entity.id);
      if (c) c.mentions++;
      else counts.set(entity.id, { entity, mentions: 1, first: order++ });
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.mentions - a.mentions || (KIND_RANK[a.entity.kind] ?? 3) - (KIND_RANK[b.entity.kind] ?? 3) || a.first - b.first)
    .slice(0, limit)
    .map(({ entity, mentions }) => ({ entity, mentions }));
}

/** The digest of events added to `story` with since < added_at <= until. */
export function buildDigest(db: Db, story: Story, since: number, until: number): Digest {
  const events = eventsAddedBetween(db, story.id, since, until);
  const ids = events.map((e) => e.id);
  const sources = firstSources(db, ids);
  const standings = eventStandings(db, ids);
  return {
    story,
    since,
    until,
    events: events.map((event) => ({ event, source: sources.get(event.id) ?? null, standing: standings.get(event.id) })),
    top: mostMentioned(events),
  };
}
