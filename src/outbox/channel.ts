/**
 * The outbox target of a channel that takes messages (text, announcement, thread, a DM): the
 * message is sent with the entry's marker as its nonce, and looked for by that marker.
 */
import type { Client, MessageCreateOptions } from "discord.js";
import type { OutboxTarget } from "./deliver.ts";
import { findInChannel } from "./find.ts";

/** Thrown when the channel is gone or takes no messages (a pause, not a retry). */
export class NotSendableError extends Error {}

/**
 * A target posting `message(marker)` in `channelId`. `message` must print the marker (see
 * `t(lang).delivery.ref`); mentions are off unless `message` says otherwise.
 */
export function channelTarget(client: Client, channelId: string, message: (marker: string) => MessageCreateOptions): OutboxTarget {
  return {
    async send(nonce) {
      const channel = await client.channels.fetch(channelId);
      if (!channel?.isSendable()) throw new NotSendableError(`channel ${channelId} does not take messages`);
      const sent = await channel.send({ allowedMentions: { parse: [] }, ...message(nonce), nonce, enforceNonce: true });
      return { channelId: sent.channelId, messageId: sent.id };
    },
    find: (marker, since) => findInChannel(client, channelId, marker, since),
  };
}
