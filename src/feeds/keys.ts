/** Deduplication keys for feed items: within one feed, and across the feeds of a story. */
import { sha1 } from "../../db/hash.ts";
import { normalizeName } from "../../db/names.ts";
import type { ParsedItem } from "./parse.ts";
import { normalizeLink } from "./url.ts";

/** Longest guid kept as it is; longer ones are hashed (some feeds put whole URLs with tracking in it). */
const MAX_GUID = 300;
/** How much of the normalised summary the content key includes: enough to tell two "Live updates" apart, short enough to survive one feed cutting it. */
const SUMMARY_START = 80;
const DAY_MS = 86_400_000;

/**
 * The key an item is remembered by within its feed: its guid/id ("g:…"), else its
 * normalised link ("l:…"), else a hash of its title and date as written ("h:…"; the date
 * as written, not the fetch time that stands in for a missing one, so it is stable).
 */
export function itemKey(item: ParsedItem, base: string): string {
  if (item.guid) return item.guid.length <= MAX_GUID ? `g:${item.guid}` : `g#${sha1(item.guid)}`;
  const link = normalizeLink(item.link, base);
  if (link) return link.length <= MAX_GUID ? `l:${link}` : `l#${sha1(link)}`;
  return `h:${sha1(`${item.title || item.summary}\n${item.rawDate ?? ""}`)}`;
}

/**
 * Whether a guid names the article everywhere, not just within its feed: a URL, a `tag:`
 * URI or a URN (`urn:uuid:…`). Feeds also number their items "1", "2"… or use their own
 * database ids, which mean nothing in another feed.
 */
export function isGlobalGuid(guid: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:\/\/\S|tag:\S|urn:[a-z0-9][a-z0-9-]*:\S)/i.test(guid);
}

/** What an item looks like to the story, whichever feed carried it. */
export interface StoryItem {
  /** Its normalised link (see normalizeLink), if any. */
  link: string | null;
  guid: string | null;
  /** The title the event gets (the item's, or one made from its summary). */
  title: string;
  summary: string;
  /** When the event happened (ms): the item's date, or the fetch time standing in. */
  at: number;
}

/**
 * The keys an item is known by across every feed of a story: its link; its guid when the
 * guid is global ("guid:…"); and always a content key ("content#…": the normalised title,
 * the UTC day it happened and the start of its normalised summary, hashed), so that two
 * feeds carrying the same article without a link — or under two links — make one event.
 * A link is kept as it is, the spelling earlier versions stored.
 */
export function storyKeys(item: StoryItem): string[] {
  const keys: string[] = [];
  if (item.link) keys.push(item.link);
  const guid = item.guid?.trim();
  if (guid && isGlobalGuid(guid)) keys.push(guid.length <= MAX_GUID ? `guid:${guid}` : `guid#${sha1(guid)}`);
  const title = normalizeName(item.title);
  // A title of only emoji or punctuation says nothing about which article it is.
  if (title) {
    const day = Math.floor(item.at / DAY_MS);
    const summary = normalizeName(item.summary).slice(0, SUMMARY_START).trim();
    keys.push(`content#${sha1(`${day}\n${title}\n${summary}`)}`);
  }
  return keys;
}
