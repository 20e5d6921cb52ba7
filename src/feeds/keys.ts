/** Deduplication keys for feed items. */
import { sha1 } from "../../db/hash.ts";
import type { ParsedItem } from "./parse.ts";
import { normalizeLink } from "./url.ts";

/** Longest guid kept as it is; longer ones are hashed (some feeds put whole URLs with tracking in it). */
const MAX_GUID = 300;

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
