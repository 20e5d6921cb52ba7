/**
 * The worker thread of src/story/import-worker.ts: opens its own connection to the bot's
 * database file (WAL, the same pragmas through openDatabase, the bot's busy timeout), runs
 * one import job there and posts back its result, or the error it threw as plain data.
 */
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../../db/index.ts";
import { type ImportJob, runImportJob } from "./import-jobs.ts";

export interface WorkerInput {
  path: string;
  busyTimeoutMs: number;
  job: ImportJob;
}

/** What the worker posts back: the job's result, or what it threw. */
export type WorkerReply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; code?: string } };

function reply(): WorkerReply {
  const { path, busyTimeoutMs, job } = workerData as WorkerInput;
  try {
    const db = openDatabase(path, { busyTimeoutMs });
    try {
      return { ok: true, value: runImportJob(db, job) };
    } finally {
      db.close();
    }
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown; code?: unknown };
    return {
      ok: false,
      error: { name: String(e.name ?? "Error"), message: String(e.message ?? err), ...(typeof e.code === "string" ? { code: e.code } : {}) },
    };
  }
}

parentPort?.postMessage(reply());
