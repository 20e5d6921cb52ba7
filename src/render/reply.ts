import { MessageFlags } from "discord.js";
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

/** One row of buttons or one select menu. */
export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/**
 * A message as renderers return it: plain JSON, ready for `reply`, `editReply`, `update`
 * or `followUp`. `ephemeral` is a hint for notices only the caller should see; turn it
 * into flags with {@link replyOptions} when replying.
 */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRow[];
  ephemeral?: boolean;
}

/** An autocomplete choice (string options). */
export interface Choice {
  name: string;
  value: string;
}

/**
 * The options for `interaction.reply` / `followUp`: the reply with `ephemeral` turned into
 * `MessageFlags.Ephemeral` (discord.js deprecates the `ephemeral` option).
 */
export function replyOptions(reply: Reply): Omit<Reply, "ephemeral"> & { flags?: MessageFlags.Ephemeral } {
  const { ephemeral, ...rest } = reply;
  return ephemeral ? { ...rest, flags: MessageFlags.Ephemeral } : rest;
}

/**
 * The options for `editReply` / `update`, which cannot change whether a message is
 * ephemeral: the reply without the hint, with missing parts set empty so the edit
 * replaces the whole message (old text or buttons do not linger).
 */
export function editOptions(reply: Reply): Required<Omit<Reply, "ephemeral">> {
  return { content: reply.content ?? "", embeds: reply.embeds ?? [], components: reply.components ?? [] };
}
