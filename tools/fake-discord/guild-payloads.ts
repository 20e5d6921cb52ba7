/**
 * Discord API shapes of guilds, channels, roles and the bot member.
 *
 * @module
 */
import type { ApiUser, ChannelState, DmChannel, GuildState, RoleState, ThreadMeta } from "./guilds.ts";

/** A guild channel as the API returns it: text, announcement, forum or thread. */
export function channelPayload(channel: ChannelState): Record<string, unknown> {
  const base = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: channel.flags,
  };
  if (channel.thread) return { ...base, ...threadFields(channel, channel.thread) };
  const payload: Record<string, unknown> = {
    ...base,
    position: channel.position,
    topic: null,
    nsfw: false,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
  if (channel.type === 15) {
    Object.assign(payload, {
      available_tags: channel.availableTags.map((t) => ({ id: t.id, name: t.name, moderated: t.moderated ?? false, emoji_id: null, emoji_name: null })),
      default_reaction_emoji: null,
      default_thread_rate_limit_per_user: 0,
      default_sort_order: null,
      default_forum_layout: 0,
    });
  }
  return payload;
}

function threadFields(channel: ChannelState, t: ThreadMeta): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    archived: t.archived,
    auto_archive_duration: t.autoArchiveDuration,
    archive_timestamp: t.archiveTimestamp,
    locked: t.locked,
    create_timestamp: t.createTimestamp,
  };
  if (channel.type === 12) metadata.invitable = false;
  const fields: Record<string, unknown> = {
    owner_id: t.ownerId,
    applied_tags: t.appliedTags,
    message_count: 0,
    member_count: t.botJoined ? 1 : 0,
    total_message_sent: 0,
    thread_metadata: metadata,
  };
  if (t.botJoined) fields.member = threadMemberPayload(channel, t);
  return fields;
}

/** The bot's thread member object (`member`, and the `members` of thread lists). */
export function threadMemberPayload(channel: ChannelState, t: ThreadMeta): Record<string, unknown> {
  return { id: channel.id, user_id: t.botUserId, join_timestamp: t.createTimestamp, flags: 0 };
}

/** DM channel as the API returns it. */
export function dmPayload(dm: DmChannel): Record<string, unknown> {
  return { id: dm.id, type: 1, last_message_id: null, flags: 0, recipients: [dm.recipient] };
}

/** Role as the API returns it. */
export function rolePayload(role: RoleState): Record<string, unknown> {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: role.mentionable ?? false,
    flags: 0,
  };
}

/** The bot's guild member object. */
export function botMemberPayload(guild: GuildState, botUser: ApiUser): Record<string, unknown> {
  return {
    user: botUser,
    nick: null,
    avatar: null,
    roles: [],
    joined_at: guild.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

/** Guild object without gateway-only fields (GET /guilds/:id). */
export function guildPayload(guild: GuildState): Record<string, unknown> {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [...guild.roles.values()].map(rolePayload),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels.find((c) => c.type === 0)?.id ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: guild.preferredLocale,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}

/** The GUILD_CREATE dispatch body: the guild with its channels, roles and the bot's member. */
export function guildCreatePayload(guild: GuildState, botUser: ApiUser): Record<string, unknown> {
  return {
    ...guildPayload(guild),
    unavailable: false,
    large: false,
    member_count: 2,
    joined_at: guild.joinedAt,
    channels: guild.channels.filter((c) => !c.thread).map(channelPayload),
    members: [botMemberPayload(guild, botUser)],
    threads: guild.channels.filter((c) => c.thread && !c.thread.archived).map(channelPayload),
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
