/**
 * Getting an article's text: from a file (size checked before reading) or from a URL through
 * the feed fetcher (its limits: http(s) only, 10 s, 5 MB, 3 redirects). Binary data is
 * refused here, before anything tries to read it as an article.
 */
import { readFileSync, statSync } from "node:fs";
import { DEFAULT_LIMITS, fetchFeed, type FetchFn } from "../feeds/fetch.ts";
import { FeedError } from "../feeds/errors.ts";
import { parseFeedUrl, type UrlProblem } from "../feeds/url.ts";
import { wellFormed } from "../render/limits.ts";
import { DraftError } from "./errors.ts";

/** The same cap as for fetched pages: no news article comes near it. */
export const MAX_ARTICLE_BYTES = DEFAULT_LIMITS.maxBytes;

export interface RawArticle {
  /** The decoded text (HTML or plain). */
  body: string;
  html: boolean;
  /** The file path or the final URL, for messages and the article's own source. */
  origin: string;
  url: string | null;
}

const megabytes = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** NUL bytes or many control characters in the first 8 KB: an image, a PDF, an archive… */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return control > head.length * 0.05;
}

/** UTF-8 (with or without BOM), else GB18030 (which covers GBK and GB2312), else null. */
function decodeText(bytes: Uint8Array): string | null {
  for (const label of ["utf-8", "gb18030"]) {
    try {
      return new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding; try the next
    }
  }
  return null;
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(text) || /<\/(?:p|div|article|body)>/i.test(text.slice(0, 20_000));
}

/** Reads an article file; every problem is a DraftError with a sentence a person can act on. */
export function readArticleFile(path: string): RawArticle {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new DraftError(`${path} is a folder, not an article`);
    size = st.size;
  } catch (err) {
    if (err instanceof DraftError) throw err;
    const code = (err as { code?: string }).code;
    throw new DraftError(code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${code ?? (err as Error).message}`);
  }
  if (size > MAX_ARTICLE_BYTES) throw new DraftError(`${path} is too large (${megabytes(size)}; an article may be at most ${megabytes(MAX_ARTICLE_BYTES)})`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new DraftError(`cannot read ${path}: ${(err as { code?: string }).code ?? (err as Error).message}`);
  }
  return { ...fromBytes(bytes, path), url: null };
}

/** UTF-16 with its byte-order mark ("Unicode" text from Windows editors): its NUL bytes are no sign of binary data. */
function utf16(bytes: Uint8Array): string | null {
  const [a, b] = [bytes[0], bytes[1]];
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return null;
}

function fromBytes(bytes: Uint8Array, origin: string): Omit<RawArticle, "url"> {
  if (bytes.length === 0) throw new DraftError(`${origin} is empty`);
  const wide = utf16(bytes);
  if (wide !== null) return fromText(wide, origin);
  if (looksBinary(bytes))
    throw new DraftError(`${origin} is not text: it holds binary data (an image, a PDF or an archive?); give the article as .txt or .html`);
  const body = decodeText(bytes);
  if (body === null) throw new DraftError(`${origin} is not text in UTF-8 or GB18030; save the article as UTF-8 text`);
  return fromText(body, origin);
}

function fromText(body: string, origin: string): Omit<RawArticle, "url"> {
  const text = wellFormed(body.replace(/^\uFEFF/, ""));
  if (!text.trim()) throw new DraftError(`${origin} is empty (only white space)`);
  const replaced = text.match(/\uFFFD/g)?.length ?? 0;
  if (replaced > 20 && replaced > text.length / 100)
    throw new DraftError(`${origin} is not readable text (its encoding is unknown); save the article as UTF-8 text`);
  return { body: text, html: /\.x?html?$/i.test(origin) || looksLikeHtml(text), origin };
}

const URL_PROBLEMS: Record<UrlProblem, string> = {
  malformed: "not a valid address",
  scheme: "only http(s) addresses can be fetched",
  credentials: "an address with a user name or password is not fetched",
  "too-long": "the address is too long",
};

const FETCH_PROBLEMS: Record<string, string> = {
  dns: "its host name is unknown",
  refused: "the server refused the connection",
  timeout: "no answer within 10 seconds",
  network: "a network error",
  http: "the server answered with an error",
  "too-large": `the page is larger than ${megabytes(MAX_ARTICLE_BYTES)}`,
  redirects: "more than 3 redirects",
  "bad-redirect": "a redirect to an address that is not http(s)",
};

/** Fetches an article page with the feed fetcher's limits. */
export async function fetchArticle(address: string, fetchFn?: FetchFn): Promise<RawArticle> {
  const parsed = parseFeedUrl(address);
  if ("problem" in parsed) throw new DraftError(`cannot fetch ${address.slice(0, 200)}: ${URL_PROBLEMS[parsed.problem]}`);
  try {
    const res = await fetchFeed({ url: parsed.url, limits: DEFAULT_LIMITS, ...(fetchFn ? { fetch: fetchFn } : {}) });
    if (res.status !== "ok") throw new DraftError(`${address} answered "not modified" with no page`);
    const raw = fromBytes(Buffer.from(res.body, "utf8"), res.finalUrl);
    return { ...raw, html: raw.html || looksLikeHtml(raw.body), url: res.finalUrl };
  } catch (err) {
    if (err instanceof FeedError) {
      const why = FETCH_PROBLEMS[err.kind] ?? err.kind;
      throw new DraftError(`could not fetch ${address}: ${why}${err.detail ? ` (${err.detail})` : ""}`);
    }
    throw err;
  }
}

/** A file path or an http(s) address. */
export function readArticle(arg: string, fetchFn?: FetchFn): Promise<RawArticle> {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg) ? fetchArticle(arg, fetchFn) : Promise.resolve(readArticleFile(arg));
}
