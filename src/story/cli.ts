/**
 * `npm run import -- <file>... [--db <path>]`: validates every file before the database is
 * even opened (so a refused import into a new path leaves no file), then writes every story,
 * all or none. Prints one line per story; a refused import prints every file's problems,
 * writes nothing and exits 1.
 */
import { parseArgs } from "node:util";
import { type Db, DatabaseOpenError, openDatabase } from "../../db/index.ts";
import { configOrExit, fail } from "../cli.ts";
import { describeImport, describeRefusal, type Refusals, validateFiles, writeStories } from "./import.ts";

const USAGE = "usage: npm run import -- <story file>... [--db <path>]";

function refuse(refusals: Refusals): void {
  for (const r of refusals) process.stderr.write(`${describeRefusal(r).join("\n")}\n`);
  process.stderr.write("Nothing was imported.\n");
  process.exitCode = 1;
}

function main(): void {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { db: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    fail(`import: ${(err as Error).message}\n${USAGE}`);
  }
  if (args.values.help || args.positionals.length === 0) fail(USAGE);
  const dbPath = args.values.db ?? configOrExit().DATABASE_PATH;
  const valid = validateFiles(args.positionals);
  if (!valid.ok) {
    refuse(valid.refusals);
    return;
  }
  let db: Db;
  try {
    db = openDatabase(dbPath);
  } catch (err) {
    if (err instanceof DatabaseOpenError) fail(`import: ${err.message}`);
    throw err;
  }
  try {
    const outcome = writeStories(db, valid);
    if (!outcome.ok) {
      refuse(outcome.refusals);
      return;
    }
    for (const r of outcome.results) process.stdout.write(`${describeImport(r)}\n`);
  } catch (err) {
    process.stderr.write(`import failed, nothing was written: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    db.close();
  }
}

main();
