import { MessageFlags, type Interaction, type InteractionReplyOptions } from "discord.js";
import { LIMITS, truncate } from "../render/index.ts";

type Answerable = Extract<Interaction, { reply: unknown }>;

/**
 * Shows `text` to the user alone (cut to Discord's 2,000 characters, broken surrogate
 * pairs replaced), whatever state the interaction is in: replies if it
 * was not answered, edits an ephemeral deferral, and for a public deferral removes the
 * "thinking…" placeholder and follows up privately.
 */
export async function replyPrivately(interaction: Answerable, text: string, extra: Omit<InteractionReplyOptions, "content" | "flags"> = {}): Promise<void> {
  // Refusals may quote what the user typed: keep them inside Discord's limits and well-formed.
  const content = truncate(text, LIMITS.content);
  const payload = { ...extra, content, flags: MessageFlags.Ephemeral as const };
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(payload);
    return;
  }
  if (interaction.deferred && !interaction.replied) {
    if (interaction.ephemeral) {
      await interaction.editReply({ ...extra, content });
      return;
    }
    await interaction.deleteReply().catch(() => undefined);
  }
  await interaction.followUp(payload);
}
