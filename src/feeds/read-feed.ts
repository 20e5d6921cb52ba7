/**
 * Reading a fetched feed without holding the event loop: a body of a few thousand items
 * takes feedsmith hundreds of ms (10,000 items, 3 MB: ~300 ms here), so a large one is read
 * in a worker thread (src/story/worker.ts) and only its items come back, as JSON text in
 * parts decoded one at a time (10,000 items copied back as objects held the loop ~35 ms).
 * Small bodies, the usual case, are read in place, where a worker would cost more than it saves.
 */
import { runWorker, WorkerStoppedError } from "../story/worker.ts";
import { FeedError, type FeedErrorKind } from "./errors.ts";
import { type ParsedFeed, type ParsedItem, parseFeedText } from "./parse.ts";

/** Bodies up to this many characters are read in place (~10 ms at most). */
export const IN_PLACE_MAX_CHARS = 128 * 1024;

/** Items per part of the worker's answer. */
const PART_ITEMS = 500;

/** What the reading worker answers: the feed (its items as JSON arrays), or why it is no feed. */
export type ReadReply =
  | { ok: true; format: ParsedFeed["format"]; title: string | null; parts: string[] }
  | { ok: false; kind: FeedErrorKind; detail: string | null };

/** `parseFeedText` as a reply, its FeedError as data (for the worker's entry). */
export function readReply(text: string): ReadReply {
  try {
    const { format, title, items } = parseFeedText(text);
    const parts: string[] = [];
    for (let i = 0; i < items.length; i += PART_ITEMS) parts.push(JSON.stringify(items.slice(i, i + PART_ITEMS)));
    return { ok: true, format, title, parts };
  } catch (err) {
    if (err instanceof FeedError) return { ok: false, kind: err.kind, detail: err.detail };
    throw err;
  }
}

const ENTRY = new URL("./read-feed-entry.ts", import.meta.url);

/** Reads a feed's text (see parseFeedText), off the main thread when it is large. */
export async function readFeed(text: string, inPlaceMaxChars = IN_PLACE_MAX_CHARS): Promise<ParsedFeed> {
  if (text.length <= inPlaceMaxChars) return parseFeedText(text);
  let r: ReadReply;
  try {
    r = await runWorker<ReadReply>(ENTRY, text);
  } catch (err) {
    if (err instanceof WorkerStoppedError) throw new FeedError("malformed", `the feed could not be read (${err.message})`);
    throw err;
  }
  if (!r.ok) throw new FeedError(r.kind, r.detail);
  const items: ParsedItem[] = [];
  for (const part of r.parts) {
    items.push(...(JSON.parse(part) as ParsedItem[]));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { format: r.format, title: r.title, items };
}
