/**
 * A tiny feed server on 127.0.0.1 for the sandbox and tests: serves the files of one
 * folder (e.g. test/fixtures/feeds) by name, with an ETag so conditional requests get
 * 304s. `/` lists the files. Nothing outside the folder is reachable.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha1 } from "../../db/hash.ts";

/** The sample feeds the tests use (RSS, Atom, JSON Feed, Chinese, broken ones): what the sandbox serves. */
export const FEED_FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "fixtures", "feeds");

export interface FixtureServer {
  /** `http://127.0.0.1:<port>/`; a file is at `${baseUrl}<name>`. */
  baseUrl: string;
  port: number;
  stop(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".xml": "application/xml; charset=utf-8",
  ".rss": "application/rss+xml; charset=utf-8",
  ".atom": "application/atom+xml; charset=utf-8",
  ".json": "application/feed+json; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

function listing(dir: string, baseUrl: string): string {
  return `${readdirSync(dir)
    .filter((f) => !f.startsWith("."))
    .sort()
    .map((f) => `${baseUrl}${encodeURIComponent(f)}`)
    .join("\n")}\n`;
}

function serve(dir: string, server: Server): void {
  server.on("request", (req, res) => {
    const baseUrl = `http://${req.headers.host ?? "127.0.0.1"}/`;
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? "/").split("?")[0] ?? "/");
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(listing(dir, baseUrl));
      return;
    }
    const name = path.slice(1);
    // One plain file name: no folders, no "..".
    if (name !== basename(name) || name.startsWith(".")) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(join(dir, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${sha1(body)}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(name)] ?? "application/octet-stream", etag, "content-length": body.length }).end(body);
  });
}

/** Starts serving `dir` on 127.0.0.1 (`port` 0: any free port). */
export async function startFixtureServer(dir: string, port = 0): Promise<FixtureServer> {
  const server = createServer();
  serve(dir, server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${actual}/`,
    port: actual,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The sample feeds' addresses, with an example, one per line. */
export function sampleFeedList(baseUrl: string): string {
  const urls = readdirSync(FEED_FIXTURES_DIR)
    .filter((f) => /\.(xml|json|rss|atom)$/.test(f))
    .sort()
    .map((f) => `  ${baseUrl}${f}`);
  return [`Sample news feeds served by the sandbox (try /feed add url:${baseUrl}rss.xml):`, ...urls].join("\n");
}

/** Serves the sample feeds on `port`, or on any free port when that one is taken. */
export async function serveSampleFeeds(port: number): Promise<{ server: FixtureServer; note: string | null }> {
  try {
    return { server: await startFixtureServer(FEED_FIXTURES_DIR, port), note: null };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EADDRINUSE" || port === 0) throw err;
    const server = await startFixtureServer(FEED_FIXTURES_DIR, 0);
    return { server, note: `Port ${port} is taken, so the sample feeds are on port ${server.port} instead (choose one with --feeds-port).` };
  }
}
