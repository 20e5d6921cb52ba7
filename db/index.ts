import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DatabaseOpenError, databaseFault, describeDatabaseError } from "./health.ts";

/** The one database handle type every db/ module takes. */
export type Db = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/** A migration file: `NNN_name.sql`, applied in number order. */
interface Migration {
  version: number;
  name: string;
  sql: string;
}

function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f,
      sql: readFileSync(join(MIGRATIONS_DIR, f), "utf8"),
    }));
}

export { checkDatabase, DatabaseOpenError, databaseFault, describeDatabaseError } from "./health.ts";

/**
 * Opens (creating if needed) the SQLite database at `path` — or `:memory:` — with WAL,
 * foreign keys and a busy timeout, and applies pending migrations tracked by `user_version`.
 */
export function openDatabase(path: string, opts: { readonly?: boolean; busyTimeoutMs?: number } = {}): Db {
  if (path !== ":memory:" && !opts.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    if (!opts.readonly) db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("synchronous = NORMAL");
  } catch (err) {
    throw new DatabaseOpenError(describeDatabaseError(path, err));
  }
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw new DatabaseOpenError(describeDatabaseError(path, err));
  }
  return db;
}

/** Applies every migration newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Db): number {
  const current = db.pragma("user_version", { simple: true }) as number;
  const pending = loadMigrations().filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.length;
}

/** The schema version a database is at. */
export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}

/**
 * Whether `err` is SQLite refusing a write for now — locked by another writer past the busy
 * timeout ("busy"), or a read-only file or folder ("readonly") — rather than a bug.
 */
export function databaseUnavailable(err: unknown): "busy" | "readonly" | null {
  const fault = databaseFault(err);
  return fault === "busy" || fault === "readonly" ? fault : null;
}
