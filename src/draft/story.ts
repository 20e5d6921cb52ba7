/**
 * The story a draft extends (`--story <slug>`): found among the story files in the stories
 * folder and read with the importer's own parser, so the draft uses exactly its ids.
 */
import { readStoryFile } from "../story/read.ts";
import { storyFilesIn } from "../story/import.ts";
import type { ExistingStory } from "./draft.ts";
import { DraftError } from "./errors.ts";

/** Reads the story `slug` from `dir`; a missing or broken story is a DraftError. */
export function loadStory(dir: string, slug: string): ExistingStory {
  const known: string[] = [];
  for (const path of storyFilesIn(dir)) {
    const r = readStoryFile(path);
    if (!r.ok) continue;
    known.push(r.story.slug);
    if (r.story.slug !== slug) continue;
    const s = r.story;
    return {
      slug: s.slug,
      title: s.title.en ?? s.title.zh ?? s.slug,
      entities: s.entities.map((e) => ({ id: e.key, kind: e.kind, name: e.name, aliases: e.aliases, role: e.role, sentence: null, kindGuessed: false })),
      eventIds: s.events.map((e) => e.key),
    };
  }
  throw new DraftError(`--story ${slug}: no such story in ${dir}${known.length ? ` (stories there: ${known.join(", ")})` : ""}`);
}
