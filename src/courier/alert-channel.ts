/** The channels alerts can go to, and what the bot needs in one to post them. */
import { ChannelType, PermissionFlagsBits, type AnyThreadChannel, type Channel, type GuildMember, type NewsChannel, type TextChannel } from "discord.js";
import type { RecapStrings } from "../i18n/recap.ts";

/** What the `channel` option offers: text and announcement channels and their threads. */
export const ALERT_CHANNEL_TYPES = [
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.PublicThread,
  ChannelType.PrivateThread,
  ChannelType.AnnouncementThread,
] as const;

export type AlertTarget = TextChannel | NewsChannel | AnyThreadChannel;

/** The permissions an alert needs, in the order they are named to people. */
export type AlertPermission = keyof RecapStrings["permissions"];

export function isAlertChannel(channel: Channel | null | undefined): channel is AlertTarget {
  return !!channel && (ALERT_CHANNEL_TYPES as readonly ChannelType[]).includes(channel.type);
}

/**
 * What `me` lacks in `channel` to post alerts, or null when it cannot be computed. In a thread
 * Discord asks for Send Messages in Threads instead of Send Messages. Read Message History is
 * needed to look for an alert already posted before sending it again after a crash.
 */
export function missingAlertPermissions(channel: AlertTarget, me: GuildMember | null): AlertPermission[] | null {
  if (!me) return null;
  const perms = channel.permissionsFor(me);
  if (!perms) return null;
  const send: AlertPermission = channel.isThread() ? "SendMessagesInThreads" : "SendMessages";
  const needed: AlertPermission[] = ["ViewChannel", send, "EmbedLinks", "ReadMessageHistory"];
  return needed.filter((p) => !perms.has(PermissionFlagsBits[p]));
}

/**
 * Whether the bot's mention of `role` in `channel` notifies anyone: Discord pings a role that
 * is not mentionable only for senders allowed to mention @everyone and all roles.
 */
export function canPing(channel: AlertTarget, me: GuildMember | null, role: { mentionable: boolean }): boolean {
  return role.mentionable || !!(me && channel.permissionsFor(me)?.has(PermissionFlagsBits.MentionEveryone));
}
