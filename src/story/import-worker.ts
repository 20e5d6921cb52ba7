/**
 * Imports in the running bot happen off the main thread: a `worker_threads` Worker opens its
 * own connection to the same database file and runs the import there in one transaction
 * (src/story/import-jobs.ts), so the event loop keeps answering commands — which read the
 * old snapshot until the commit (WAL) — and a refused or crashed import still writes nothing.
 * An in-memory database (tests, scratch) cannot be shared: its import runs in place.
 */
import { type Db, DatabaseOpenError } from "../../db/index.ts";
import type { WorkerInput } from "./import-worker-entry.ts";
import { type ImportJob, type JobResult, runImportJob, type SyncResult } from "./import-jobs.ts";
import { runWorker, WorkerStoppedError } from "./worker.ts";

export type { SyncResult };

/** The import's worker died before answering (out of memory, killed): nothing was committed. */
export class ImportStoppedError extends Error {
  override name = "ImportStoppedError";
}

export interface ImportWorkerOptions {
  /** The most heap the worker may use, in MB (IMPORT_WORKER_MAX_MB); past it the import stops. */
  maxHeapMb?: number;
}

const ENTRY = new URL("./import-worker-entry.ts", import.meta.url);
const revive = (e: { name: string; message: string }) => (e.name === "DatabaseOpenError" ? new DatabaseOpenError(e.message) : null);

/**
 * Runs an import job on `db`'s file in a worker and resolves with its result; rejects with
 * what the job threw (a {@link DatabaseOpenError} stays one), or {@link ImportStoppedError}
 * when the worker dies first. Never leaves the caller waiting on a dead worker.
 */
export function runImport<J extends ImportJob>(db: Db, job: J, opts: ImportWorkerOptions = {}): Promise<JobResult<J>> {
  // A worker cannot see an in-memory database, and would wait on a transaction open here.
  if (db.memory || db.inTransaction) return Promise.resolve().then(() => runImportJob(db, job) as JobResult<J>);
  const input: WorkerInput = { path: db.name, busyTimeoutMs: db.pragma("busy_timeout", { simple: true }) as number, job };
  return runWorker<JobResult<J>>(ENTRY, input, { maxHeapMb: opts.maxHeapMb, revive }).catch((err: unknown) => {
    if (!(err instanceof WorkerStoppedError)) throw err;
    throw new ImportStoppedError(`the import stopped before it finished (${err.message}); nothing was written`);
  });
}

/**
 * The story folder synced at start, in a worker. A worker that dies is reported as the
 * folder's refusal (files synced before it stay, each was its own transaction): no story
 * file can stop the bot from starting. A fault of the database itself is still thrown.
 */
export async function syncInWorker(db: Db, dir: string, opts: ImportWorkerOptions = {}): Promise<SyncResult> {
  try {
    return await runImport(db, { kind: "sync", dir, now: Date.now() }, opts);
  } catch (err) {
    if (!(err instanceof ImportStoppedError)) throw err;
    return { results: [], refusals: [{ path: dir, problems: [err.message] }] };
  }
}
