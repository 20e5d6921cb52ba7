/**
 * `npm run audit -- [--story <slug>] [--since <YYYY-MM-DD>] [--db <path>]`: prints what
 * editors changed, one change per line, newest last. Bad arguments or an unknown story: a
 * message and exit 1.
 */
import { configOrExit, fail } from "../cli.ts";
import { existsSync } from "node:fs";
import { auditLog, storyInLog } from "../../db/audit.ts";
import { DatabaseOpenError, openDatabase } from "../../db/index.ts";
import { getStoryBySlug, listStories } from "../../db/stories.ts";
import { AUDIT_USAGE, readAuditArgs } from "./args.ts";
import { auditLine } from "./format.ts";

function main(): void {
  const read = readAuditArgs(process.argv.slice(2));
  if (!read.ok) fail(read.message);
  const { args } = read;
  if (args.help) return void process.stdout.write(`${AUDIT_USAGE}\n`);
  let path = args.db;
  if (!path) {
    path = configOrExit().DATABASE_PATH;
  }
  // Opening would create an empty database; a mistyped path should say so instead.
  if (!existsSync(path)) fail(`audit: there is no database at ${path}`);
  let db;
  try {
    db = openDatabase(path);
  } catch (err) {
    if (err instanceof DatabaseOpenError) fail(`audit: ${err.message}`);
    throw err;
  }
  try {
    // A story removed since keeps its log: known is what the stories table or the log has.
    if (args.storySlug !== undefined && !getStoryBySlug(db, args.storySlug) && !storyInLog(db, args.storySlug)) {
      const known = listStories(db).map((st) => st.slug);
      db.close();
      fail(`audit: no story "${args.storySlug}" (known: ${known.join(", ") || "none"})`);
    }
    const entries = auditLog(db, { storySlug: args.storySlug, since: args.since });
    for (const e of entries) process.stdout.write(`${auditLine(e)}\n`);
    if (entries.length === 0) process.stderr.write("No changes recorded.\n");
  } finally {
    db.close();
  }
}

main();
