/**
 * The HTTP server: parses requests under `/api/v10`, applies fault injection, routes them,
 * records them, and hosts the gateway WebSocket on the same port.
 *
 * @module
 */
import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, parseBody, readRaw, sendJson } from "./http.ts";
import type { ParsedBody } from "./http.ts";
import type { FaultInjector, RouteReply, Router } from "./router.ts";
import type { RecordedRequest } from "./types.ts";

const PREFIX = /^\/api(?:\/v\d+)?(?=\/|$)/;

/** Options of {@link startHttp}. */
export interface HttpOptions {
  host: string;
  port: number;
  router: Router;
  faults: FaultInjector;
  /** Called once per request with what was received and answered. */
  record: (request: RecordedRequest) => void;
  /** An uploaded attachment by id (served at `/attachments/<id>/<filename>`, as Discord's CDN would). */
  upload?: (id: string) => { data: Buffer; contentType: string } | undefined;
}

const ATTACHMENT = /^\/attachments\/(\d+)\/[^/]+$/;

/** A listening HTTP server and its address. */
export interface HttpHandle {
  server: Server;
  host: string;
  port: number;
  /** Stops accepting, drops keep-alive sockets and resolves when the port is released. */
  close(): Promise<void>;
}

/** Starts listening; resolves when the port is bound. */
export async function startHttp(opts: HttpOptions): Promise<HttpHandle> {
  const server = createServer((req, res) => {
    void handle(opts, req, res);
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host: opts.host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(opts: HttpOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(req.url ?? "/", "http://fake.invalid");
  const prefix = PREFIX.exec(url.pathname);
  const attachment = method === "GET" ? ATTACHMENT.exec(url.pathname) : null;
  if (attachment && opts.upload) {
    const file = opts.upload(attachment[1]!);
    opts.record({ method, path: url.pathname, query: url.search, body: undefined, status: file ? 200 : 404, at: Date.now() });
    res.writeHead(file ? 200 : 404, { "content-type": file?.contentType ?? "text/plain", "content-length": String(file?.data.length ?? 9) });
    res.end(file?.data ?? "Not Found");
    return;
  }
  let segments: string[] = [];
  let path = url.pathname;
  let body: ParsedBody = { json: undefined, files: [] };
  let reply: RouteReply;
  try {
    if (prefix) {
      segments = url.pathname.slice(prefix[0].length).split("/").filter(Boolean).map(decodeSegment);
      path = `/${segments.join("/")}`;
    }
    body = parseBody(req.headers["content-type"], await readRaw(req));
    reply = opts.faults.take(method, path) ?? route(opts.router, req, method, segments, prefix !== null, url, body, path);
  } catch (error) {
    reply = errorReply(error);
  }
  opts.record({ method, path, query: url.search, body: body.json, status: reply.status, at: Date.now() });
  if (!res.destroyed) sendJson(res, reply.status, reply.body, reply.headers);
}

function route(
  router: Router,
  req: IncomingMessage,
  method: string,
  segments: string[],
  underApi: boolean,
  url: URL,
  body: ParsedBody,
  path: string,
): RouteReply {
  if (!underApi) throw new ApiError(404, 0, "404: Not Found");
  const match = router.match(method, segments);
  if (match.auth && !/^Bot \S+/.test(req.headers.authorization ?? "")) throw new ApiError(401, 0, "401: Unauthorized");
  return match.handler({
    method,
    path,
    params: match.params,
    query: url.searchParams,
    json: body.json,
    files: body.files,
    headers: req.headers,
  });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function errorReply(error: unknown): RouteReply {
  if (error instanceof ApiError) return { status: error.status, body: error.body() };
  const message = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { code: 0, message: `500: Internal Server Error (${message})` } };
}
