import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { alertChannelsOfGuild, removeAlertChannels, saveAlertChannel } from "../db/alerts.ts";
import { latestPublicationSeq } from "../db/publications.ts";
import { getStoryById } from "../db/stories.ts";
import type { Lang } from "../db/types.ts";
import { UserError, type Command, type BotContext } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { ALERT_CHANNEL_TYPES, canPing, isAlertChannel, missingAlertPermissions } from "../src/courier/alert-channel.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { replyOptions } from "../src/render/index.ts";
import { missingAlertPermissionsText, renderAlertSet, renderAlertStatus, renderAlertsOff } from "../src/render/alert-status.ts";
import { requireManageGuild, requireStory } from "../src/resolvers/story.ts";

const DEFAULT_MIN_IMPORTANCE = 4;

async function set(interaction: ChatInputCommandInteraction<"cached" | "raw">, ctx: BotContext, lang: Lang): Promise<void> {
  const s = t(lang).alerts;
  const guild = interaction.guild;
  if (!guild) throw new UserError(t(lang).errors.guildOnly);
  const min = interaction.options.getInteger("min_importance") ?? DEFAULT_MIN_IMPORTANCE;
  // Discord enforces the range; a payload that gets past it is refused, not trusted.
  if (!Number.isInteger(min) || min < 1 || min > 5) throw new UserError(s.badImportance);
  const role = interaction.options.getRole("role");
  if (role && role.id === guild.id) throw new UserError(s.everyoneRole);
  const picked = interaction.options.getChannel("channel", true);
  const channel = guild.channels.cache.get(picked.id) ?? (await guild.channels.fetch(picked.id).catch(() => null));
  if (!isAlertChannel(channel)) throw new UserError(s.notAlertChannel);
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const missing = missingAlertPermissions(channel, me) ?? [];
  if (missing.length) throw new UserError(missingAlertPermissionsText(channel.id, missing, lang));
  if (role && !canPing(channel, me, role)) throw new UserError(s.roleNotMentionable(`<@&${role.id}>`, `<#${channel.id}>`));
  const story = requireStory(ctx, interaction, lang);
  const saved = saveAlertChannel(ctx.db, {
    guildId: guild.id,
    storyId: story.id,
    channelId: channel.id,
    minImportance: min,
    roleId: role?.id ?? null,
    sinceSeq: latestPublicationSeq(ctx.db),
    now: ctx.now(),
  });
  await interaction.reply(replyOptions(renderAlertSet(saved, story, lang)));
}

/**
 * `/alerts channel: [min_importance:] [role:]` sets where the server's story's major
 * developments are posted, `/alerts off:True` stops them, `/alerts` alone shows the setting.
 * Manage Server, checked at run time too (a server can override default permissions).
 */
export default {
  data: slash("alerts")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addChannelOption((o) => named(o, "alerts.channel").addChannelTypes(...ALERT_CHANNEL_TYPES))
    .addIntegerOption((o) => named(o, "alerts.min_importance").setMinValue(1).setMaxValue(5))
    .addRoleOption((o) => named(o, "alerts.role"))
    .addBooleanOption((o) => named(o, "alerts.off")),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    requireManageGuild(interaction, lang);
    if (!interaction.inGuild()) throw new UserError(t(lang).errors.guildOnly);
    const s = t(lang).alerts;
    const off = interaction.options.getBoolean("off") === true;
    const hasChannel = interaction.options.get("channel") !== null;
    const tuning = interaction.options.get("min_importance") !== null || interaction.options.get("role") !== null;
    if (off && (hasChannel || tuning)) throw new UserError(s.offWithOthers);
    if (off) {
      await interaction.reply(replyOptions(renderAlertsOff(removeAlertChannels(ctx.db, interaction.guildId).length, lang)));
      return;
    }
    if (hasChannel) return set(interaction, ctx, lang);
    if (tuning) throw new UserError(s.needChannel);
    const alerts = alertChannelsOfGuild(ctx.db, interaction.guildId).map((alert) => ({ alert, story: getStoryById(ctx.db, alert.storyId) }));
    await interaction.reply(replyOptions(renderAlertStatus(alerts, lang)));
  },
} satisfies Command;
