import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";

export const FIXTURES = join(process.cwd(), "test", "fixtures", "feeds");

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A feed server for tests on 127.0.0.1: fixtures under /f/<name>, odd behaviours by route. */
export interface FeedServer {
  url(path: string): string;
  /** Every request received: path and headers. */
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** Adds or replaces the handler of one path. */
  route(path: string, handler: Handler): void;
  stop(): Promise<void>;
}

/** Serves a fixture with an ETag, answering 304 to a matching If-None-Match. */
export function fixture(name: string, type = "application/xml; charset=utf-8"): Handler {
  return (req, res) => {
    const body = readFileSync(join(FIXTURES, name));
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { "content-type": type, etag }).end(body);
  };
}

/** A body of `bytes` bytes, sent in chunks without a Content-Length (or with it, when `declared`). */
export function huge(bytes: number, declared = false): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/xml", ...(declared ? { "content-length": bytes } : {}) });
    const chunk = Buffer.alloc(16 * 1024, "<!-- padding -->");
    let sent = 0;
    const pump = (): void => {
      while (sent < bytes && !res.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!res.write(chunk.subarray(0, n))) return void res.once("drain", pump);
      }
      res.end();
    };
    pump();
  };
}

/** Sends headers, then nothing until the client gives up (or the server stops). */
export const stall: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/xml" });
  res.write("<?xml version='1.0'?><rss version='2.0'><channel><title>slow</title>");
};

export function redirect(to: string, status = 302): Handler {
  return (_req, res) => void res.writeHead(status, { location: to }).end();
}

export function status(code: number): Handler {
  return (_req, res) => void res.writeHead(code, { "content-type": "text/plain" }).end(`status ${code}`);
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Handler>([
    ["/f/rss.xml", fixture("rss.xml")],
    ["/f/atom.xml", fixture("atom.xml", "application/atom+xml")],
    ["/f/feed.json", fixture("feed.json", "application/feed+json")],
    ["/f/zh.xml", fixture("zh.xml")],
    ["/f/malformed.xml", fixture("malformed.xml")],
    ["/f/not-a-feed.html", fixture("not-a-feed.html", "text/html")],
    ["/f/dup-a.xml", fixture("dup-a.xml")],
    ["/f/dup-b.xml", fixture("dup-b.xml")],
    ["/f/nolink-a.xml", fixture("nolink-a.xml")],
    ["/f/nolink-b.xml", fixture("nolink-b.xml")],
    ["/f/control.json", fixture("control.json", "application/feed+json")],
  ]);
  const requests: FeedServer["requests"] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    requests.push({ path, headers: req.headers });
    const handler = routes.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404).end("not found");
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
