import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../../db/index.ts";
import { importStory } from "../../db/import.ts";
import type { ImportCounts, KeptEntity, StoryInput } from "../../db/types.ts";
import { readStoryFile } from "./parse.ts";

/** Files refused, with every problem, keyed by path. */
export type Refusals = { path: string; problems: string[] }[];

/** What an import did: counts per story written, or the refusals (and nothing written). */
export type ImportOutcome = { ok: true; results: ImportCounts[] } | { ok: false; refusals: Refusals };

/** Validates every file first; only if all are good, writes each story in its own transaction. */
export function importFiles(db: Db, paths: readonly string[], now = Date.now()): ImportOutcome {
  const refusals: Refusals = [];
  const stories: { path: string; story: StoryInput }[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    const r = readStoryFile(path);
    if (!r.ok) {
      refusals.push({ path, problems: r.problems });
      continue;
    }
    const other = seen.get(r.story.slug);
    if (other) refusals.push({ path, problems: [`story.slug: "${r.story.slug}" is also the slug of ${other}`] });
    seen.set(r.story.slug, path);
    stories.push({ path, story: r.story });
  }
  if (refusals.length) return { ok: false, refusals };
  return { ok: true, results: stories.map((s) => importStory(db, s.story, now)) };
}

/** The story files in a folder (`*.yaml`, `*.yml`, `*.json`), sorted. Missing folder: none. */
export function storyFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.(ya?ml|json)$/i.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/**
 * Brings the database in line with every story file in `dir`, file by file, so one broken
 * file does not keep the others (or the bot) from starting; its previous import stays.
 */
export function syncStories(db: Db, dir: string, now = Date.now()): { results: ImportCounts[]; refusals: Refusals } {
  const results: ImportCounts[] = [];
  const refusals: Refusals = [];
  for (const path of storyFilesIn(dir)) {
    try {
      const r = importFiles(db, [path], now);
      if (r.ok) results.push(...r.results);
      else refusals.push(...r.refusals);
    } catch (err) {
      refusals.push({ path, problems: [(err as Error).message] });
    }
  }
  return { results, refusals };
}

const KIND_NOUNS: Record<KeptEntity["kind"], [string, string]> = {
  person: ["person", "people"],
  organization: ["organization", "organizations"],
  place: ["place", "places"],
  other: ["entity", "entities"],
};

/** "1 person", "2 organizations"; "3 entities" when the kinds differ. */
function keptNoun(kept: readonly KeptEntity[]): string {
  const kinds = new Set(kept.map((e) => e.kind));
  const [one, many] = kinds.size === 1 ? KIND_NOUNS[kept[0]!.kind] : KIND_NOUNS.other;
  return `${kept.length} ${kept.length === 1 ? one : many}`;
}

/** `emmett-shear (ed_3)`, or `emmett-shear (ed_3, ed_4, fd_9 and 2 more)`. */
function keptEntity(e: KeptEntity): string {
  const shown = e.eventKeys.slice(0, 3).join(", ");
  const more = e.eventKeys.length - 3;
  return `${e.key} (${more > 0 ? `${shown} and ${more} more` : shown})`;
}

/**
 * The one-line report of an import, e.g. `slug: 14 entities, 21 events (21 new, 0 updated,
 * 0 removed)`, then the entities the file dropped that events added in Discord still use:
 * `; kept 1 person still used by events added in Discord: emmett-shear (ed_3)`.
 */
export function describeImport(c: ImportCounts): string {
  const line = `${c.slug}: ${c.entities} entities, ${c.events} events (${c.created} new, ${c.updated} updated, ${c.removed} removed)`;
  if (c.kept.length === 0) return line;
  return `${line}; kept ${keptNoun(c.kept)} still used by events added in Discord: ${c.kept.map(keptEntity).join(", ")}`;
}
