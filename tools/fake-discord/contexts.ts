/**
 * Places a user-installed app is used outside a server it is in: group DMs (context 2, the
 * bot not a member) and servers the bot has not joined (context 0 with a guild the gateway
 * never announced). Actors there, their INTERACTION_CREATE fields, which registered commands
 * the Discord client offers there, and the follow-up cap Discord sets for such interactions.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { ApiError } from "./http.ts";
import { ALL_PERMISSIONS, EVERYONE_PERMISSIONS, Perm } from "./permissions.ts";
import type { ApiUser } from "./guilds.ts";
import type { FakeActorInput, FakeGroupDmInit, FakeGuildInit, FakeUserInit } from "./types.ts";

/**
 * What the app may do through the interaction webhook where its bot is absent: embed links,
 * attach files, mention @everyone (allowed_mentions still rules) and send polls — no channel
 * access, as Discord reports it for user installs.
 */
export const USER_APP_PERMISSIONS = Perm.EmbedLinks | Perm.AttachFiles | (1n << 17n) | (1n << 49n);

/** Discord caps follow-ups at 5 when only the user's install authorized the interaction. */
export const USER_INSTALL_MAX_FOLLOW_UPS = 5;

/** A server that installed nothing but whose member uses the app they installed for themself. */
export interface GuildWithoutBot {
  readonly id: string;
  readonly name: string;
  readonly preferredLocale: string;
  readonly channels: readonly { id: string; name: string }[];
}

/** A group DM of users; the bot is not in it. */
export interface GroupDm {
  readonly id: string;
  readonly name: string | null;
  readonly recipients: readonly ApiUser[];
  readonly ownerId: string;
}

/** The user-install places of one fake, by id and by channel id. */
export class Elsewhere {
  private readonly guilds = new Map<string, GuildWithoutBot>();
  private readonly guildByChannel = new Map<string, GuildWithoutBot>();
  private readonly groups = new Map<string, GroupDm>();

  /** A server the bot is not in: never sent in READY/GUILD_CREATE, so the client has no cache of it. */
  addGuild(init: FakeGuildInit): GuildWithoutBot {
    const id = init.id ?? nextSnowflake();
    if (this.guilds.has(id)) throw new Error(`fake-discord: guild ${id} already exists`);
    const channels = (init.channels ?? [{ name: "general" }]).map((c) => ({ id: c.id ?? nextSnowflake(), name: c.name }));
    const guild: GuildWithoutBot = { id, name: init.name ?? "Elsewhere", preferredLocale: init.preferredLocale ?? "en-US", channels };
    this.guilds.set(id, guild);
    for (const c of channels) this.guildByChannel.set(c.id, guild);
    return guild;
  }

  /** A group DM of `users` (the acting user joins it when they act there). */
  addGroupDm(init: FakeGroupDmInit, user: (u: FakeUserInit) => ApiUser): GroupDm {
    const recipients = (init.users ?? [{ id: "1100000000000000001", username: "friend" }]).map(user);
    const group: GroupDm = { id: init.id ?? nextSnowflake(), name: init.name ?? null, recipients, ownerId: recipients[0]?.id ?? nextSnowflake() };
    this.groups.set(group.id, group);
    return group;
  }

  guild(id: string): GuildWithoutBot | undefined {
    return this.guilds.get(id);
  }

  /** Whether a channel is in a user-install place (its messages get no gateway events). */
  has(channelId: string): boolean {
    return this.guildByChannel.has(channelId) || this.groups.has(channelId);
  }

  /** Where an actor acts: a group DM or a server without the bot, or undefined (a server with the bot, or a DM). */
  placeOf(
    input: FakeActorInput,
    channelId: string | undefined,
    user: (u: FakeUserInit) => ApiUser,
  ): { group: GroupDm } | { guild: GuildWithoutBot; channelId: string } | undefined {
    const group = channelId ? this.groups.get(channelId) : undefined;
    if (group) return { group };
    const byChannel = channelId ? this.guildByChannel.get(channelId) : undefined;
    const guild = byChannel ?? (input.guildId ? this.guilds.get(input.guildId) : undefined);
    if (guild) {
      const channel = channelId && byChannel ? channelId : guild.channels[0]?.id;
      if (!channel) throw new Error(`fake-discord: guild ${guild.id} has no channel`);
      return { guild, channelId: channel };
    }
    if (input.where === "group-dm") return { group: this.groups.values().next().value ?? this.addGroupDm({}, user) };
    if (input.where === "server-without-bot") {
      const first = this.guilds.values().next().value ?? this.addGuild({});
      return { guild: first, channelId: first.channels[0]!.id };
    }
    return undefined;
  }
}

/** What an actor in a user-install place adds to every interaction payload, and the channel id. */
export interface AwayFields {
  channelId: string;
  locale: string;
  guildLocale: string | null;
  permissions: bigint;
  /** INTERACTION_CREATE fields replacing the base ones (no `member` in a group DM, no `user` in a server). */
  fields: Record<string, unknown>;
}

/** The INTERACTION_CREATE fields for a user in a group DM or a server without the bot. */
export function awayFields(place: NonNullable<ReturnType<Elsewhere["placeOf"]>>, user: ApiUser, input: FakeActorInput): AwayFields {
  const locale = input.locale ?? "en-US";
  const owners = { "1": user.id };
  const appPermissions = USER_APP_PERMISSIONS.toString();
  if ("group" in place) {
    const { group } = place;
    const recipients = group.recipients.filter((r) => r.id !== user.id);
    const channel = { id: group.id, type: 3, name: group.name, icon: null, owner_id: group.ownerId, recipients, flags: 0, last_message_id: null };
    const fields = { user, channel, channel_id: group.id, app_permissions: appPermissions, authorizing_integration_owners: owners, context: 2 };
    return { channelId: group.id, locale, guildLocale: null, permissions: 0n, fields };
  }
  const { guild, channelId } = place;
  const permissions = input.admin ? ALL_PERMISSIONS : (input.permissions ?? EVERYONE_PERMISSIONS);
  const name = guild.channels.find((c) => c.id === channelId)?.name ?? "general";
  const channel = {
    id: channelId,
    type: 0,
    guild_id: guild.id,
    name,
    position: 0,
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
    permissions: permissions.toString(),
  };
  const guildLocale = input.guildLocale ?? guild.preferredLocale;
  const fields = {
    guild_id: guild.id,
    guild_locale: guildLocale,
    guild: { id: guild.id, locale: guild.preferredLocale, features: [] },
    channel,
    channel_id: channelId,
    app_permissions: appPermissions,
    authorizing_integration_owners: owners,
    context: 0,
  };
  return { channelId, locale, guildLocale, permissions, fields };
}

/**
 * Refuses a command the Discord client would not offer where the user is: one whose
 * `contexts` lack this context, or (in a place only the user's install reaches) whose
 * `integration_types` lack the user install.
 */
export function checkOffered(command: Record<string, unknown> | undefined, context: number, userInstallOnly: boolean): void {
  if (!command) return;
  const contexts = Array.isArray(command.contexts) ? command.contexts : null;
  if (contexts && !contexts.includes(context))
    throw new Error(`fake-discord: /${String(command.name)} is not offered in context ${context} (contexts ${JSON.stringify(contexts)})`);
  const types = Array.isArray(command.integration_types) ? command.integration_types : [0];
  if (userInstallOnly && !types.includes(1))
    throw new Error(`fake-discord: /${String(command.name)} is not installable for users (integration_types ${JSON.stringify(types)})`);
}

/** The follow-up cap of an interaction: 5 when only a user install authorized it, else none. */
export function followUpLimit(payload: Record<string, unknown>): number | undefined {
  const owners = payload.authorizing_integration_owners;
  if (!owners || typeof owners !== "object") return undefined;
  const keys = Object.keys(owners);
  return keys.length === 1 && keys[0] === "1" ? USER_INSTALL_MAX_FOLLOW_UPS : undefined;
}

/** Discord's answer to one follow-up too many (JSON error 40094). */
export function tooManyFollowUps(): ApiError {
  return new ApiError(400, 40094, "This interaction has hit the maximum number of follow up messages");
}
