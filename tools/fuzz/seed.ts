/**
 * Suggestions waiting for review, as a feed would leave them: one watched feed per story
 * and a few pending events with hostile titles, so `/review` and its buttons and form
 * are fuzzed with something to show.
 */
import type { Db } from "../../db/index.ts";
import { storeFeedItem } from "../../db/feed-items.ts";
import { saveFeed } from "../../db/feeds.ts";
import { topEntities } from "../../db/entities.ts";
import { listStories } from "../../db/stories.ts";
import type { Rng } from "./prng.ts";
import { fuzzString, type Vocabulary } from "./strings.ts";

const NONE: Vocabulary = { names: ["Ada"], entityIds: [], eventIds: [], eventKeys: [], slugs: [], storyIds: [], titles: [], urls: [] };

/** Adds `perStory` pending events to every story; returns how many were made. */
export function seedPending(db: Db, rng: Rng, now: number, perStory = 12): number {
  let made = 0;
  for (const story of listStories(db)) {
    const { feed } = saveFeed(
      db,
      { url: `https://feeds.example.org/${story.slug}.xml`, storySlug: story.slug, keywords: null, trusted: false, addedBy: null },
      now,
    );
    const entityIds = topEntities(db, story.id, 10).map((m) => m.entity.id);
    db.transaction(() => {
      for (let i = 0; i < perStory; i++) {
        const link = `https://news.example.org/${story.slug}/${i}`;
        const title = fuzzString(rng, NONE, rng.chance(0.2) ? 3000 : 200).trim() || "Untitled";
        const event = {
          storyId: story.id,
          at: now - rng.int(0, 30) * 86_400_000,
          title: { en: title, zh: rng.chance(0.5) ? `建议${title.slice(0, 50)}` : null },
          summary: { en: rng.chance(0.7) ? fuzzString(rng, NONE) || null : null, zh: null },
          entityIds: entityIds.filter(() => rng.chance(0.3)),
          source: { name: fuzzString(rng, NONE, 80).trim() || "Wire", url: link },
          status: "pending" as const,
        };
        if (storeFeedItem(db, { feedId: feed.id, key: link, link }, event, now).outcome === "created") made++;
      }
    })();
  }
  return made;
}
