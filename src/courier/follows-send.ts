/**
 * Sending one follow DM (an outbox entry of kind 'follow'): its events rendered in the
 * follower's language, delivered exactly once through the ledger (src/outbox/deliver.ts).
 * A refusal that only the follower can fix (closed DMs) pauses them; the entry and its rows
 * stay for when they resume.
 */
import type { Client } from "discord.js";
import { eventStandings } from "../../db/event-sources.ts";
import { getEvent } from "../../db/events.ts";
import { bundledFollows } from "../../db/follow-queue.ts";
import { followsOf, getFollowUser, pauseFollowUser } from "../../db/follows.ts";
import { markOutboxFailed, type OutboxEntry } from "../../db/outbox.ts";
import { getStoryById } from "../../db/stories.ts";
import type { BotContext } from "../context.ts";
import { langFromLocale } from "../i18n/index.ts";
import { deliverOnce, type DeliverHooks } from "../outbox/deliver.ts";
import { eventCommandText, followReason, renderFollowDm, type FollowDmItem } from "../render/follow-dm.ts";
import { webAddress, webPaths } from "../render/web-link.ts";
import { dmFailureDetail, dmPause, dmTarget } from "./follows-dm.ts";
import { FOLLOW_MAX_ATTEMPTS } from "./follows-limits.ts";

export type SendOutcome = "sent" | "found" | "recorded" | "paused" | "skipped" | "failed" | "empty";

/** Sends `entry` unless its follower is paused; never throws. */
export async function sendFollowDm(
  client: Client,
  ctx: BotContext,
  entry: OutboxEntry,
  opts: { eventCommandId: string | null; hooks?: DeliverHooks },
): Promise<SendOutcome> {
  const { db, log } = ctx;
  const user = getFollowUser(db, entry.targetId);
  if (user?.pausedAt) return "skipped";
  const lang = langFromLocale(user?.locale);
  const follows = followsOf(db, entry.targetId);
  const bundle = bundledFollows(db, entry.id);
  const items = bundle.flatMap((b) => {
    const event = getEvent(db, b.storyId, b.eventId);
    const story = getStoryById(db, b.storyId);
    if (!event || !story) return [];
    const item: FollowDmItem = {
      event,
      standing: eventStandings(db, [event.id]).get(event.id),
      story: { slug: story.slug, title: story.title },
      webUrl: webAddress(ctx.config.PUBLIC_URL, webPaths.event(story.slug, event.key), lang),
    };
    return [{ item, reason: followReason(follows, event) }];
  });
  if (items.length === 0 && entry.attemptedAt === null) {
    // Every event it carried was deleted before it went out: nothing to say.
    markOutboxFailed(db, { id: entry.id, detail: "no events left", final: true });
    return "empty";
  }
  const eventCommand = (key: string) => eventCommandText(opts.eventCommandId, key);
  const target = dmTarget(client, entry.targetId, (marker) => {
    const reply = renderFollowDm(items, lang, { marker, eventCommand });
    return { embeds: reply.embeds ?? [] };
  });
  try {
    const done = await deliverOnce(db, entry, target, ctx.now, opts.hooks);
    log.info({ outbox: entry.key, events: items.length, how: done.how }, "follow DM delivered");
    return done.how;
  } catch (err) {
    const detail = dmFailureDetail(err);
    const pause = dmPause(err);
    if (pause) {
      db.transaction(() => {
        markOutboxFailed(db, { id: entry.id, detail, final: false });
        pauseFollowUser(db, { userId: entry.targetId, reason: pause, now: ctx.now() });
      })();
      log.info({ outbox: entry.key, detail }, "follow DMs paused: Discord refused the DM");
      return "paused";
    }
    const final = entry.attempts + 1 >= FOLLOW_MAX_ATTEMPTS;
    markOutboxFailed(db, { id: entry.id, detail, final });
    log.warn({ err, outbox: entry.key, final }, "follow DM failed");
    return "failed";
  }
}
