/**
 * `startWebServer`: the story pages on HTTP_HOST:WEB_PORT, in the bot's own
 * process, over their own read-only handle on the database (a page can never write).
 */
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { type Db, openDatabase } from "../../db/index.ts";
import type { Logger } from "../log.ts";
import { createWebApp } from "./app.ts";

export interface WebServer {
  readonly port: number;
  /** Where the pages are as this process serves them, e.g. http://127.0.0.1:8080 */
  readonly localUrl: string;
  close(): Promise<void>;
}

/** Thrown when the port cannot be bound; its message is meant for the operator. */
export class WebServerError extends Error {
  override name = "WebServerError";
}

/**
 * `databasePath` is opened read-only, for the pages alone; an in-memory database (tests, a
 * sandbox on `:memory:`) cannot be, so then `shared`, the bot's own handle, is read instead.
 */
export async function startWebServer(opts: {
  host: string;
  port: number;
  databasePath: string;
  shared?: Db;
  publicUrl?: string;
  log: Logger;
  cache?: boolean;
}): Promise<WebServer> {
  const log = opts.log.child({ component: "web" });
  const own = !(opts.databasePath === ":memory:" && opts.shared);
  const db = own ? openDatabase(opts.databasePath, { readonly: true }) : opts.shared!;
  const closeDb = () => own && db.close();
  const app = createWebApp({ db, log, publicUrl: opts.publicUrl ?? null, cache: opts.cache });
  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", (err: NodeJS.ErrnoException) => {
        const why = err.code === "EADDRINUSE" ? "is already in use" : err.code === "EACCES" ? "needs privileges this user lacks" : (err.message ?? String(err));
        reject(new WebServerError(`WEB_PORT ${opts.port} on ${opts.host} ${why}`));
      });
      server.listen(opts.port, opts.host, () => resolve());
    });
  } catch (err) {
    closeDb();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host === "0.0.0.0" ? "127.0.0.1" : opts.host;
  const localUrl = `http://${host}:${port}`;
  log.info({ host: opts.host, port }, "story pages listening");
  return {
    port,
    localUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          closeDb();
          resolve();
        });
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
