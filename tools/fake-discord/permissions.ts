/**
 * Permission bits and Discord's channel permission algorithm.
 *
 * @module
 */

/** The permission bits the fake cares about (same values as Discord). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ChangeNickname: 1n << 26n,
  UseApplicationCommands: 1n << 31n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

/** All permission bits currently defined by Discord (used for administrators). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** Typical permissions of a fresh guild's @everyone role. */
export const EVERYONE_PERMISSIONS =
  Perm.CreateInstantInvite |
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.Connect |
  Perm.Speak |
  Perm.ChangeNickname |
  Perm.UseApplicationCommands |
  Perm.CreatePublicThreads |
  Perm.SendMessagesInThreads;

/** What the bot may do in a DM channel. */
export const DM_PERMISSIONS =
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.UseApplicationCommands;

/** A channel permission overwrite; type 0 = role, 1 = member. */
export interface Overwrite {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

/** A role as the permission algorithm needs it. */
export interface RolePerms {
  id: string;
  permissions: bigint;
}

/**
 * Computes a member's permissions in a channel like Discord does:
 * @everyone + member roles, administrator short-circuit, then @everyone, role and member overwrites.
 */
export function channelPermissions(args: {
  guildId: string;
  ownerId: string;
  roles: ReadonlyMap<string, RolePerms>;
  memberId: string;
  memberRoleIds: readonly string[];
  overwrites: readonly Overwrite[];
}): bigint {
  if (args.memberId === args.ownerId) return ALL_PERMISSIONS;
  let perms = args.roles.get(args.guildId)?.permissions ?? 0n;
  for (const roleId of args.memberRoleIds) perms |= args.roles.get(roleId)?.permissions ?? 0n;
  if ((perms & Perm.Administrator) !== 0n) return ALL_PERMISSIONS;

  const everyone = args.overwrites.find((o) => o.id === args.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const o of args.overwrites) {
    if (o.type === 0 && o.id !== args.guildId && args.memberRoleIds.includes(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const member = args.overwrites.find((o) => o.type === 1 && o.id === args.memberId);
  if (member) perms = (perms & ~member.deny) | member.allow;
  return perms;
}
