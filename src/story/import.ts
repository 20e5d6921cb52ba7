import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type Db, DatabaseOpenError, databaseFault, describeDatabaseError } from "../../db/index.ts";
import { ImportConflictError, importStory } from "../../db/import.ts";
import { fillPendingTitleWords } from "../../db/search.ts";
import type { ImportCounts, KeptEntity, StoryInput } from "../../db/types.ts";
import { formatCount, SHOWN_PROBLEMS } from "./limits.ts";
import { readStoryFile } from "./read.ts";
import { shown } from "./text.ts";

/** Files refused, with every problem, keyed by path. */
export type Refusals = { path: string; problems: string[] }[];

/** What an import did: counts per story written, or the refusals (and nothing written). */
export type ImportOutcome = { ok: true; results: ImportCounts[] } | { ok: false; refusals: Refusals };

/** Stories read from files and found valid, ready to write. */
export type Validated = { ok: true; stories: { path: string; story: StoryInput }[] } | { ok: false; refusals: Refusals };

/**
 * Reads and validates every file, touching no database, and reports every file's problems
 * (an exception while reading one is that file's problem; the others are still checked).
 */
export function validateFiles(paths: readonly string[]): Validated {
  const refusals: Refusals = [];
  const stories: { path: string; story: StoryInput }[] = [];
  const seen = new Map<string, string>();
  for (const path of paths) {
    let r: ReturnType<typeof readStoryFile>;
    try {
      r = readStoryFile(path);
    } catch (err) {
      r = { ok: false, problems: [`cannot read the file: ${(err as Error).message}`] };
    }
    if (!r.ok) {
      refusals.push({ path, problems: r.problems });
      continue;
    }
    const other = seen.get(r.story.slug);
    if (other) refusals.push({ path, problems: [`story.slug: ${shown(r.story.slug)} is also the slug of ${other}`] });
    seen.set(r.story.slug, path);
    stories.push({ path, story: r.story });
  }
  return refusals.length ? { ok: false, refusals } : { ok: true, stories };
}

/**
 * Writes validated stories, all or none: each story in its own (nested) transaction inside
 * one around them all. A story that would overwrite an event added by an editor or a feed
 * refuses its file, and then nothing is written. A database fault (corrupt, read-only,
 * locked…) is thrown as a {@link DatabaseOpenError}, never blamed on a file.
 */
export function writeStories(db: Db, stories: Validated & { ok: true }, now = Date.now()): ImportOutcome {
  const refusals: Refusals = [];
  const results: ImportCounts[] = [];
  const rollback = new Error("rollback");
  try {
    db.transaction(() => {
      for (const { path, story } of stories.stories) {
        try {
          results.push(importStory(db, story, now));
        } catch (err) {
          if (!(err instanceof ImportConflictError)) throw err;
          refusals.push({ path, problems: [err.message] });
        }
      }
      if (refusals.length) throw rollback;
    })();
  } catch (err) {
    if (err === rollback) return { ok: false, refusals };
    if (databaseFault(err)) throw new DatabaseOpenError(describeDatabaseError(db.name, err));
    throw err;
  }
  return { ok: true, results };
}

/** Validates every file first; only if all are good, writes them (see {@link writeStories}). */
export function importFiles(db: Db, paths: readonly string[], now = Date.now()): ImportOutcome {
  const valid = validateFiles(paths);
  return valid.ok ? writeStories(db, valid, now) : valid;
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
 * A fault of the database itself is thrown ({@link DatabaseOpenError}): that is no file's fault.
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
      if (err instanceof DatabaseOpenError) throw err;
      refusals.push({ path, problems: [`could not be imported: ${(err as Error).message}`] });
    }
  }
  // Stories indexed before the title-word list existed get theirs here, at start, not in a command.
  fillPendingTitleWords(db);
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

/** The problems to show: the first {@link SHOWN_PROBLEMS}, then how many more there are. */
export function listedProblems(problems: readonly string[]): string[] {
  if (problems.length <= SHOWN_PROBLEMS) return [...problems];
  return [...problems.slice(0, SHOWN_PROBLEMS), `… and ${formatCount(problems.length - SHOWN_PROBLEMS)} more`];
}

/** A refused file as the README shows it: `story.yaml: refused, 2 problems`, then each problem indented. */
export function describeRefusal(r: Refusals[number]): string[] {
  const n = r.problems.length;
  return [`${r.path}: refused, ${formatCount(n)} problem${n === 1 ? "" : "s"}`, ...listedProblems(r.problems).map((p) => `  ${p}`)];
}
