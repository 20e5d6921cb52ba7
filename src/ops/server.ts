/**
 * The operator's HTTP endpoints, on HTTP_HOST:HTTP_PORT when HTTP_PORT is set:
 * `GET /healthz` (200 when healthy, 503 with the reasons otherwise, JSON) and `GET /metrics`
 * (Prometheus text). Nothing else; it holds no secret and changes nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import type { Logger } from "../log.ts";
import { checkHealth } from "./health.ts";
import type { Leader } from "./leader.ts";
import { createMetrics, type Metrics } from "./metrics.ts";

export interface OpsServer {
  readonly port: number;
  readonly metrics: Metrics;
  /** Health and metrics of the gateway and the scheduler, from when the bot is up. */
  attach(parts: { client: Client; leader: Leader }): void;
  close(): Promise<void>;
}

/** Thrown when the port cannot be bound; its message is meant for the operator. */
export class OpsServerError extends Error {
  override name = "OpsServerError";
}

/** Starts listening (before the bot connects, so `/healthz` says "starting" meanwhile). */
export async function startOpsServer(opts: { host: string; port: number; db: Db; log: Logger }): Promise<OpsServer> {
  const metrics = createMetrics(opts.db);
  const log = opts.log.child({ component: "http" });
  let parts: { client: Client; leader: Leader } | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://ops.invalid").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "text/plain; charset=utf-8", "Only GET and HEAD.\n", { allow: "GET, HEAD" });
    if (path === "/healthz") {
      const health = checkHealth(opts.db, parts?.client ?? null, parts?.leader ?? null);
      return send(res, health.status === "ok" ? 200 : 503, "application/json; charset=utf-8", `${JSON.stringify(health)}\n`);
    }
    if (path === "/metrics") {
      const { body, contentType } = await metrics.render();
      return send(res, 200, contentType, body);
    }
    send(res, 404, "text/plain; charset=utf-8", "Not found. Try /healthz or /metrics.\n");
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, "ops endpoint failed");
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal error.\n");
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => {
      const why = err.code === "EADDRINUSE" ? "is already in use" : err.code === "EACCES" ? "needs privileges this user lacks" : (err.message ?? String(err));
      reject(new OpsServerError(`HTTP_PORT ${opts.port} on ${opts.host} ${why}`));
    });
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  log.info({ host: opts.host, port }, "health and metrics endpoints listening");
  return {
    port,
    metrics,
    attach(p) {
      parts = p;
      metrics.attach(p);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", ...headers });
  res.end(res.req.method === "HEAD" ? undefined : body);
}
