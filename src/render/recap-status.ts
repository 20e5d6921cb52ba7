/** `/recap` answers other than the digest: the schedule confirmation, refusal and removal, and `/recap status`. */
import type { RecapSchedule } from "../../db/recaps.ts";
import type { Lang, Story } from "../../db/types.ts";
import { joinList, md, t, type AllStrings } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp } from "./format.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed, storyTitle } from "./theme.ts";

/** A schedule with its story (null if the story is gone) and what to say about where it posts. */
export interface ScheduleView {
  schedule: RecapSchedule;
  story: Story | null;
  destination?: DestinationNote;
}

/** A forum (each recap a new post: an example title, the tag it carries) or an archived thread. */
export type DestinationNote = { kind: "forum"; title: string; tag: string | null } | { kind: "archived" };

/** Why recaps cannot go to a channel, as `/recap schedule` refuses it (a subset of src/recap's refusals). */
export type RefusalView =
  | { kind: "missing"; perms: readonly (keyof AllStrings["recap"]["permissions"])[] }
  | { kind: "no_tag" }
  | { kind: "not_in_thread" }
  | { kind: "thread_locked" };

/** How many attempts at a slot before a schedule pauses (shown while retrying). */
export interface StatusOptions {
  maxAttempts: number;
}

/** The schedule's story title, cut, not escaped (a message function or `md` escapes it). */
function title(view: ScheduleView, lang: Lang): string {
  return view.story ? clip(storyTitle(view.story, lang), 150) : `#${view.schedule.storyId}`;
}

/** `<t:…:F> (<t:…:R>)` parts for an instant. */
function when(at: number): [string, string] {
  return [discordTimestamp(at, "F"), discordTimestamp(at, "R")];
}

/** The confirmation of `/recap schedule`: where, when, and the next post as Discord timestamps. */
export function renderScheduled(view: ScheduleView, lang: Lang): Reply {
  const s = t(lang).recap;
  const { schedule } = view;
  const lines = [
    s.scheduled(title(view, lang), `<#${schedule.channelId}>`, schedule.time, schedule.timezone),
    s.nextPost(...when(schedule.nextSlot)),
    s.firstCovers,
  ];
  if (view.destination?.kind === "forum") lines.push(s.forumPosts(clip(view.destination.title, 100), view.destination.tag && clip(view.destination.tag, 50)));
  if (view.destination?.kind === "archived") lines.push(s.archivedThread);
  return fitMessage({ content: lines.join("\n"), ephemeral: true });
}

/** Why `/recap schedule` refuses a channel: the permissions the bot lacks there, or what else stops it. */
export function refusalText(channelId: string, refusal: RefusalView, lang: Lang): string {
  const s = t(lang).recap;
  const channel = `<#${channelId}>`;
  if (refusal.kind === "no_tag") return s.noTag(channel);
  if (refusal.kind === "not_in_thread") return s.notInThread(channel);
  if (refusal.kind === "thread_locked") return s.threadLocked(channel);
  return s.missingPermissions(
    channel,
    joinList(
      refusal.perms.map((p) => `**${s.permissions[p]}**`),
      lang,
    ),
  );
}

/** `/recap off` done: the stories whose schedules were removed. */
export function renderRecapOff(removed: readonly { storyId: number; story: Story | null }[], lang: Lang): Reply {
  const titles = removed.map((r) => (r.story ? clip(storyTitle(r.story, lang), 100) : `#${r.storyId}`));
  return fitMessage({ content: t(lang).recap.off(titles), ephemeral: true });
}

/** The link that opens a message in Discord. */
export function jumpLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

function describe(view: ScheduleView, lang: Lang, opts: StatusOptions): string {
  const s = t(lang).recap;
  const sc = view.schedule;
  const lines = [`**${md(title(view, lang))}**`, s.status.where(`<#${sc.channelId}>`, sc.time, sc.timezone)];
  if (view.destination?.kind === "forum") lines.push(s.status.forum(view.destination.tag && clip(view.destination.tag, 50)));
  if (view.destination?.kind === "archived") lines.push(s.archivedThread);
  if (sc.pausedReason) {
    const reason = (s.reasons as Record<string, string>)[sc.pausedReason] ?? s.reasons.unknown;
    lines.push(s.status.paused(reason));
  } else {
    lines.push(s.status.next(...when(sc.nextSlot)));
  }
  if (sc.lastPostAt !== null && sc.lastMessageId) {
    const link = `[${s.status.jump}](${jumpLink(sc.guildId, sc.lastPostChannelId ?? sc.channelId, sc.lastMessageId)})`;
    lines.push(s.status.lastPost(discordTimestamp(sc.lastPostAt, "f"), link));
  } else {
    lines.push(s.status.noPostYet);
  }
  if (sc.lastResult === "empty" && sc.lastRunAt !== null) lines.push(s.status.lastEmpty(discordTimestamp(sc.lastRunAt, "R")));
  if (sc.lastFailure && sc.lastFailureAt !== null) {
    lines.push(s.status.lastFailure(discordTimestamp(sc.lastFailureAt, "R"), clip(sc.lastFailure, 300)));
    if (sc.lastResult === "failed" && !sc.pausedReason) lines.push(s.status.retrying(sc.failureCount, opts.maxAttempts));
  }
  return lines.join("\n");
}

/** `/recap status`: each of the server's schedules, or how to set one up. Ephemeral. */
export function renderRecapStatus(views: readonly ScheduleView[], lang: Lang, opts: StatusOptions): Reply {
  const s = t(lang).recap;
  if (!views.length) return fitMessage({ content: s.status.none, ephemeral: true });
  const description = views.map((v) => describe(v, lang, opts)).join("\n\n");
  return fitMessage({ embeds: [{ ...baseEmbed(views[0]?.story ?? null, lang), title: s.title, description }], ephemeral: true });
}
