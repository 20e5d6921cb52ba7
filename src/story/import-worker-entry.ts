/**
 * The worker thread of src/story/import-worker.ts: opens its own connection to the bot's
 * database file (WAL, the same pragmas through openDatabase, the bot's busy timeout) and
 * runs one import job there.
 */
import { openDatabase } from "../../db/index.ts";
import { type ImportJob, runImportJob } from "./import-jobs.ts";
import { serveWorker } from "./worker.ts";

export interface WorkerInput {
  path: string;
  busyTimeoutMs: number;
  job: ImportJob;
}

serveWorker(({ path, busyTimeoutMs, job }: WorkerInput) => {
  const db = openDatabase(path, { busyTimeoutMs });
  try {
    return runImportJob(db, job);
  } finally {
    db.close();
  }
});
