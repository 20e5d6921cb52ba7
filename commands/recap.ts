import type { ChatInputCommandInteraction } from "discord.js";
import { recapSchedulesOf, removeRecapSchedules, upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryById } from "../db/stories.ts";
import type { Lang } from "../db/types.ts";
import type { BotContext, Command } from "../src/context.ts";
import { UserError } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { requireManageGuild, requireStory } from "../src/resolvers/story.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { buildDigest } from "../src/recap/digest.ts";
import { MAX_ATTEMPTS } from "../src/recap/failures.ts";
import { destinationNote } from "../src/recap/destination.ts";
import { isRecapChannel, recapRefusal, RECAP_CHANNEL_TYPES } from "../src/recap/permissions.ts";
import { formatTimeOfDay, parseTimeOfDay, slotAfter } from "../src/recap/slots.ts";
import { renderDigest } from "../src/render/digest.ts";
import { latestDeliveries } from "../db/recap-deliveries.ts";
import { renderRecapLog } from "../src/render/recap-log.ts";
import { refusalText, renderRecapOff, renderRecapStatus, renderScheduled } from "../src/render/recap-status.ts";
import { clip, replyOptions } from "../src/render/index.ts";
import { webAddress, webPaths } from "../src/render/web-link.ts";
import { focusedText, optionText, requiredText } from "../src/command-kit/options.ts";
import { zoneAutocomplete, zoneFromOption } from "../src/resolvers/zone.ts";

const HOUR = 3_600_000;
const MIN_HOURS = 1;
const MAX_HOURS = 168;
const DEFAULT_HOURS = 24;
/** A new schedule's first recap covers the day before it was set up. */
const FIRST_LOOKBACK = 24 * HOUR;
/** Deliveries `/recap log` shows. */
const LOG_SIZE = 20;

/** User input quoted back in an error: one line, short (the message escapes it). */
const quoted = (text: string) => clip(text, 60);

async function now(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  const hours = interaction.options.getInteger("hours") ?? DEFAULT_HOURS;
  // Discord enforces the range; a payload that gets past it is refused, not trusted.
  if (!Number.isInteger(hours) || hours < MIN_HOURS || hours > MAX_HOURS) throw new UserError(t(lang).recap.badHours);
  const story = requireStory(ctx, interaction, lang);
  const until = ctx.now();
  const parts = renderDigest(
    buildDigest(ctx.db, story, until - hours * HOUR, until),
    lang,
    webAddress(ctx.config.PUBLIC_URL, webPaths.story(story.slug), lang),
  );
  const [first, ...rest] = parts;
  if (!first) throw new UserError(t(lang).recap.nothingNew(hours));
  await interaction.reply(replyOptions(first));
  for (const part of rest) await interaction.followUp(replyOptions(part));
}

async function schedule(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  const s = t(lang).recap;
  requireManageGuild(interaction, lang);
  const guild = interaction.guild;
  if (!guild) throw new UserError(t(lang).errors.guildOnly);
  const rawTime = requiredText(interaction, "time");
  const time = parseTimeOfDay(rawTime);
  if (!time) throw new UserError(s.badTime(quoted(rawTime)));
  const zone = zoneFromOption(optionText(interaction, "timezone") ?? "UTC", lang);
  const picked = interaction.options.getChannel("channel", true);
  const channel = guild.channels.cache.get(picked.id) ?? (await guild.channels.fetch(picked.id).catch(() => null));
  if (!isRecapChannel(channel)) throw new UserError(s.notTextChannel);
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const refusal = recapRefusal(channel, me);
  if (refusal) throw new UserError(refusalText(channel.id, refusal, lang));
  const story = requireStory(ctx, { guildId: guild.id }, lang);
  const at = ctx.now();
  const saved = upsertRecapSchedule(ctx.db, {
    guildId: guild.id,
    storyId: story.id,
    channelId: channel.id,
    time: formatTimeOfDay(time),
    timezone: zone,
    userId: interaction.user.id,
    now: at,
    nextSlot: slotAfter(at, time, zone),
    watermark: at - FIRST_LOOKBACK,
  });
  await interaction.reply(replyOptions(renderScheduled({ schedule: saved, story, destination: destinationNote(channel, saved.nextSlot, zone) }, lang)));
}

async function off(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  requireManageGuild(interaction, lang);
  const removed = removeRecapSchedules(ctx.db, interaction.guildId!);
  if (!removed.length) throw new UserError(t(lang).recap.offNone);
  const stories = removed.map((r) => ({ storyId: r.storyId, story: getStoryById(ctx.db, r.storyId) }));
  await interaction.reply(replyOptions(renderRecapOff(stories, lang)));
}

async function status(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  if (!interaction.inGuild()) throw new UserError(t(lang).errors.guildOnly);
  const cached = (id: string) => {
    const c = interaction.guild?.channels.cache.get(id) ?? null;
    return isRecapChannel(c) ? c : null;
  };
  const views = recapSchedulesOf(ctx.db, interaction.guildId).map((schedule) => ({
    schedule,
    story: getStoryById(ctx.db, schedule.storyId),
    destination: destinationNote(cached(schedule.channelId), schedule.nextSlot, schedule.timezone),
  }));
  await interaction.reply(replyOptions(renderRecapStatus(views, lang, { maxAttempts: MAX_ATTEMPTS })));
}

async function log(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  requireManageGuild(interaction, lang);
  await interaction.reply(replyOptions(renderRecapLog(latestDeliveries(ctx.db, interaction.guildId!, LOG_SIZE), MAX_ATTEMPTS, lang)));
}

const handlers = { now, schedule, off, status, log } as const;

/**
 * `/recap now [hours]` and `status` (everyone), `schedule`, `off` and `log` (Manage Server).
 *
 * Permissions: subcommands cannot carry their own default_member_permissions, and setting
 * ManageGuild on `/recap` would hide `now` and `status` from ordinary members. So the command
 * sets none, and `schedule` and `off` check Manage Server at run time (requireManageGuild,
 * which also refuses DMs); their descriptions say so, and a server can still restrict the
 * whole command in its integration settings.
 */
export default {
  data: slash("recap")
    .addSubcommand((sc) => named(sc, "recap.now").addIntegerOption((o) => named(o, "recap.now.hours").setMinValue(MIN_HOURS).setMaxValue(MAX_HOURS)))
    .addSubcommand((sc) =>
      named(sc, "recap.schedule")
        .addChannelOption((o) =>
          named(o, "recap.schedule.channel")
            .setRequired(true)
            .addChannelTypes(...RECAP_CHANNEL_TYPES),
        )
        .addStringOption((o) => named(o, "recap.schedule.time").setRequired(true).setMaxLength(20))
        .addStringOption((o) => named(o, "recap.schedule.timezone").setAutocomplete(true).setMaxLength(64)),
    )
    .addSubcommand((sc) => named(sc, "recap.off"))
    .addSubcommand((sc) => named(sc, "recap.status"))
    .addSubcommand((sc) => named(sc, "recap.log")),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const sub = interaction.options.getSubcommand() as keyof typeof handlers;
    const handler = handlers[sub];
    if (!handler) throw new UserError(t(lang).errors.expired);
    await handler(interaction, ctx, lang);
  },

  async autocomplete(interaction, ctx) {
    const focused = focusedText(interaction);
    if (focused.name !== "timezone") return interaction.respond([]);
    await interaction.respond(zoneAutocomplete(focused.value, ctx.now()));
  },
} satisfies Command;
