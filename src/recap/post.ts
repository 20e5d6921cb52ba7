/**
 * One schedule's run at one tick: the digest of what was added since its watermark up to its
 * slot, posted part by part through the outbox ledger (exactly once, also across a crash and
 * long downtime: src/outbox/deliver.ts), then the slot and the watermark recorded together.
 * Throws on failure; the scheduler classifies and records it.
 */
import { webAddress, webPaths } from "../render/web-link.ts";
import type { Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import type { OutboxEntry } from "../../db/outbox.ts";
import { recapSlotInFlight, recordRecapRun, type RecapSchedule } from "../../db/recaps.ts";
import { getStoryById } from "../../db/stories.ts";
import { langFromLocale } from "../i18n/index.ts";
import type { Posted } from "../outbox/deliver.ts";
import { renderDigest } from "../render/digest.ts";
import { buildDigest } from "./digest.ts";
import { recapDestination } from "./destination.ts";
import { RecapPauseError } from "./failures.ts";
import { postRecapParts } from "./parts.ts";
import { parseTimeOfDay, slotAfter, slotAtOrBefore } from "./slots.ts";

/**
 * Test seams: `afterSend` runs after Discord confirmed a part and before the ledger records
 * it; `beforeRecord` after every part is recorded, before the slot is.
 */
export interface RecapHooks {
  afterSend?(entry: OutboxEntry, posted: Posted): void;
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
  /** `channelId`: where the first part landed (a forum's new post); `ref`: its marker. */
  | { result: "posted"; slot: number; messageIds: string[]; events: number; channelId: string; ref: string }
  | { result: "empty"; slot: number }
  /** Replaced, paused or removed while it ran: nothing recorded. */
  | { result: "stale"; slot: number };

/**
 * Runs `schedule` at `now`: covers events added in (watermark, latest slot], so one run after
 * days of downtime catches up with a single post, and records the next slot after `now`. A
 * slot whose parts were begun and never recorded is finished first, under its own keys.
 */
export async function runRecap(deps: RunDeps, schedule: RecapSchedule, now: number): Promise<RunOutcome> {
  const time = parseTimeOfDay(schedule.time);
  if (!time) throw new RecapPauseError("unknown", `stored time "${schedule.time}" is not HH:MM`);
  const latest = slotAtOrBefore(now, time, schedule.timezone);
  const slot = Math.min(recapSlotInFlight(deps.db, schedule) ?? latest, latest);
  const nextSlot = slotAfter(now, time, schedule.timezone);
  const base = { id: schedule.id, expectNext: schedule.nextSlot, now, slot, nextSlot, watermark: slot };
  const story = getStoryById(deps.db, schedule.storyId);
  const digest = story && buildDigest(deps.db, story, Math.min(schedule.watermark, slot), slot);
  if (!digest?.events.length) {
    return { result: recordRecapRun(deps.db, { ...base, result: "empty" }) ? "empty" : "stale", slot };
  }

  const { destination, guild } = await recapDestination(deps.client, schedule, slot);
  const lang = langFromLocale(guild.preferredLocale);
  const parts = renderDigest(digest, lang, webAddress(deps.publicUrl, webPaths.story(digest.story.slug), lang));
  const posted = await postRecapParts({ client: deps.client, db: deps.db, hooks: deps.hooks }, { schedule, slot, lang, destination }, parts);
  const first = posted[0];
  if (!first) return { result: recordRecapRun(deps.db, { ...base, result: "empty" }) ? "empty" : "stale", slot };
  deps.hooks?.beforeRecord?.(schedule, slot);
  const recorded = recordRecapRun(deps.db, { ...base, result: "posted", messageId: first.messageId, channelId: first.channelId });
  if (!recorded) return { result: "stale", slot };
  return { result: "posted", slot, messageIds: posted.map((p) => p.messageId), events: digest.events.length, channelId: first.channelId, ref: first.marker };
}
