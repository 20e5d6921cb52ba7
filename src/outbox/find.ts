/**
 * Finding a message the bot already posted, by its outbox marker: the channel's messages since
 * a time, a few pages of 100 at most (a restart looks back at the attempts it did not record;
 * a channel busier than that since the attempt is not searched further — see the README).
 */
import { SnowflakeUtil, type Client, type Message } from "discord.js";
import type { Posted } from "./deliver.ts";

/** Pages of 100 messages looked through. */
export const FIND_PAGES = 5;

/** Whether the bot's `message` carries `marker` (in its text or an embed's footer or description). */
export function carriesMarker(message: Pick<Message, "content" | "embeds">, marker: string): boolean {
  if (message.content.includes(marker)) return true;
  return message.embeds.some((e) => Boolean(e.footer?.text.includes(marker) || e.description?.includes(marker)));
}

/** The bot's message carrying `marker` in channel `channelId` since `since` (ms), or null (also when the channel is gone). */
export async function findInChannel(client: Client, channelId: string, marker: string, since: number): Promise<Posted | null> {
  const channel = await client.channels.fetch(channelId).catch(() => null);
  if (!channel?.isTextBased() || !("messages" in channel)) return null;
  let after = SnowflakeUtil.generate({ timestamp: Math.max(Number(SnowflakeUtil.epoch) + 1, since) }).toString();
  for (let page = 0; page < FIND_PAGES; page++) {
    const batch = await channel.messages.fetch({ after, limit: 100, cache: false });
    if (batch.size === 0) return null;
    for (const m of batch.values()) {
      if (m.author.id === client.user?.id && carriesMarker(m, marker)) return { channelId, messageId: m.id };
    }
    after = [...batch.keys()].reduce((a, b) => (BigInt(a) > BigInt(b) ? a : b));
  }
  return null;
}
