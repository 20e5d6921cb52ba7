/**
 * Who acts and where: a fuzz user (editor or not), admin or not, in one of five locales,
 * in a guild channel or a DM — as fake-Discord input, or as the raw fields of a
 * hand-built payload.
 */
import type { FakeActorInput } from "../fake-discord/index.ts";
import type { Memory } from "./memory.ts";
import type { Rng } from "./prng.ts";
import { FUZZ_USERS, type FuzzUser, type FuzzWorld } from "./world.ts";

export const LOCALES = ["en-US", "zh-CN", "zh-TW", "fr", "ja"] as const;

/** Every permission bit Discord defines (what the fake gives an admin). */
const ALL_PERMISSIONS = ((1n << 53n) - 1n).toString();

export interface ActorPick {
  user: FuzzUser;
  admin: boolean;
  locale: string;
  /** null: a DM with the bot. */
  guildId: string | null;
  channelId: string | null;
}

/** A random actor; `where` pins the place (e.g. the channel of a clicked message). */
export function pickActor(rng: Rng, world: FuzzWorld, where?: { guildId: string | null; channelId: string }): ActorPick {
  const user = rng.pick(FUZZ_USERS);
  const base = { user, admin: rng.chance(0.35), locale: rng.pick(LOCALES) };
  if (where) return { ...base, ...where };
  if (rng.chance(0.15)) return { ...base, guildId: null, channelId: null };
  const guildId = rng.pick(world.guildIds);
  const guild = world.fake.guilds.find((g) => g.id === guildId)!;
  return { ...base, guildId: guild.id, channelId: rng.pick(guild.channels).id };
}

/** The actor as input for the fake's simulated actions. */
export function actorInput(a: ActorPick, withPlace = true): FakeActorInput {
  const input: FakeActorInput = { user: { id: a.user.id, username: a.user.username }, locale: a.locale, admin: a.admin };
  if (withPlace) {
    input.guildId = a.guildId;
    if (a.channelId) input.channelId = a.channelId;
  }
  return input;
}

/** The actor's fields of a hand-built INTERACTION_CREATE payload. */
export function actorPayload(a: ActorPick, memory: Memory): Record<string, unknown> {
  const user = { id: a.user.id, username: a.user.username, discriminator: "0", global_name: null, avatar: null };
  if (a.guildId === null) return { locale: a.locale, user };
  const member: Record<string, unknown> = {
    ...(memory.member ?? { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 }),
    user,
  };
  if (a.admin) member.permissions = ALL_PERMISSIONS;
  return { locale: a.locale, guild_id: a.guildId, ...(a.channelId ? { channel_id: a.channelId } : {}), member };
}
