/**
 * Work moved off the main thread: a `worker_threads` Worker running one TypeScript module
 * (through tsx's API, as `npm start` and the tests run), handed plain data, answering once.
 * Used for story imports (import-worker.ts) and for reading large feeds (src/feeds), so the
 * event loop keeps answering commands meanwhile. A worker that dies before answering is a
 * {@link WorkerStoppedError}, never a caller left waiting.
 */
import { parentPort, type ResourceLimits, Worker, workerData } from "node:worker_threads";

/** The worker died before answering (out of memory, terminated). */
export class WorkerStoppedError extends Error {
  override name = "WorkerStoppedError";
}

/** What a worker posts back: its result, or what it threw as plain data. */
type WorkerReply = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string; code?: string } };

const TSX_API = import.meta.resolve("tsx/esm/api");

/** A module in a data: URL, so that a worker needs no JavaScript file beside the TypeScript it runs. */
function boot(entry: URL): URL {
  const href = JSON.stringify(entry.href);
  return new URL(`data:text/javascript,${encodeURIComponent(`import { tsImport } from ${JSON.stringify(TSX_API)}; await tsImport(${href}, ${href});`)}`);
}

/** An error posted back by a worker, as the caller would have met it in place (its name, message and SQLite code). */
function revived(e: { name: string; message: string; code?: string }, revive?: (e: { name: string; message: string }) => Error | null): Error {
  return revive?.(e) ?? Object.assign(new Error(e.message), { name: e.name, ...(e.code ? { code: e.code } : {}) });
}

export interface WorkerOptions {
  /** The most heap the worker may use, in MB; past it the worker stops. */
  maxHeapMb?: number;
  /** Turns a posted error back into its own class (e.g. DatabaseOpenError). */
  revive?: (e: { name: string; message: string }) => Error | null;
}

/** Runs `entry` (a module calling {@link serveWorker}) on `data` in a worker; resolves with its answer. */
export function runWorker<T>(entry: URL, data: unknown, opts: WorkerOptions = {}): Promise<T> {
  const resourceLimits: ResourceLimits | undefined = opts.maxHeapMb ? { maxOldGenerationSizeMb: opts.maxHeapMb } : undefined;
  return new Promise((resolve, reject) => {
    let answered = false;
    const worker = new Worker(boot(entry), { workerData: data, resourceLimits });
    const stopped = (why: string): void => {
      if (answered) return;
      answered = true;
      reject(new WorkerStoppedError(why));
    };
    worker.once("message", (m: WorkerReply) => {
      if (answered) return;
      answered = true;
      if (m.ok) resolve(m.value as T);
      else reject(revived(m.error, opts.revive));
    });
    worker.on("error", (err) => stopped(err.message));
    worker.once("exit", (code) => stopped(`the worker exited with code ${code}`));
  });
}

/** In a worker's entry module: runs `work` on the data it was given and posts back the result or the error. */
export function serveWorker<D>(work: (data: D) => unknown): void {
  let reply: WorkerReply;
  try {
    reply = { ok: true, value: work(workerData as D) };
  } catch (err) {
    const e = err as { name?: unknown; message?: unknown; code?: unknown };
    reply = {
      ok: false,
      error: { name: String(e.name ?? "Error"), message: String(e.message ?? err), ...(typeof e.code === "string" ? { code: e.code } : {}) },
    };
  }
  parentPort?.postMessage(reply);
}
