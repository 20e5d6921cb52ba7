/**
 * The one-time notice after follow DMs were paused: at the follower's next command, after its
 * answer, an ephemeral follow-up in their language says why and how to turn them back on.
 * Marked given only once it was sent, so a failed follow-up is tried at the next command.
 */
import type { ChatInputCommandInteraction } from "discord.js";
import { followNoticeDue, markFollowNoticeGiven } from "../../db/follows.ts";
import type { BotContext } from "../context.ts";
import { langFromLocale, t } from "../i18n/index.ts";
import { replyOptions } from "../render/index.ts";
import { pauseReason, renderFollowNote } from "../render/follows.ts";

/** Tells the user why their follow DMs are paused, once; nothing if not due or the command answered with no message. */
export async function tellFollowPause(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  // `ephemeral` is set by a reply or a defer, not by a modal (a follow-up to a modal has no
  // message to follow; the notice then waits for the next command).
  if (interaction.ephemeral === null) return;
  const reason = followNoticeDue(ctx.db, interaction.user.id);
  if (!reason) return;
  const lang = langFromLocale(interaction.locale);
  await interaction.followUp(replyOptions(renderFollowNote([t(lang).follows.notice(pauseReason(reason, lang))])));
  markFollowNoticeGiven(ctx.db, { userId: interaction.user.id });
}
