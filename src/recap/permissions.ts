/** What the bot needs in a channel to post recaps there, and what it lacks. */
import { ChannelType, PermissionFlagsBits, type Channel, type GuildMember, type NewsChannel, type TextChannel } from "discord.js";

/** The permissions a recap post needs, in the order they are named to people. */
export const POST_PERMISSIONS = ["ViewChannel", "SendMessages", "EmbedLinks"] as const;
export type PostPermission = (typeof POST_PERMISSIONS)[number];

/** The channel kinds recaps go to (what the `channel` option offers). */
export const RECAP_CHANNEL_TYPES = [ChannelType.GuildText, ChannelType.GuildAnnouncement] as const;

/** Whether recaps can go to this channel: a server text or announcement channel. */
export function isRecapChannel(channel: Channel | null | undefined): channel is TextChannel | NewsChannel {
  return !!channel && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement);
}

/**
 * The recap permissions `me` lacks in `channel` (overwrites included), or null when they
 * cannot be computed (the bot's member is not cached).
 */
export function missingPostPermissions(channel: TextChannel | NewsChannel, me: GuildMember | null): PostPermission[] | null {
  if (!me) return null;
  const perms = channel.permissionsFor(me);
  return POST_PERMISSIONS.filter((p) => !perms.has(PermissionFlagsBits[p]));
}
