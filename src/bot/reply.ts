import { MessageFlags, type Interaction, type InteractionReplyOptions } from "discord.js";

type Answerable = Extract<Interaction, { reply: unknown }>;

/**
 * Shows `content` to the user alone, whatever state the interaction is in: replies if it
 * was not answered, edits an ephemeral deferral, and for a public deferral removes the
 * "thinking…" placeholder and follows up privately.
 */
export async function replyPrivately(interaction: Answerable, content: string, extra: Omit<InteractionReplyOptions, "content" | "flags"> = {}): Promise<void> {
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
