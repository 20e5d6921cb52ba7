/**
 * Fetching a feed with our own limits: http(s) only (every redirect hop re-checked), at
 * most `maxRedirects` hops, one deadline for the whole fetch, a cap on the body read as a
 * stream (so a huge or endless body costs at most the cap), and conditional requests.
 */
import { classifyFetchError, FeedError } from "./errors.ts";
import { isHttp } from "./url.ts";

/** The fetch function used; tests and the sandbox may pass their own. */
export type FetchFn = typeof fetch;

export interface FetchLimits {
  /** Deadline for the whole fetch, redirects and body included (ms). */
  timeoutMs: number;
  /** Largest body read (bytes, after decompression). */
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  limits: FetchLimits;
  fetch?: FetchFn;
  /** Aborts the fetch early (the poller stopping). */
  signal?: AbortSignal;
}

export type FetchResult = { status: "not-modified" } | { status: "ok"; body: string; etag: string | null; lastModified: string | null; finalUrl: string };

const USER_AGENT = "Storyline/0.1 (news feed reader)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/** The charset a body is in: the Content-Type's, else the XML declaration's, else UTF-8. */
function charsetOf(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  if (fromHeader) return fromHeader;
  const prolog = Buffer.from(head.subarray(0, 200)).toString("latin1");
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(prolog)?.[1] ?? "utf-8";
}

function decode(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetOf(contentType, bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes); // a charset Node does not know
  }
}

/** Reads a body up to `maxBytes`; more than that cancels the stream and fails. */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new FeedError("too-large", `${declared} bytes`);
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError("too-large", `over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a feed. A 304 is "not-modified"; a 2xx gives the decoded body with its validators.
 * Everything else throws a FeedError (never anything else).
 */
export async function fetchFeed(req: FetchRequest): Promise<FetchResult> {
  const { limits } = req;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  const doFetch = req.fetch ?? fetch;
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT };
  if (req.etag) headers["if-none-match"] = req.etag;
  if (req.lastModified) headers["if-modified-since"] = req.lastModified;
  let url = req.url;
  try {
    for (let hops = 0; ; hops++) {
      const res = await doFetch(url, { headers, redirect: "manual", signal });
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get("location");
        if (!location) throw new FeedError("http", `${res.status} without Location`);
        if (hops >= limits.maxRedirects) throw new FeedError("redirects", `more than ${limits.maxRedirects}`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FeedError("bad-redirect", location.slice(0, 200));
        }
        if (!isHttp(next)) throw new FeedError("bad-redirect", next.protocol);
        url = next.href;
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { status: "not-modified" };
      }
      if (res.status < 200 || res.status >= 300) {
        await res.body?.cancel().catch(() => undefined);
        throw new FeedError("http", String(res.status));
      }
      const bytes = await readCapped(res, limits.maxBytes);
      return {
        status: "ok",
        body: decode(bytes, res.headers.get("content-type")),
        etag: res.headers.get("etag"),
        lastModified: res.headers.get("last-modified"),
        finalUrl: url,
      };
    }
  } catch (err) {
    // An abort surfaces as the signal's reason: the deadline's TimeoutError, or our stop.
    if (timeout.aborted) throw new FeedError("timeout");
    throw classifyFetchError(err);
  }
}
