/**
 * `npm run backup -- <file> [--db <path>]`: a consistent copy of the database (DATABASE_PATH,
 * or --db) in a new file, safe while the bot runs. The README's "Operating Storyline" says
 * how to restore one.
 */
import { parseArgs } from "node:util";
import { BackupError, backupDatabase } from "../../db/backup.ts";
import { configOrExit, fail } from "../cli.ts";

const USAGE = "usage: npm run backup -- <new file> [--db <path>]   (e.g. npm run backup -- backups/storyline-2025-06-01.db)";

function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: { db: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (err) {
    fail(`backup: ${(err as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  const [destination, ...extra] = args.positionals;
  if (args.values.help || !destination || extra.length) fail(USAGE);
  const source = args.values.db ?? configOrExit().DATABASE_PATH;
  const started = performance.now();
  try {
    const r = await backupDatabase(source, destination);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Backed up ${source} to ${destination}: ${(r.bytes / 2 ** 20).toFixed(1)} MB, schema version ${r.schemaVersion}, integrity ${r.integrity} (${seconds} s)\n`,
    );
  } catch (err) {
    if (err instanceof BackupError) fail(`backup: ${err.message}`);
    throw err;
  }
}

void main();
