/**
 * Where a schedule's recap goes at post time: its channel, checked again (it may have changed
 * since `/recap schedule`), as a plain channel or a forum with the title and tag of the post.
 */
import { ChannelType, type Client, type Guild } from "discord.js";
import type { RecapSchedule } from "../../db/recaps.ts";
import type { Lang } from "../../db/types.ts";
import { langFromLocale, t } from "../i18n/index.ts";
import { formatDay } from "../render/format.ts";
import type { DestinationNote } from "../render/recap-status.ts";
import { RecapPauseError, type PauseCode } from "./failures.ts";
import { isRecapChannel, recapForumTag, recapRefusal, type RecapChannel, type RecapRefusal } from "./permissions.ts";
import { localDay } from "./slots.ts";

const DAY = 86_400_000;

/** A channel taking messages (text, announcement, thread), or a forum taking one post per recap. */
export type RecapDestination = { kind: "channel"; id: string } | { kind: "forum"; id: string; title: string; tags: string[] };

/** The pause code of a refusal found before posting. */
export function refusalCode(r: RecapRefusal): PauseCode {
  if (r.kind === "missing") return r.perms.includes("ViewChannel") ? "no_access" : "no_permission";
  return r.kind;
}

/** A forum post's title: "Recap · Nov 20, 2023" for the slot's date where the schedule is, in `lang`. */
export function forumPostTitle(slot: number, zone: string, lang: Lang): string {
  return t(lang).recap.postTitle(formatDay(localDay(slot, zone) * DAY + DAY / 2, lang));
}

/** The schedule's destination, or a RecapPauseError saying why the bot cannot post there. */
export async function recapDestination(client: Client, schedule: RecapSchedule, slot: number): Promise<{ destination: RecapDestination; guild: Guild }> {
  const guild = client.guilds.cache.get(schedule.guildId);
  if (!guild) throw new RecapPauseError("no_access", "the bot is not in this server any more");
  if (!guild.available) throw new Error("the server is unavailable (a Discord outage); trying again");
  const channel = await client.channels.fetch(schedule.channelId);
  if (!isRecapChannel(channel)) throw new RecapPauseError("not_sendable", `channel ${schedule.channelId} is not a channel recaps can go to`);
  const me = guild.members.me;
  const refusal = recapRefusal(channel, me);
  if (refusal) {
    const names =
      refusal.kind === "missing" ? `missing ${refusal.perms.map((p) => t("en").recap.permissions[p]).join(", ")}` : t("en").recap.reasons[refusal.kind];
    throw new RecapPauseError(refusalCode(refusal), names);
  }
  if (channel.type !== ChannelType.GuildForum) return { destination: { kind: "channel", id: channel.id }, guild };
  const tag = recapForumTag(channel, me);
  const title = forumPostTitle(slot, schedule.timezone, langFromLocale(guild.preferredLocale));
  return { destination: { kind: "forum", id: channel.id, title, tags: tag ? [tag.id] : [] }, guild };
}

/** What `/recap schedule` and `/recap status` say about a forum (title, tag) or an archived thread. */
export function destinationNote(channel: RecapChannel | null, slot: number, zone: string): DestinationNote | undefined {
  if (channel?.type === ChannelType.GuildForum) {
    const tag = recapForumTag(channel, channel.guild.members.me);
    return { kind: "forum", title: forumPostTitle(slot, zone, langFromLocale(channel.guild.preferredLocale)), tag: tag?.name ?? null };
  }
  if (channel?.isThread() && channel.archived) return { kind: "archived" };
  return undefined;
}
