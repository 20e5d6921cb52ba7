/**
 * Why fetching or reading a feed failed. The kind is stored with the feed (`last_error`)
 * and shown by `/feed list` in the reader's language; the detail (an HTTP status, a
 * redirect target) is for the operator.
 */
export type FeedErrorKind =
  | "dns"
  | "refused"
  | "timeout"
  | "network"
  | "http"
  | "too-large"
  | "redirects"
  | "bad-redirect"
  | "malformed"
  | "not-a-feed"
  | "no-story";

export const FEED_ERROR_KINDS: readonly FeedErrorKind[] = [
  "dns",
  "refused",
  "timeout",
  "network",
  "http",
  "too-large",
  "redirects",
  "bad-redirect",
  "malformed",
  "not-a-feed",
  "no-story",
];

/** A feed that could not be fetched or read; never a bug of ours. */
export class FeedError extends Error {
  override name = "FeedError";
  constructor(
    readonly kind: FeedErrorKind,
    readonly detail: string | null = null,
  ) {
    super(detail ? `${kind}: ${detail}` : kind);
  }
}

/** A stored kind back to the type; anything unknown reads as "network". */
export function errorKind(stored: string | null): FeedErrorKind | null {
  if (stored === null) return null;
  return (FEED_ERROR_KINDS as readonly string[]).includes(stored) ? (stored as FeedErrorKind) : "network";
}

/** The low-level code inside a fetch failure (undici wraps it as `cause`). */
function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Turns whatever `fetch` or a body read threw into a FeedError. */
export function classifyFetchError(err: unknown): FeedError {
  if (err instanceof FeedError) return err;
  const name = (err as { name?: unknown } | null)?.name;
  if (name === "TimeoutError") return new FeedError("timeout");
  const code = codeOf(err);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME") return new FeedError("dns", code);
  if (code === "ECONNREFUSED") return new FeedError("refused", code);
  if (code === "UND_ERR_CONNECT_TIMEOUT" || code === "ETIMEDOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new FeedError("timeout", code);
  }
  const message = err instanceof Error ? err.message : String(err);
  return new FeedError("network", (code ?? message).slice(0, 200));
}
