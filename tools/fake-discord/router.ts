/**
 * A tiny REST router with `:param` segments, plus fault injection.
 *
 * @module
 */
import type { IncomingHttpHeaders } from "node:http";
import { ApiError } from "./http.ts";
import type { UploadedFile } from "./http.ts";

/** Everything a route handler gets. */
export interface RouteContext {
  method: string;
  /** Path after `/api/v10`, URL-decoded. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  json: unknown;
  files: UploadedFile[];
  headers: IncomingHttpHeaders;
}

/** What a route handler answers. */
export interface RouteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route handler. */
export type RouteHandler = (ctx: RouteContext) => RouteReply;

interface Route {
  method: string;
  parts: string[];
  handler: RouteHandler;
  auth: boolean;
}

/** Returns a named route parameter (always present when the route matched). */
export function param(ctx: RouteContext, name: string): string {
  const value = ctx.params[name];
  if (value === undefined) throw new Error(`route parameter ${name} missing`);
  return value;
}

/** Matches requests to handlers. */
export class Router {
  private readonly routes: Route[] = [];

  /** Adds a route, e.g. `add("GET", "/channels/:channel", h)`; `auth` requires a bot token. */
  add(method: string, pattern: string, handler: RouteHandler, auth = true): this {
    this.routes.push({ method, parts: pattern.split("/").filter(Boolean), handler, auth });
    return this;
  }

  /** Finds the route for a request; throws 404/405 ApiErrors like Discord when none fits. */
  match(method: string, segments: string[]): { handler: RouteHandler; params: Record<string, string>; auth: boolean } {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, segments);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params, auth: route.auth };
    }
    if (pathMatched) throw new ApiError(405, 0, "405: Method Not Allowed");
    throw new ApiError(404, 0, "404: Not Found");
  }
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const segment = segments[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

interface FaultRule {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
  body?: Record<string, unknown>;
}

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Queued failures: the next N matching requests get an error instead of being handled. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  /** Queues a failure for `times` requests matching method (or "*") and path. */
  add(method: string, path: RegExp, status: number, times = 1, body?: Record<string, unknown>): void {
    const pattern = new RegExp(path.source, path.flags.replace(/[gy]/g, ""));
    const rule: FaultRule = { method: method.toUpperCase(), path: pattern, status, remaining: times };
    if (body) rule.body = body;
    this.rules.push(rule);
  }

  /** If a queued failure matches, consumes one and returns the reply to send. */
  take(method: string, path: string): RouteReply | undefined {
    const rule = this.rules.find((r) => (r.method === "*" || r.method === method) && r.path.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    if (rule.status === 429) {
      const body = rule.body ?? { message: "You are being rate limited.", retry_after: 0.05, global: false, code: 0 };
      const retryAfter = typeof body.retry_after === "number" ? body.retry_after : 0.05;
      const headers: Record<string, string> = { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" };
      if (body.global === true) headers["x-ratelimit-global"] = "true";
      return { status: 429, body, headers };
    }
    const text = STATUS_TEXT[rule.status] ?? "Error";
    return { status: rule.status, body: rule.body ?? { code: 0, message: `${rule.status}: ${text}` } };
  }

  /** Drops all queued failures. */
  clear(): void {
    this.rules = [];
  }
}
