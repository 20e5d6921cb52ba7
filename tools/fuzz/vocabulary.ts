/** The words the fuzzer mixes into its input so that some of it finds something. */
import { readdirSync } from "node:fs";
import type { Db } from "../../db/index.ts";
import { topEntities } from "../../db/entities.ts";
import { latestEvents } from "../../db/events.ts";
import { listStories } from "../../db/stories.ts";
import { FEED_FIXTURES_DIR } from "../../src/sandbox/sample-feeds.ts";
import type { Vocabulary } from "./strings.ts";

/** Names, ids and titles of every story (read once at the start), and feed addresses under `feedBase`. */
export function vocabularyOf(db: Db, feedBase: string): Vocabulary {
  const v: Vocabulary = { names: [], entityIds: [], eventIds: [], eventKeys: [], slugs: [], storyIds: [], titles: [], urls: [] };
  for (const story of listStories(db)) {
    v.slugs.push(story.slug);
    v.storyIds.push(String(story.id));
    for (const { entity } of topEntities(db, story.id, 40)) {
      v.entityIds.push(String(entity.id));
      for (const name of [entity.name.en, entity.name.zh, entity.key]) if (name) v.names.push(name);
    }
    for (const e of latestEvents(db, story.id, 40)) {
      v.eventIds.push(String(e.id));
      v.eventKeys.push(e.key);
      for (const title of [e.title.en, e.title.zh]) if (title) v.titles.push(title);
    }
  }
  // Sample feeds served locally, a missing one, and a closed port: /feed add never leaves the machine.
  v.urls.push(
    ...readdirSync(FEED_FIXTURES_DIR)
      .filter((f) => !f.startsWith("."))
      .map((f) => `${feedBase}${f}`),
    `${feedBase}missing.xml`,
    "http://127.0.0.1:9/feed.xml",
  );
  return v;
}
