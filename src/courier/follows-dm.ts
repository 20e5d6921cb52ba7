/**
 * Where a follow DM goes and what Discord's refusal means. The DM channel is opened (or found)
 * with POST /users/@me/channels on every use — discord.js keeps it cached — and the message is
 * posted and looked for there like any other outbox target.
 */
import { DiscordAPIError, type Client, type MessageCreateOptions } from "discord.js";
import type { FollowPause } from "../../db/follows.ts";
import type { OutboxTarget } from "../outbox/deliver.ts";
import { channelTarget } from "../outbox/channel.ts";
import { findInChannel } from "../outbox/find.ts";

/**
 * Discord's answers that pause a follower (only a person can fix them): 50007 "Cannot send
 * messages to this user" (DMs closed, or the bot blocked), 50278 (no server in common any
 * more), 10013 "Unknown User". Anything else is retried.
 */
const PAUSING: Record<number, FollowPause> = { 50007: "dm_closed", 50278: "dm_closed", 10013: "unknown_user" };

/** Why a failed DM pauses its follower, or null to try again later. */
export function dmPause(err: unknown): FollowPause | null {
  return err instanceof DiscordAPIError && typeof err.code === "number" ? (PAUSING[err.code] ?? null) : null;
}

/** What went wrong, in Discord's own words, for the ledger and the logs. */
export function dmFailureDetail(err: unknown): string {
  if (err instanceof DiscordAPIError) return `${err.status} ${err.code} ${err.message}`.slice(0, 300);
  return (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);
}

/** The outbox target of a DM to `userId`. */
export function dmTarget(client: Client, userId: string, message: (marker: string) => MessageCreateOptions): OutboxTarget {
  const channelId = async () => (await client.users.createDM(userId)).id;
  return {
    send: async (nonce) => channelTarget(client, await channelId(), message).send(nonce),
    find: async (marker, since) => findInChannel(client, await channelId(), marker, since),
  };
}
