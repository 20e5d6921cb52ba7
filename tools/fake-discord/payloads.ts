/**
 * Builders for INTERACTION_CREATE payloads: who acts where (actor), the common fields, and
 * slash-command / autocomplete option data with `resolved` entities.
 *
 * @module
 */
import { channelPayload, dmPayload, rolePayload } from "./guild-payloads.ts";
import { SANDBOX_USER_ID, nextSnowflake, randomToken } from "./snowflake.ts";
import { ALL_PERMISSIONS, DM_PERMISSIONS } from "./permissions.ts";
import { isRecord } from "./http.ts";
import type { FakeContext } from "./context.ts";
import type { ApiUser, ChannelState, GuildState } from "./guilds.ts";
import type { FakeActorInput, FakeUserInit } from "./types.ts";
import { awayFields } from "./contexts.ts";

export { SANDBOX_USER_ID };

/** Who acts, and where. */
export interface Actor {
  user: ApiUser;
  guild: GuildState | null;
  channel: ChannelState | null;
  channelId: string;
  channelPayload: Record<string, unknown>;
  locale: string;
  guildLocale: string | null;
  /** Member permissions in the channel. */
  permissions: bigint;
  /** In a group DM or a server without the bot: the payload fields there (tools/fake-discord/contexts.ts). */
  away?: Record<string, unknown>;
}

/** Resolved entities of options / select menus, keyed as Discord does. */
export type Resolved = Partial<Record<"users" | "members" | "roles" | "channels" | "attachments", Record<string, unknown>>>;

/** Builds users from inits, remembering them so user options can show their names. */
export class UserBook {
  private readonly users = new Map<string, ApiUser>();

  /** The API user for an init (default: the sandbox user). */
  user(init: FakeUserInit = {}): ApiUser {
    const id = init.id ?? SANDBOX_USER_ID;
    const known = this.users.get(id);
    const user: ApiUser = {
      id,
      username: init.username ?? known?.username ?? (id === SANDBOX_USER_ID ? "sandbox-user" : `user${id.slice(-4)}`),
      discriminator: "0",
      global_name: init.globalName ?? known?.global_name ?? (id === SANDBOX_USER_ID ? "Sandbox User" : null),
      avatar: null,
    };
    this.users.set(id, user);
    return user;
  }
}

/** Works out the actor of an action; `fallbackChannelId` is e.g. the clicked message's channel. */
export function resolveActor(ctx: FakeContext, book: UserBook, input: FakeActorInput, fallbackChannelId?: string): Actor {
  const user = book.user(input.user);
  const channelId = input.channelId ?? fallbackChannelId;
  const locale = input.locale ?? "en-US";
  const place = ctx.elsewhere.placeOf(input, channelId, (u) => book.user(u));
  if (place) {
    const a = awayFields(place, user, input);
    const channel = a.fields.channel as Record<string, unknown>;
    return {
      user,
      guild: null,
      channel: null,
      channelId: a.channelId,
      channelPayload: channel,
      locale: a.locale,
      guildLocale: a.guildLocale,
      permissions: a.permissions,
      away: a.fields,
    };
  }
  const dmAt = channelId ? ctx.guilds.dm(channelId) : undefined;
  if (input.guildId === null || input.where === "dm" || dmAt) {
    const dm = dmAt ?? ctx.guilds.dmWith(user);
    const perms = input.permissions ?? DM_PERMISSIONS;
    return { user, guild: null, channel: null, channelId: dm.id, channelPayload: dmPayload(dm), locale, guildLocale: null, permissions: perms };
  }
  let channel: ChannelState | undefined;
  if (channelId) {
    channel = ctx.guilds.channel(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
  } else {
    const guild = input.guildId ? ctx.guilds.guild(input.guildId) : ctx.guilds.guilds[0];
    if (!guild) throw new Error(`fake-discord: unknown guild ${input.guildId ?? "(default)"}`);
    channel = guild.channels[0];
    if (!channel) throw new Error(`fake-discord: guild ${guild.id} has no channel`);
  }
  const guild = ctx.guilds.guild(channel.guildId);
  if (!guild) throw new Error(`fake-discord: unknown guild ${channel.guildId}`);
  if (input.guildId && input.guildId !== guild.id) throw new Error(`fake-discord: channel ${channel.id} is not in guild ${input.guildId}`);
  let permissions = input.permissions ?? ctx.guilds.permissionsIn(channel, user.id);
  if (input.admin) permissions = ALL_PERMISSIONS;
  return {
    user,
    guild,
    channel,
    channelId: channel.id,
    channelPayload: { ...channelPayload(channel), permissions: permissions.toString() },
    locale,
    guildLocale: input.guildLocale ?? guild.preferredLocale,
    permissions,
  };
}

/** A guild member object (as in interactions) for a user. */
export function memberPayload(actor: Actor, user: ApiUser, withUser: boolean): Record<string, unknown> {
  const member: Record<string, unknown> = {
    roles: [],
    joined_at: new Date(Date.now() - 86_400_000).toISOString(),
    permissions: actor.permissions.toString(),
    nick: null,
    avatar: null,
    banner: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
  };
  return withUser ? { user, ...member } : member;
}

/** The fields every interaction has. */
export function basePayload(ctx: FakeContext, actor: Actor, type: number): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    id: nextSnowflake(),
    application_id: ctx.applicationId,
    type,
    token: `fake.${randomToken(60)}`,
    version: 1,
    locale: actor.locale,
    channel_id: actor.channelId,
    channel: actor.channelPayload,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (actor.away) {
    Object.assign(payload, actor.away);
    if ("guild_id" in actor.away) payload.member = memberPayload(actor, actor.user, true);
  } else if (actor.guild && actor.channel) {
    Object.assign(payload, {
      guild_id: actor.guild.id,
      guild_locale: actor.guildLocale,
      guild: { id: actor.guild.id, locale: actor.guild.preferredLocale, features: [] },
      member: memberPayload(actor, actor.user, true),
      app_permissions: ctx.guilds.botPermissionsIn(actor.channel).toString(),
      authorizing_integration_owners: { "0": actor.guild.id },
      context: 0,
    });
  } else {
    Object.assign(payload, {
      user: actor.user,
      app_permissions: DM_PERMISSIONS.toString(),
      // The bot's DM is reached by the guild install ("0": "0") and by the user's own install.
      authorizing_integration_owners: { "0": "0", "1": actor.user.id },
      context: 1,
    });
  }
  return payload;
}

/**
 * Adds the resolved entity for an id-typed option or select value (user 6, channel 7, role 8,
 * mentionable 9, attachment 11) and returns the value Discord would send.
 */
export function resolveValue(ctx: FakeContext, book: UserBook, actor: Actor, type: number, raw: string, resolved: Resolved): string {
  const put = (key: keyof Resolved, id: string, value: unknown): void => {
    (resolved[key] ??= {})[id] = value;
  };
  const role = actor.guild?.roles.get(raw);
  if (type === 8 || (type === 9 && role)) {
    if (!role) throw new Error(`fake-discord: unknown role ${raw}`);
    put("roles", raw, rolePayload(role));
  } else if (type === 6 || type === 9) {
    const user = book.user({ id: raw });
    put("users", raw, user);
    if (actor.guild) put("members", raw, memberPayload(actor, user, false));
  } else if (type === 7) {
    const channel = ctx.guilds.channel(raw);
    if (!channel) throw new Error(`fake-discord: unknown channel ${raw}`);
    put("channels", raw, {
      ...channelPayload(channel),
      permissions: ctx.guilds.permissionsIn(channel, actor.user.id).toString(),
    });
  } else if (type === 11) {
    const id = nextSnowflake();
    // A file the test attached (FakeCommandInput.files) is served by the fake itself.
    const file = ctx.pendingUploads.get(raw);
    if (file) ctx.uploads.set(id, file);
    const url = file ? `${ctx.httpUrl()}/attachments/${id}/${encodeURIComponent(raw)}` : `https://cdn.discordapp.com/ephemeral-attachments/${id}/${raw}`;
    put("attachments", id, {
      id,
      filename: raw,
      size: file?.data.length ?? 0,
      url,
      proxy_url: file ? url : `https://media.discordapp.net/ephemeral-attachments/${id}/${raw}`,
      content_type: file?.contentType ?? "application/octet-stream",
    });
    return id;
  }
  return raw;
}

/** Registered option definitions under a command / group / subcommand, if the command is registered. */
export function optionDefinitions(command: Record<string, unknown> | undefined, group?: string, sub?: string): Record<string, unknown>[] | undefined {
  if (!command) return undefined;
  let options = Array.isArray(command.options) ? command.options.filter(isRecord) : [];
  for (const [name, type] of [
    [group, 2],
    [sub, 1],
  ] as const) {
    if (name === undefined) continue;
    const found = options.find((o) => o.name === name && o.type === type);
    if (!found) throw new Error(`fake-discord: command ${String(command.name)} has no ${type === 2 ? "group" : "subcommand"} ${name}`);
    options = Array.isArray(found.options) ? found.options.filter(isRecord) : [];
  }
  return options;
}
