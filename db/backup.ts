/**
 * A consistent copy of a live database through SQLite's online backup API (better-sqlite3's
 * `backup()`), safe while the bot writes: the copy is taken in one step, inside one read
 * transaction, so WAL mode lets writers carry on and the copy is one moment of the database.
 * It is written next to the destination and renamed into place only once SQLite's integrity
 * check passes on it, so a failed or interrupted backup never leaves a half file under the name.
 */
import Database from "better-sqlite3";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Thrown with a message meant for the operator. */
export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  bytes: number;
  pages: number;
  /** The copy's `user_version` (schema version). */
  schemaVersion: number;
  /** "ok", from `PRAGMA integrity_check` on the copy. */
  integrity: string;
}

/** More pages than any database has: the whole copy in one backup step. */
const ALL_PAGES = 0x7fffffff;

/** Copies the database at `source` to the new file `destination`; refuses to overwrite anything. */
export async function backupDatabase(source: string, destination: string, opts: { busyTimeoutMs?: number } = {}): Promise<BackupResult> {
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; choose a new file name (a backup never overwrites)`);
  if (!existsSync(dirname(destination))) throw new BackupError(`the folder ${dirname(destination)} does not exist`);
  const partial = `${destination}.partial-${process.pid}`;
  let src: Database.Database;
  try {
    // Read-write but writing nothing: a read-only connection cannot always read a WAL database.
    src = new Database(source, { fileMustExist: true });
    src.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    src.pragma("schema_version"); // fails here, clearly, if the file is not a database
  } catch (err) {
    throw new BackupError(`cannot open ${source}: ${describe(err)}`);
  }
  try {
    await src.backup(partial, { progress: () => ALL_PAGES });
    const copy = new Database(partial, { fileMustExist: true });
    let integrity: string;
    let schemaVersion: number;
    let pages: number;
    try {
      integrity = (copy.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
      schemaVersion = copy.pragma("user_version", { simple: true }) as number;
      pages = copy.pragma("page_count", { simple: true }) as number;
      // One self-contained file: no -wal beside it to copy or lose.
      copy.pragma("journal_mode = DELETE");
    } finally {
      copy.close();
    }
    if (integrity !== "ok") throw new BackupError(`the copy failed SQLite's integrity check (${integrity.slice(0, 200)}); nothing was written`);
    renameSync(partial, destination);
    return { bytes: statSync(destination).size, pages, schemaVersion, integrity };
  } catch (err) {
    rmSync(partial, { force: true });
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(partial + suffix, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`backup failed, nothing was written: ${describe(err)}`);
  } finally {
    src.close();
  }
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "SQLITE_NOTADB") return "the file is not a SQLite database";
  if (code === "SQLITE_BUSY") return "the database stayed locked by another process";
  return err instanceof Error ? err.message : String(err);
}
