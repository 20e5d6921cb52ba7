/** What every benchmark section is handed. */
import type { Db } from "../../db/index.ts";
import type { Synthetic } from "./generate.ts";

export interface BenchContext {
  quick: boolean;
  seed: number;
  events: number;
  entities: number;
  /** Calls per latency figure. */
  iterations: number;
  /** The temporary folder everything is written under (removed at the end). */
  dir: string;
  /** The repository root. */
  root: string;
  syn: Synthetic;
  /** Progress on stderr, so the table on stdout stays clean. */
  say(message: string): void;
}

/** A context once the million-event (or quick) database exists. */
export interface WithDb extends BenchContext {
  db: Db;
  dbPath: string;
  storyId: number;
}
