/**
 * One schedule's run at one tick: the digest of what was added since its watermark up to its
 * latest slot, posted part by part with a nonce per part, then the slot and the watermark
 * recorded together. Throws on failure; the scheduler classifies and records it.
 */
import { webAddress, webPaths } from "../render/web-link.ts";
import type { Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import { recordRecapRun, type RecapSchedule } from "../../db/recaps.ts";
import { getStoryById } from "../../db/stories.ts";
import { langFromLocale, t } from "../i18n/index.ts";
import { renderDigest } from "../render/digest.ts";
import { buildDigest } from "./digest.ts";
import { RecapPauseError } from "./failures.ts";
import { recapNonce } from "./nonce.ts";
import { isRecapChannel, missingPostPermissions } from "./permissions.ts";
import { parseTimeOfDay, slotAfter, slotAtOrBefore } from "./slots.ts";

/** Test seams: `beforeRecord` runs after Discord confirmed every part, before the write. */
export interface RecapHooks {
  beforeRecord?(schedule: RecapSchedule, slot: number): void;
}

/** What a run needs: the logged-in client (its guild and channel caches) and the database. */
export interface RunDeps {
  client: Client;
  db: Db;
  hooks?: RecapHooks;
  /** PUBLIC_URL: the recap then ends with a "Read on the web" button to the story's page. */
  publicUrl?: string;
}

/** How a run ended (a run that throws failed). */
export type RunOutcome =
  | { result: "posted"; slot: number; messageIds: string[]; events: number }
  | { result: "empty"; slot: number }
  /** Replaced, paused or removed while it ran: nothing recorded. */
  | { result: "stale"; slot: number };

/**
 * Runs `schedule` at `now`: covers events added in (watermark, latest slot], so one run after
 * days of downtime catches up with a single post, and records the next slot after `now`.
 */
export async function runRecap(deps: RunDeps, schedule: RecapSchedule, now: number): Promise<RunOutcome> {
  const time = parseTimeOfDay(schedule.time);
  if (!time) throw new RecapPauseError("unknown", `stored time "${schedule.time}" is not HH:MM`);
  const slot = slotAtOrBefore(now, time, schedule.timezone);
  const nextSlot = slotAfter(now, time, schedule.timezone);
  const base = { id: schedule.id, expectNext: schedule.nextSlot, now, slot, nextSlot, watermark: slot };
  const story = getStoryById(deps.db, schedule.storyId);
  const digest = story && buildDigest(deps.db, story, Math.min(schedule.watermark, slot), slot);
  if (!digest?.events.length) {
    return { result: recordRecapRun(deps.db, { ...base, result: "empty" }) ? "empty" : "stale", slot };
  }

  const guild = deps.client.guilds.cache.get(schedule.guildId);
  if (!guild) throw new RecapPauseError("no_access", "the bot is not in this server any more");
  if (!guild.available) throw new Error("the server is unavailable (a Discord outage); trying again");
  const channel = await deps.client.channels.fetch(schedule.channelId);
  if (!isRecapChannel(channel)) throw new RecapPauseError("not_sendable", `channel ${schedule.channelId} is not a text channel`);
  const missing = missingPostPermissions(channel, guild.members.me);
  if (missing?.length) {
    const names = missing.map((p) => t("en").recap.permissions[p]).join(", ");
    throw new RecapPauseError(missing.includes("ViewChannel") ? "no_access" : "no_permission", `missing ${names}`);
  }

  const lang = langFromLocale(guild.preferredLocale);
  const parts = renderDigest(digest, lang, webAddress(deps.publicUrl, webPaths.story(digest.story.slug), lang));
  const messageIds: string[] = [];
  for (const [i, part] of parts.entries()) {
    const sent = await channel.send({
      content: part.content,
      embeds: part.embeds ?? [],
      components: part.components ?? [],
      nonce: recapNonce(schedule.id, schedule.guildId, slot, i),
      enforceNonce: true,
      allowedMentions: { parse: [] },
    });
    messageIds.push(sent.id);
  }
  deps.hooks?.beforeRecord?.(schedule, slot);
  const recorded = recordRecapRun(deps.db, { ...base, result: "posted", messageId: messageIds[0] ?? "", channelId: channel.id });
  return recorded ? { result: "posted", slot, messageIds, events: digest.events.length } : { result: "stale", slot };
}
