/**
 * Posting the queued alerts: the oldest pending entries, channel by channel (one channel's
 * alerts in order, several channels at once), each exactly once through the ledger. Discord
 * refusing the channel (403, 404, not a text channel) pauses that alert channel; anything else
 * is tried again on later runs, {@link MAX_ATTEMPTS} times at most. Every attempt is logged in
 * the delivery log `/recap log` reads (kind 'alert').
 */
import type { Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import { getAlertChannel, pauseAlertChannel, type AlertChannel } from "../../db/alerts.ts";
import { eventSources, eventStanding } from "../../db/event-sources.ts";
import { getEvent } from "../../db/events.ts";
import { getOutboxEntry, markOutboxFailed, pendingOutbox, type OutboxEntry } from "../../db/outbox.ts";
import { getStoryById } from "../../db/stories.ts";
import { langFromLocale, t } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { NotSendableError, channelTarget } from "../outbox/channel.ts";
import { deliverOnce, type DeliverHooks } from "../outbox/deliver.ts";
import { RateLimitCounter } from "../outbox/rate-limits.ts";
import { classifyFailure, MAX_ATTEMPTS, type Classified } from "../recap/failures.ts";
import { runBounded } from "../recap/queue.ts";
import { alertMentions, renderAlert } from "../render/alert.ts";
import { webAddress, webPaths } from "../render/web-link.ts";
import { isAlertChannel, missingAlertPermissions } from "./alert-channel.ts";
import { logAlertDelivery } from "./alert-log.ts";
import { parseAlertKey } from "./alerts.ts";

/** Channels posted to at once; discord.js paces each channel and the whole bot further. */
export const ALERT_CONCURRENCY = 4;
/** Pending entries taken per run (the rest wait for the next). */
const PER_RUN = 100;

export interface AlertDeps {
  client: Client;
  db: Db;
  log: Logger;
  now: () => number;
  publicUrl?: string;
  hooks?: DeliverHooks;
  concurrency?: number;
  halted?: () => boolean;
  /** The 429s discord.js waited out per channel, for the delivery log (set by deliverAlerts). */
  rateLimits?: RateLimitCounter;
}

/** How one entry ended. */
export type AlertOutcome = "posted" | "dropped" | "failed" | "paused" | "waiting";

/** Gives an entry up without a word in the log: there is nothing left to post it for. */
function drop(deps: AlertDeps, entry: OutboxEntry, detail: string): AlertOutcome {
  markOutboxFailed(deps.db, { id: entry.id, detail, final: true });
  deps.log.info({ key: entry.key, detail }, "alert dropped");
  return "dropped";
}

/** Discord refused the channel: alerts there stop until someone sets them up again. */
function pauseFor(deps: AlertDeps, alert: AlertChannel, entry: OutboxEntry, reason: string, detail: string): AlertOutcome {
  pauseAlertChannel(deps.db, { id: alert.id, reason, now: deps.now() });
  markOutboxFailed(deps.db, { id: entry.id, detail, final: true });
  logAlertDelivery(deps, alert, entry, { result: "paused", reason, detail });
  deps.log.warn({ alertId: alert.id, reason, detail }, "alerts paused");
  return "paused";
}

function classify(err: unknown): Classified {
  if (err instanceof NotSendableError) return { pause: "not_sendable", detail: err.message };
  return classifyFailure(err);
}

async function deliverEntry(deps: AlertDeps, entry: OutboxEntry): Promise<AlertOutcome> {
  const ids = parseAlertKey(entry.key);
  if (!ids) return drop(deps, entry, "not an alert key");
  const alert = getAlertChannel(deps.db, ids.alertId);
  if (!alert) return drop(deps, entry, "alerts were turned off");
  if (alert.pausedReason) return drop(deps, entry, `alerts are paused (${alert.pausedReason})`);
  if (alert.channelId !== entry.targetId) return drop(deps, entry, "alerts moved to another channel");
  const event = getEvent(deps.db, alert.storyId, ids.eventId);
  const story = getStoryById(deps.db, alert.storyId);
  if (!event || !story) return drop(deps, entry, "the event is no longer published");
  const guild = deps.client.guilds.cache.get(alert.guildId);
  if (!guild) return pauseFor(deps, alert, entry, "no_access", "the bot is not in this server any more");
  // An outage: nothing to pause or count; the next run tries again.
  if (!guild.available) return "waiting";
  const lang = langFromLocale(guild.preferredLocale);
  const view = {
    event,
    story,
    standing: eventStanding(deps.db, event.id),
    sources: eventSources(deps.db, event.id).length,
    roleId: alert.roleId,
    webUrl: webAddress(deps.publicUrl, webPaths.event(story.slug, event.key), lang),
  };
  const target = channelTarget(deps.client, entry.targetId, (marker) => {
    const { ephemeral: _, ...message } = renderAlert({ ...view, marker }, lang);
    return { ...message, allowedMentions: alertMentions(alert.roleId) };
  });
  try {
    // As at set-up: a lost permission pauses alerts here rather than posting an alert without its embed.
    const channel = await deps.client.channels.fetch(entry.targetId);
    if (!isAlertChannel(channel)) return pauseFor(deps, alert, entry, "not_sendable", `channel ${entry.targetId} takes no alerts`);
    const missing = missingAlertPermissions(channel, guild.members.me);
    if (missing?.length) {
      const reason = missing.includes("ViewChannel") ? "no_access" : "no_permission";
      return pauseFor(deps, alert, entry, reason, `missing ${missing.map((p) => t("en").recap.permissions[p]).join(", ")}`);
    }
    const out = await deliverOnce(deps.db, entry, target, deps.now, deps.hooks);
    if (out.how !== "recorded") logAlertDelivery(deps, alert, entry, { result: "posted", messageId: out.messageId });
    deps.log.info({ key: entry.key, how: out.how, channelId: out.channelId }, "alert posted");
    return "posted";
  } catch (err) {
    const { pause, detail } = classify(err);
    if (pause) return pauseFor(deps, alert, entry, pause, detail);
    const attempt = getOutboxEntry(deps.db, entry.id)?.attempts ?? entry.attempts;
    const final = attempt >= MAX_ATTEMPTS;
    markOutboxFailed(deps.db, { id: entry.id, detail, final });
    logAlertDelivery(deps, alert, entry, { result: "failed", attempt, detail });
    deps.log.warn({ key: entry.key, detail, attempt, of: MAX_ATTEMPTS, final }, final ? "alert given up" : "alert failed; will retry");
    return "failed";
  }
}

/** Posts the pending alerts; resolves with how each ended, in the order they were taken. */
export async function deliverAlerts(given: AlertDeps): Promise<AlertOutcome[]> {
  const deps = { ...given, rateLimits: given.rateLimits ?? new RateLimitCounter() };
  const byChannel = new Map<string, OutboxEntry[]>();
  for (const e of pendingOutbox(deps.db, "alert", PER_RUN)) byChannel.set(e.targetId, [...(byChannel.get(e.targetId) ?? []), e]);
  const outcomes: AlertOutcome[] = [];
  if (byChannel.size === 0) return outcomes;
  const unwatch = deps.rateLimits.watch(deps.client);
  try {
    await runBounded(
      [...byChannel.values()],
      deps.concurrency ?? ALERT_CONCURRENCY,
      async (entries) => {
        for (const entry of entries) {
          if (deps.halted?.()) return;
          deps.rateLimits.begin(entry.targetId);
          const out = await deliverEntry(deps, entry);
          outcomes.push(out);
          // A paused channel takes nothing more; a failure keeps this run's order for the next.
          if (out === "paused" || out === "failed" || out === "waiting") return;
        }
      },
      { halted: deps.halted, onError: (err) => deps.log.error({ err }, "alerts: a channel's delivery failed") },
    );
  } finally {
    unwatch();
  }
  return outcomes;
}
