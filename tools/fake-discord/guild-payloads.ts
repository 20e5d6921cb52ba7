/**
 * Discord API shapes of guilds, channels, roles and the bot member.
 *
 * @module
 */
import type { ApiUser, ChannelState, DmChannel, GuildState, RoleState } from "./guilds.ts";

/** Guild text channel as the API returns it. */
export function channelPayload(channel: ChannelState): Record<string, unknown> {
  return {
    id: channel.id,
    type: 0,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
  };
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
    system_channel_id: guild.channels[0]?.id ?? null,
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
    channels: guild.channels.map(channelPayload),
    members: [botMemberPayload(guild, botUser)],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
