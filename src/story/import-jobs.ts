/**
 * The imports the running bot makes, as plain data in and out so that they can run in a
 * worker thread (src/story/import-worker.ts) on a connection of its own: the sync of the
 * story folder at start, and one uploaded file (`/story import`) written with its audit
 * row in one transaction. Each runs exactly as before on whichever connection it is given.
 */
import { recordAudit } from "../../db/audit.ts";
import type { Db } from "../../db/index.ts";
import { getStoryBySlug, STORY_AUDIT_KEY } from "../../db/stories.ts";
import type { ImportCounts } from "../../db/types.ts";
import { describeImport, type ImportOutcome, type Refusals, syncStories, writeStories } from "./import.ts";
import { parseStoryBytes } from "./parse.ts";

/** Every story file of a folder, file by file (see {@link syncStories}). */
export interface SyncJob {
  kind: "sync";
  dir: string;
  now: number;
}

/** One uploaded file: parsed, written and audited as the editor's edit, or refused whole. */
export interface UploadJob {
  kind: "upload";
  name: string;
  bytes: Uint8Array;
  now: number;
  actor: { userId: string; userName: string };
}

export type ImportJob = SyncJob | UploadJob;

export type SyncResult = { results: ImportCounts[]; refusals: Refusals };
/** `parsed: false`: the file itself is not a valid story (nothing written). */
export type UploadResult = { parsed: false; problems: string[] } | { parsed: true; outcome: ImportOutcome };

export type JobResult<J extends ImportJob> = J extends SyncJob ? SyncResult : UploadResult;

function upload(db: Db, job: UploadJob): UploadResult {
  const parsed = parseStoryBytes(Buffer.from(job.bytes), job.name);
  if (!parsed.ok) return { parsed: false, problems: parsed.problems };
  const outcome = db.transaction(() => {
    const o = writeStories(db, { ok: true, stories: [{ path: job.name, story: parsed.story }] }, job.now);
    const story = o.ok ? getStoryBySlug(db, parsed.story.slug) : null;
    if (story && o.ok) {
      recordAudit(db, {
        at: job.now,
        ...job.actor,
        storyId: story.id,
        storySlug: story.slug,
        eventId: 0,
        eventKey: STORY_AUDIT_KEY,
        eventTitle: story.title.en ?? story.title.zh ?? story.slug,
        action: "edit",
        changes: { import: { before: null, after: o.results.map(describeImport) } },
      });
    }
    return o;
  })();
  return { parsed: true, outcome };
}

/** Runs `job` on `db`, synchronously (in a worker, or in place for an in-memory database). */
export function runImportJob(db: Db, job: ImportJob): SyncResult | UploadResult {
  return job.kind === "sync" ? syncStories(db, job.dir, job.now) : upload(db, job);
}
