/** The arguments of `npm run audit`, read and checked. Pure (no process, no files). */
import { parseArgs } from "node:util";
import { parseDay } from "../story/dates.ts";

export const AUDIT_USAGE = "usage: npm run audit -- [--story <slug>] [--since <YYYY-MM-DD>] [--db <path>]";

export interface AuditArgs {
  storySlug?: string;
  /** Unix ms: the start of the --since day (UTC). */
  since?: number;
  db?: string;
  help: boolean;
}

/** The arguments, or a message saying what is wrong with them (usage included). */
export function readAuditArgs(argv: string[]): { ok: true; args: AuditArgs } | { ok: false; message: string } {
  let v;
  try {
    v = parseArgs({
      args: argv,
      options: { story: { type: "string" }, since: { type: "string" }, db: { type: "string" }, help: { type: "boolean", short: "h" } },
    }).values;
  } catch (err) {
    return { ok: false, message: `audit: ${(err as Error).message}\n${AUDIT_USAGE}` };
  }
  if (v.story !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v.story)) {
    return { ok: false, message: `audit: "${v.story}" is not a story slug (a-z, 0-9 and dashes)\n${AUDIT_USAGE}` };
  }
  const since = v.since === undefined ? undefined : parseDay(v.since)?.start;
  if (v.since !== undefined && since === undefined)
    return { ok: false, message: `audit: "${v.since}" is not a date; use YYYY-MM-DD, e.g. 2023-11-20\n${AUDIT_USAGE}` };
  if (v.db !== undefined && !v.db.trim()) return { ok: false, message: `audit: --db needs a path\n${AUDIT_USAGE}` };
  return { ok: true, args: { storySlug: v.story, since, db: v.db, help: v.help ?? false } };
}
