/**
 * Where recaps can go and what the bot needs there: a text or announcement channel, a thread
 * (public, private or an announcement channel's) or a forum (each recap a new post). Checked
 * by `/recap schedule` (a refusal changes nothing) and again before every post (a refusal
 * pauses the schedule with the reason).
 */
import {
  type AnyThreadChannel,
  ChannelFlags,
  ChannelType,
  PermissionFlagsBits,
  type Channel,
  type ForumChannel,
  type GuildForumTag,
  type GuildMember,
  type NewsChannel,
  type TextChannel,
} from "discord.js";

/**
 * The permissions a recap post needs, in the order they are named to people. Read Message
 * History lets a restart look for what it already posted (src/outbox/find.ts).
 */
export const POST_PERMISSIONS = ["ViewChannel", "SendMessages", "SendMessagesInThreads", "EmbedLinks", "ReadMessageHistory"] as const;
export type PostPermission = (typeof POST_PERMISSIONS)[number];

/** The channel kinds recaps go to (what the `channel` option offers). */
export const RECAP_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

export type RecapChannel = TextChannel | NewsChannel | ForumChannel | AnyThreadChannel;

/** Whether recaps can go to this channel. */
export function isRecapChannel(channel: Channel | null | undefined): channel is RecapChannel {
  return !!channel && (RECAP_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type);
}

/** Why the bot cannot post recaps in a channel it can name. */
export type RecapRefusal =
  | { kind: "missing"; perms: PostPermission[] }
  /** A forum that requires a tag offers none the bot may apply. */
  | { kind: "no_tag" }
  /** A private thread the bot is not a member of (and may not manage threads). */
  | { kind: "not_in_thread" }
  /** An archived, locked thread (and the bot may not manage threads). */
  | { kind: "thread_locked" };

/** Tag names a forum's recap tag is chosen by, before falling back to the first usable tag. */
const RECAP_TAG_NAMES = ["recap", "recaps", "daily recap", "回顾", "摘要", "动态摘要", "每日摘要"];

/**
 * The tag a forum post of recaps carries: one named like "Recap"/"回顾" if the forum has one,
 * else (when the forum requires a tag) the first tag the bot may apply; null for none.
 * Moderated tags need Manage Threads.
 */
export function recapForumTag(forum: ForumChannel, me: GuildMember | null): GuildForumTag | null {
  const manage = !!me && forum.permissionsFor(me).has(PermissionFlagsBits.ManageThreads);
  const usable = forum.availableTags.filter((tag) => manage || !tag.moderated);
  const named = usable.find((tag) => RECAP_TAG_NAMES.includes(tag.name.trim().toLowerCase()));
  if (named) return named;
  return forumRequiresTag(forum) ? (usable[0] ?? null) : null;
}

export function forumRequiresTag(forum: ForumChannel): boolean {
  return forum.flags.has(ChannelFlags.RequireTag);
}

/**
 * What stops `me` from posting recaps in `channel` (overwrites included; a thread has its
 * parent's), or null when nothing does or it cannot be computed (the bot's member is not cached).
 */
export function recapRefusal(channel: RecapChannel, me: GuildMember | null): RecapRefusal | null {
  if (!me) return null;
  const perms = channel.permissionsFor(me);
  if (!perms) return null;
  const thread = channel.isThread();
  const needed: PostPermission[] = ["ViewChannel", thread ? "SendMessagesInThreads" : "SendMessages", "EmbedLinks", "ReadMessageHistory"];
  const missing = needed.filter((p) => !perms.has(PermissionFlagsBits[p]));
  if (missing.length) return { kind: "missing", perms: missing };
  const manage = perms.has(PermissionFlagsBits.ManageThreads);
  if (thread) {
    if (channel.type === ChannelType.PrivateThread && !channel.joined && !manage) return { kind: "not_in_thread" };
    if (channel.archived && channel.locked && !manage) return { kind: "thread_locked" };
  }
  if (channel.type === ChannelType.GuildForum && forumRequiresTag(channel) && !recapForumTag(channel, me)) return { kind: "no_tag" };
  return null;
}
