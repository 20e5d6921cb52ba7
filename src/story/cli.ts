/**
 * `npm run import -- <file>... [--db <path>]`: validates every file, then imports each story.
 * Prints one line per story; a refused import prints every problem, writes nothing, exits 1.
 */
import { configOrExit, fail } from "../cli.ts";
import { parseArgs } from "node:util";
import { openDatabase, DatabaseOpenError } from "../../db/index.ts";
import { describeImport, importFiles } from "./import.ts";

function main(): void {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { db: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    fail(`import: ${(err as Error).message}\nusage: npm run import -- <story file>... [--db <path>]`);
  }
  if (args.values.help || args.positionals.length === 0) {
    fail("usage: npm run import -- <story file>... [--db <path>]");
  }
  let dbPath = args.values.db;
  if (!dbPath) {
    dbPath = configOrExit().DATABASE_PATH;
  }
  let db;
  try {
    db = openDatabase(dbPath);
  } catch (err) {
    if (err instanceof DatabaseOpenError) fail(`import: ${err.message}`);
    throw err;
  }
  try {
    const outcome = importFiles(db, args.positionals);
    if (!outcome.ok) {
      for (const r of outcome.refusals) {
        process.stderr.write(`${r.path}: refused, ${r.problems.length} problem${r.problems.length > 1 ? "s" : ""}\n`);
        for (const p of r.problems) process.stderr.write(`  ${p}\n`);
      }
      process.stderr.write("Nothing was imported.\n");
      process.exitCode = 1;
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
