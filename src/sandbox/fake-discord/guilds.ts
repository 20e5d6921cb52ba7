/**
 * Guild, channel and role state of the fake, and their Discord API shapes.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { EVERYONE_PERMISSIONS, channelPermissions } from "./permissions.ts";
import type { Overwrite, RolePerms } from "./permissions.ts";
import type { FakeChannel, FakeGuild, FakeGuildInit } from "./types.ts";

/** Mutable state of a text channel. */
export interface ChannelState extends FakeChannel {
  position: number;
  overwrites: Overwrite[];
}

/** A role of a guild. */
export interface RoleState extends RolePerms {
  name: string;
  position: number;
}

/** Mutable state of a guild. */
export interface GuildState extends FakeGuild {
  readonly ownerId: string;
  readonly joinedAt: string;
  readonly roles: Map<string, RoleState>;
  readonly channels: ChannelState[];
}

/** A bot user as Discord serialises it. */
export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: null;
  bot?: boolean;
}

/** A DM channel between the bot and a user. */
export interface DmChannel {
  id: string;
  recipient: ApiUser;
}

/** Holds every guild and channel, indexed for fast lookup. */
export class GuildStore {
  /** Guilds in creation order. */
  readonly guilds: GuildState[] = [];
  private readonly byId = new Map<string, GuildState>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly deleted = new Set<string>();
  private readonly dms = new Map<string, DmChannel>();
  private readonly dmByUser = new Map<string, DmChannel>();

  constructor(private readonly botUser: ApiUser) {}

  /** Creates a guild from an init description (defaults: "Sandbox", one channel "general"). */
  add(init: FakeGuildInit): GuildState {
    const id = init.id ?? nextSnowflake();
    if (this.byId.has(id)) throw new Error(`guild ${id} already exists`);
    const guild: GuildState = {
      id,
      name: init.name ?? "Sandbox",
      preferredLocale: init.preferredLocale ?? "en-US",
      everyoneRoleId: id,
      ownerId: nextSnowflake(),
      joinedAt: new Date().toISOString(),
      roles: new Map([[id, { id, name: "@everyone", position: 0, permissions: EVERYONE_PERMISSIONS }]]),
      channels: [],
    };
    const inits = init.channels ?? [{ name: "general" }];
    inits.forEach((c, position) => {
      const channel: ChannelState = { id: c.id ?? nextSnowflake(), name: c.name, guildId: id, position, overwrites: [] };
      guild.channels.push(channel);
      this.channels.set(channel.id, channel);
    });
    this.guilds.push(guild);
    this.byId.set(id, guild);
    return guild;
  }

  /** The guild with this id, if any. */
  guild(id: string): GuildState | undefined {
    return this.byId.get(id);
  }

  /** The live channel with this id, if any. */
  channel(id: string): ChannelState | undefined {
    return this.channels.get(id);
  }

  /** The DM channel with a user, created on first use. */
  dmWith(user: ApiUser): DmChannel {
    let dm = this.dmByUser.get(user.id);
    if (!dm) {
      dm = { id: nextSnowflake(), recipient: user };
      this.dmByUser.set(user.id, dm);
      this.dms.set(dm.id, dm);
    }
    return dm;
  }

  /** A DM channel by id. */
  dm(id: string): DmChannel | undefined {
    return this.dms.get(id);
  }

  /** DM channel as the API returns it. */
  dmPayload(dm: DmChannel): Record<string, unknown> {
    return { id: dm.id, type: 1, last_message_id: null, flags: 0, recipients: [dm.recipient] };
  }

  /** Whether a channel existed and was deleted. */
  wasDeleted(id: string): boolean {
    return this.deleted.has(id);
  }

  /** Removes a channel; returns it (or undefined if unknown). */
  remove(channelId: string): ChannelState | undefined {
    const channel = this.channels.get(channelId);
    if (!channel) return undefined;
    this.channels.delete(channelId);
    this.deleted.add(channelId);
    const guild = this.byId.get(channel.guildId);
    if (guild) {
      const index = guild.channels.indexOf(channel);
      if (index >= 0) guild.channels.splice(index, 1);
    }
    return channel;
  }

  /** Permissions of a member (with roles) in a channel. */
  permissionsIn(channel: ChannelState, memberId: string, roleIds: readonly string[] = []): bigint {
    const guild = this.byId.get(channel.guildId);
    if (!guild) return 0n;
    return channelPermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      roles: guild.roles,
      memberId,
      memberRoleIds: roleIds,
      overwrites: channel.overwrites,
    });
  }

  /** The bot's permissions in a channel. */
  botPermissionsIn(channel: ChannelState): bigint {
    return this.permissionsIn(channel, this.botUser.id);
  }

  /** Channel as the API returns it. */
  channelPayload(channel: ChannelState): Record<string, unknown> {
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

  /** Role as the API returns it. */
  rolePayload(role: RoleState): Record<string, unknown> {
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
      mentionable: false,
      flags: 0,
    };
  }

  /** The bot's guild member object. */
  botMemberPayload(guild: GuildState): Record<string, unknown> {
    return {
      user: this.botUser,
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
  guildPayload(guild: GuildState): Record<string, unknown> {
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
      roles: [...guild.roles.values()].map((r) => this.rolePayload(r)),
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

  /** The GUILD_CREATE dispatch body for a guild. */
  guildCreatePayload(guild: GuildState): Record<string, unknown> {
    return {
      ...this.guildPayload(guild),
      unavailable: false,
      large: false,
      member_count: 2,
      joined_at: guild.joinedAt,
      channels: guild.channels.map((c) => this.channelPayload(c)),
      members: [this.botMemberPayload(guild)],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
