/**
 * The outbox target of a forum channel: each entry is a new post (a thread whose starter
 * message is the entry's message). Discord takes no nonce for a forum post, so a retry inside
 * one run is not de-duplicated by Discord; the ledger is what keeps it to one post: an entry
 * attempted but not recorded is first looked for among the forum's posts, by its marker.
 */
import { ChannelType, type BaseMessageOptions, type Client, type ForumChannel, type ThreadChannel } from "discord.js";
import type { OutboxTarget, Posted } from "./deliver.ts";
import { NotSendableError } from "./channel.ts";
import { carriesMarker, FIND_PAGES } from "./find.ts";

/** A new post's title (at most 100 characters) and the forum tag ids it carries (at most 5). */
export interface ForumPost {
  name: string;
  tags: readonly string[];
}

/**
 * A target opening a post titled `post.name` in `forumId` with `message(marker)` as its
 * starter message. `message` must print the marker (see `t(lang).delivery.ref`); mentions are
 * off unless it says otherwise. Posted: the thread's id, which is also its starter message's.
 */
export function forumTarget(client: Client, forumId: string, post: ForumPost, message: (marker: string) => BaseMessageOptions): OutboxTarget {
  return {
    async send(marker) {
      const forum = await client.channels.fetch(forumId);
      if (forum?.type !== ChannelType.GuildForum) throw new NotSendableError(`channel ${forumId} is not a forum`);
      const thread = await forum.threads.create({
        name: post.name.slice(0, 100),
        appliedTags: [...post.tags],
        message: { allowedMentions: { parse: [] }, ...message(marker) },
      });
      return { channelId: thread.id, messageId: thread.id };
    },
    find: (marker, since) => findInForum(client, forumId, marker, since),
  };
}

/**
 * The bot's post in forum `forumId` opened since `since` (ms) whose starter message carries
 * `marker`, or null (also when the forum is gone): its active posts, then its archived ones,
 * newest archived first, a few pages of 100 at most.
 */
export async function findInForum(client: Client, forumId: string, marker: string, since: number): Promise<Posted | null> {
  const forum = await client.channels.fetch(forumId).catch(() => null);
  if (forum?.type !== ChannelType.GuildForum) return null;
  const mine = (t: ThreadChannel) => t.ownerId === client.user?.id && (t.createdTimestamp ?? 0) >= since;
  const active = await forum.threads.fetchActive(false);
  const hit = await starterWith([...active.threads.values()].filter(mine), marker);
  if (hit) return hit;
  let before: Date | undefined;
  for (let page = 0; page < FIND_PAGES; page++) {
    const archived = await fetchArchived(forum, before);
    const found = await starterWith([...archived.threads.values()].filter(mine), marker);
    if (found) return found;
    const oldest = [...archived.threads.values()].at(-1)?.archivedAt ?? null;
    // Archived after it was opened: past `since`, older archives hold no newer post.
    if (!archived.hasMore || !oldest || oldest.getTime() < since) return null;
    before = oldest;
  }
  return null;
}

function fetchArchived(forum: ForumChannel, before: Date | undefined) {
  return forum.threads.fetchArchived({ type: "public", limit: 100, ...(before ? { before } : {}) }, false);
}

async function starterWith(threads: readonly ThreadChannel[], marker: string): Promise<Posted | null> {
  for (const thread of threads) {
    const starter = await thread.fetchStarterMessage({ cache: false }).catch(() => null);
    if (starter && starter.author.id === thread.client.user.id && carriesMarker(starter, marker)) return { channelId: thread.id, messageId: starter.id };
  }
  return null;
}
