/** Feed addresses and item links: what we accept, and the one spelling we store. */

/** Longest feed address accepted. */
export const MAX_URL_LENGTH = 2048;

/** Why a feed address was refused. */
export type UrlProblem = "malformed" | "scheme" | "credentials" | "too-long";

/** Whether a URL is http or https. */
export function isHttp(u: URL): boolean {
  return u.protocol === "http:" || u.protocol === "https:";
}

/**
 * A feed address as typed → its stored form (scheme and host lower-cased by URL parsing,
 * fragment dropped), or why it is refused: not a URL, not http(s), or carrying a user name
 * or password (which `/feed list` would show to every editor).
 */
export function parseFeedUrl(input: string): { url: string } | { problem: UrlProblem } {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) return { problem: "too-long" };
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return { problem: "malformed" };
  }
  if (!isHttp(u)) return { problem: "scheme" };
  if (!u.hostname) return { problem: "malformed" };
  if (u.username || u.password) return { problem: "credentials" };
  u.hash = "";
  return { url: u.href };
}

/**
 * An item link in the form deduplication compares: absolute (resolved against `base`),
 * http(s) only, host lower-cased, no fragment, no `utm_*` tracking parameters. Null for
 * anything else.
 */
export function normalizeLink(link: string | null | undefined, base?: string): string | null {
  const text = link?.trim();
  if (!text) return null;
  let u: URL;
  try {
    u = new URL(text, base);
  } catch {
    return null;
  }
  if (!isHttp(u)) return null;
  u.hash = "";
  // Rebuilt every time, so "?a=b%20c" and "?a=b%20c&utm_source=x" come out the same.
  const params = new URLSearchParams([...u.searchParams].filter(([name]) => !/^utm_/i.test(name)));
  const query = params.toString();
  u.search = query ? `?${query}` : "";
  return u.href;
}
