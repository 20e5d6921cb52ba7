/**
 * Imports in the running bot happen off the main thread: a `worker_threads` Worker opens its
 * own connection to the same database file and runs the import there in one transaction
 * (src/story/import-jobs.ts), so the event loop keeps answering commands — which read the
 * old snapshot until the commit (WAL) — and a refused or crashed import still writes nothing.
 * The worker runs TypeScript through tsx's API, as `npm start` and the tests do. An
 * in-memory database (tests, scratch) cannot be shared: its import runs in place.
 */
import { type ResourceLimits, Worker } from "node:worker_threads";
import { type Db, DatabaseOpenError } from "../../db/index.ts";
import type { WorkerInput, WorkerReply } from "./import-worker-entry.ts";
import { type ImportJob, type JobResult, runImportJob, type SyncResult } from "./import-jobs.ts";

export type { SyncResult };

/** The import's worker died before answering (out of memory, killed): nothing was committed. */
export class ImportStoppedError extends Error {
  override name = "ImportStoppedError";
}

export interface ImportWorkerOptions {
  /** The most heap the worker may use, in MB (IMPORT_WORKER_MAX_MB); past it the import stops. */
  maxHeapMb?: number;
}

const ENTRY = new URL("./import-worker-entry.ts", import.meta.url).href;
const TSX_API = import.meta.resolve("tsx/esm/api");
/** A module in a data: URL, so the worker needs no JavaScript file of its own beside the TypeScript. */
const BOOT = new URL(
  `data:text/javascript,${encodeURIComponent(`import { tsImport } from ${JSON.stringify(TSX_API)}; await tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(ENTRY)});`)}`,
);

/** An error posted back by the worker, as the caller would have met it in place. */
function revived(e: { name: string; message: string; code?: string }): Error {
  if (e.name === "DatabaseOpenError") return new DatabaseOpenError(e.message);
  return Object.assign(new Error(e.message), { name: e.name, ...(e.code ? { code: e.code } : {}) });
}

/**
 * Runs an import job on `db`'s file in a worker and resolves with its result; rejects with
 * what the job threw (a {@link DatabaseOpenError} stays one), or {@link ImportStoppedError}
 * when the worker dies first. Never leaves the caller waiting on a dead worker.
 */
export function runImport<J extends ImportJob>(db: Db, job: J, opts: ImportWorkerOptions = {}): Promise<JobResult<J>> {
  // A worker cannot see an in-memory database, and would wait on a transaction open here.
  if (db.memory || db.inTransaction) return Promise.resolve().then(() => runImportJob(db, job) as JobResult<J>);
  const input: WorkerInput = { path: db.name, busyTimeoutMs: db.pragma("busy_timeout", { simple: true }) as number, job };
  const resourceLimits: ResourceLimits | undefined = opts.maxHeapMb ? { maxOldGenerationSizeMb: opts.maxHeapMb } : undefined;
  return new Promise((resolve, reject) => {
    let answered = false;
    const worker = new Worker(BOOT, { workerData: input, resourceLimits });
    const stopped = (why: string): void => {
      if (answered) return;
      answered = true;
      reject(new ImportStoppedError(`the import stopped before it finished (${why}); nothing was written`));
    };
    worker.once("message", (m: WorkerReply) => {
      if (answered) return;
      answered = true;
      if (m.ok) resolve(m.value as JobResult<J>);
      else reject(revived(m.error));
    });
    worker.on("error", (err) => stopped(err.message));
    worker.once("exit", (code) => stopped(`the worker exited with code ${code}`));
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
