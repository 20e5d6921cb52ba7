/**
 * Guild, channel and role state of the fake, and their Discord API shapes.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { EVERYONE_PERMISSIONS, channelPermissions } from "./permissions.ts";
import type { Overwrite, RolePerms } from "./permissions.ts";
import { ChannelKind } from "./types.ts";
import type { FakeChannel, FakeChannelInit, FakeForumTag, FakeGuild, FakeGuildInit } from "./types.ts";

/** What a thread has besides a channel's state. */
export interface ThreadMeta {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  archiveTimestamp: string;
  createTimestamp: string;
  autoArchiveDuration: number;
  appliedTags: string[];
  botJoined: boolean;
  /** The bot's user id (for the thread member object). */
  botUserId: string;
}

/** Mutable state of a channel (a thread has `thread`). */
export interface ChannelState extends FakeChannel {
  type: number;
  position: number;
  overwrites: Overwrite[];
  flags: number;
  availableTags: FakeForumTag[];
  thread?: ThreadMeta;
}

/** Whether a channel type is a thread's (10, 11, 12). */
export const isThreadType = (type: number): boolean =>
  type === ChannelKind.AnnouncementThread || type === ChannelKind.PublicThread || type === ChannelKind.PrivateThread;

/** A role of a guild. */
export interface RoleState extends RolePerms {
  name: string;
  position: number;
  /** Whether anyone may mention it (Discord's default: no). */
  mentionable?: boolean;
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
  /** Users whose DMs are closed to the bot: posting there answers 403 50007. */
  readonly closedDms = new Set<string>();

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
      ownerId: init.ownerId ?? nextSnowflake(),
      joinedAt: new Date().toISOString(),
      roles: new Map([[id, { id, name: "@everyone", position: 0, permissions: EVERYONE_PERMISSIONS }]]),
      channels: [],
    };
    (init.roles ?? []).forEach((r, i) => {
      const roleId = r.id ?? nextSnowflake();
      guild.roles.set(roleId, { id: roleId, name: r.name, position: i + 1, permissions: 0n, mentionable: r.mentionable ?? false });
    });
    this.guilds.push(guild);
    this.byId.set(id, guild);
    for (const c of init.channels ?? [{ name: "general" }]) this.addChannel(guild, c);
    return guild;
  }

  /** Adds a channel (or a thread, owned by `ownerId`, default the bot) to a guild. */
  addChannel(guild: GuildState, c: FakeChannelInit, ownerId = this.botUser.id): ChannelState {
    const type = c.type ?? ChannelKind.Text;
    const parent = c.parentId === undefined ? undefined : this.channels.get(c.parentId);
    if (isThreadType(type) && (!parent || parent.guildId !== guild.id || parent.thread))
      throw new Error(`fake-discord: thread ${c.name} needs a parent channel in its guild`);
    const id = c.id ?? nextSnowflake();
    if (this.channels.has(id)) throw new Error(`fake-discord: channel ${id} already exists`);
    const now = new Date().toISOString();
    const channel: ChannelState = {
      id,
      name: c.name,
      guildId: guild.id,
      type,
      parentId: parent?.id ?? null,
      position: guild.channels.filter((x) => !x.thread).length,
      overwrites: [],
      flags: c.flags ?? 0,
      availableTags: (c.availableTags ?? []).map((t) => ({ id: t.id ?? nextSnowflake(), name: t.name, moderated: t.moderated ?? false })),
    };
    if (isThreadType(type)) {
      channel.thread = {
        ownerId,
        archived: c.archived ?? false,
        locked: c.locked ?? false,
        archiveTimestamp: now,
        createTimestamp: now,
        autoArchiveDuration: 4320,
        appliedTags: [],
        botJoined: c.botJoined ?? true,
        botUserId: this.botUser.id,
      };
    }
    guild.channels.push(channel);
    this.channels.set(id, channel);
    return channel;
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

  /** The DM channel with a user id, if one was opened. */
  dmOf(userId: string): DmChannel | undefined {
    return this.dmByUser.get(userId);
  }

  /** A DM channel by id. */
  dm(id: string): DmChannel | undefined {
    return this.dms.get(id);
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

  /** Permissions of a member (with roles) in a channel; a thread has its parent's. */
  permissionsIn(channel: ChannelState, memberId: string, roleIds: readonly string[] = []): bigint {
    const guild = this.byId.get(channel.guildId);
    if (!guild) return 0n;
    if (channel.thread) {
      const parent = channel.parentId === null ? undefined : this.channels.get(channel.parentId);
      return parent ? this.permissionsIn(parent, memberId, roleIds) : 0n;
    }
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
}
