/** What the entry points call: the story pages for a configuration, or null when WEB_PORT is unset. */
import type { Db } from "../../db/index.ts";
import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import { startWebServer, type WebServer } from "./server.ts";

export type { WebServer } from "./server.ts";

/**
 * Starts the pages on HTTP_HOST:WEB_PORT (or on `fallbackPort` when WEB_PORT is unset: the
 * sandbox passes 0, any free port). Call after the database is migrated: the pages open it
 * read-only (`db`, the bot's handle, is read only for an in-memory database).
 */
export async function startWebPages(config: Config, log: Logger, db: Db, fallbackPort?: number): Promise<WebServer | null> {
  const port = config.WEB_PORT ?? fallbackPort;
  if (port === undefined) return null;
  return startWebServer({ host: config.HTTP_HOST, port, databasePath: config.DATABASE_PATH, shared: db, publicUrl: config.PUBLIC_URL, log });
}
