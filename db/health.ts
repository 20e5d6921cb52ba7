/**
 * Whether a database can be used at all, asked once at start: SQLite's quick_check for
 * damage, and a write (rolled back) for a read-only file or another process holding the
 * write lock — each one line for the operator naming the real cause, never a story file.
 */
import type { Db } from "./index.ts";

/** What went wrong with the database file itself, rather than with what was asked of it. */
export type DatabaseFault = "corrupt" | "readonly" | "busy" | "full" | "io" | "cantopen";

/** The fault behind a SQLite error, or null for any other error (a bug, a bad statement, a constraint). */
export function databaseFault(err: unknown): DatabaseFault | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "corrupt";
  if (code.startsWith("SQLITE_READONLY")) return "readonly";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "busy";
  if (code === "SQLITE_FULL") return "full";
  if (code.startsWith("SQLITE_IOERR")) return "io";
  if (code.startsWith("SQLITE_CANTOPEN")) return "cantopen";
  return null;
}

/** One line naming the database and what is wrong with it, e.g. `database data/bot.db is locked by another process`. */
export function describeDatabaseError(path: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  switch (databaseFault(err)) {
    case "corrupt":
      return code === "SQLITE_NOTADB"
        ? `database ${path} is corrupt (the file is not a SQLite database)`
        : `database ${path} is corrupt (${message}); restore it from a backup`;
    case "readonly":
      return code === "SQLITE_READONLY_DIRECTORY"
        ? `database ${path} is read-only: its folder is read-only (check the path and its permissions)`
        : `database ${path} is read-only (check the permissions of the file and its folder)`;
    case "busy":
      return `database ${path} is locked by another process`;
    case "full":
      return `database ${path} cannot be written: the disk is full`;
    case "io":
      return `database ${path} cannot be read or written (${message})`;
    case "cantopen":
      return `cannot open database ${path}: ${message} (check the path and its permissions)`;
    default:
      return `database ${path}: ${message}`;
  }
}

/** Thrown when the database cannot be opened, migrated or used; its message is one line meant for the operator. */
export class DatabaseOpenError extends Error {
  override name = "DatabaseOpenError";
}

/**
 * A full quick_check reads every page (about 250 MB/s here): up to this size it takes at
 * most about a second. A larger file (the million-event benchmark's is 6.9 GB) has its
 * settings tables checked instead, and its story content is checked by use.
 */
const FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** The tables whose damage would hurt most quietly (settings, schedules), all small; a pragma takes no parameters. */
const SMALL_TABLE_CHECKS: [table: string, check: string][] = [
  ["stories", "PRAGMA quick_check(stories)"],
  ["guild_settings", "PRAGMA quick_check(guild_settings)"],
  ["recap_schedules", "PRAGMA quick_check(recap_schedules)"],
  ["feeds", "PRAGMA quick_check(feeds)"],
  ["editor_sequences", "PRAGMA quick_check(editor_sequences)"],
];

/** SQLite's answer to quick_check: "ok", or the first few problems it found. */
function quickCheck(db: Db, fullCheckMaxBytes: number): string {
  const bytes = (db.pragma("page_count", { simple: true }) as number) * (db.pragma("page_size", { simple: true }) as number);
  const known = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const checks = bytes <= fullCheckMaxBytes ? ["PRAGMA quick_check(3)"] : SMALL_TABLE_CHECKS.filter(([table]) => known.has(table)).map(([, check]) => check);
  for (const check of checks) {
    const rows = (db.prepare(check).all() as { quick_check: string }[]).map((r) => r.quick_check);
    // One line: SQLite heads its report "*** in database main ***" and may break lines.
    const result = rows
      .join("; ")
      .replace(/\*\*\* in database \w+ \*\*\*\s*/g, "")
      .replace(/\s+/g, " ")
      .trim();
    if (result !== "ok") return result;
  }
  return "ok";
}

/**
 * Checks that the database is whole (`PRAGMA quick_check`, see {@link FULL_CHECK_MAX_BYTES})
 * and writable now (a write to the header in a transaction that is rolled back: a read-only
 * file fails it, and so does another writer holding the lock past the busy timeout).
 * Throws a {@link DatabaseOpenError} naming the cause.
 */
export function checkDatabase(db: Db, opts: { fullCheckMaxBytes?: number } = {}): void {
  const path = db.name;
  try {
    const result = quickCheck(db, opts.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES);
    if (result !== "ok") throw new DatabaseOpenError(`database ${path} is corrupt (quick_check: ${result.slice(0, 200)}); restore it from a backup`);
    db.exec("BEGIN IMMEDIATE");
    try {
      db.pragma(`user_version = ${Math.trunc(db.pragma("user_version", { simple: true }) as number)}`);
    } finally {
      db.exec("ROLLBACK");
    }
  } catch (err) {
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError(describeDatabaseError(path, err));
  }
}
