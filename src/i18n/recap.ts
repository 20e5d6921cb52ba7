/**
 * User-facing strings of the recap feature, in both languages. `zh` is typed by `en`, so a
 * key missing in Chinese is a compile error. Reached through `t(lang).recap`. Text
 * parameters (titles, names, what was typed, times and zones, a stored failure) are escaped
 * here (see en.ts); Discord timestamps, channel mentions, links, `perms` and `reason` are
 * Markdown already.
 */
import { joinList } from "./list.ts";
import { md } from "./markdown.ts";

/** English recap strings; the reference shape. */
const en = {
  title: "Recap",
  digestTitle: (story: string) => `Recap · ${md(story)}`,
  part: (part: number, parts: number) => `(${part}/${parts})`,
  covering: (from: string, to: string, n: number) => `What was added to the story from ${from} to ${to}: ${n === 1 ? "1 new event" : `${n} new events`}.`,
  mostMentioned: "Most mentioned",
  mentioned: (name: string, n: number) => `${md(name)} ×${n}`,
  more: (n: number) => `…and ${n} more — see \`/timeline\``,
  nothingNew: (hours: number) => (hours === 1 ? "Nothing new in the last hour." : `Nothing new in the last ${hours} hours.`),
  badHours: "Choose between 1 and 168 hours (one week).",
  badTime: (value: string) => `“${md(value)}” is not a time of day. Use HH:MM on the 24-hour clock, from 00:00 to 23:59 — for example 08:30 or 18:00.`,
  badZone: (value: string) =>
    `“${md(value)}” is not a time zone I know. Use an IANA name such as Asia/Shanghai or America/New_York, UTC or an offset such as UTC+8 or UTC-03:30, or a city such as 上海 — start typing to see suggestions.`,
  notTextChannel: "Choose a text, announcement or forum channel, or a thread.",
  missingPermissions: (channel: string, perms: string) =>
    `I can't post recaps in ${channel}: I'm missing ${perms} there. Give me those permissions in that channel, then schedule again.`,
  permissions: {
    ViewChannel: "View Channel",
    SendMessages: "Send Messages",
    SendMessagesInThreads: "Send Messages in Threads",
    EmbedLinks: "Embed Links",
    ReadMessageHistory: "Read Message History",
  },
  noTag: (forum: string) =>
    `I can't post recaps in ${forum}: the forum requires a tag on every post and has none I may apply (moderated tags need Manage Threads). Add a tag, for example “Recap”, then schedule again.`,
  notInThread: (thread: string) =>
    `I can't post in ${thread}: it is a private thread and I'm not in it. Mention me in the thread to add me (or give me Manage Threads), then schedule again.`,
  threadLocked: (thread: string) => `${thread} is archived and locked, so I can't post there. Unlock it (or give me Manage Threads), then schedule again.`,
  forumPosts: (title: string, tag: string | null) =>
    `Each recap will be a new post in the forum, titled like “${md(title)}”${tag ? `, with the tag “${md(tag)}”` : ""}.`,
  archivedThread: "The thread is archived: each recap reopens it, as Discord unarchives a thread when a message is posted in it.",
  /** A forum post's title: the recap's date (plain text, not Markdown). */
  postTitle: (day: string) => `Recap · ${day}`,
  scheduled: (story: string, channel: string, time: string, zone: string) =>
    `The daily recap of **${md(story)}** will be posted in ${channel} every day at ${md(time)} (${md(zone)}).`,
  firstCovers: "The first one covers what was added in the day before this schedule was set, and each one after it what is new since the last.",
  nextPost: (full: string, relative: string) => `Next post: ${full} (${relative}).`,
  off: (titles: readonly string[]) => `The daily recap is off (${joinList(titles.map(md), "en")}).`,
  offNone: "There is no daily recap to turn off in this server.",
  status: {
    none: "No daily recap is scheduled in this server. Someone with Manage Server can set one up with `/recap schedule`.",
    where: (channel: string, time: string, zone: string) => `${channel}, every day at ${md(time)} (${md(zone)})`,
    next: (full: string, relative: string) => `Next post: ${full} (${relative})`,
    lastPost: (when: string, link: string) => `Last post: ${when} — ${link}`,
    jump: "go to it",
    noPostYet: "No recap has been posted yet.",
    lastEmpty: (when: string) => `Last run ${when}: nothing new, so nothing was posted.`,
    lastFailure: (when: string, what: string) => `Last failure ${when}: ${md(what)}`,
    retrying: (n: number, max: number) => `Trying again every minute (${n} of ${max} attempts failed).`,
    paused: (reason: string) => `⏸ **Paused**: ${reason}. Fix that, then run \`/recap schedule\` again to resume; nothing new will be missed.`,
    forum: (tag: string | null) => (tag ? `Each recap is a new post tagged “${md(tag)}”.` : "Each recap is a new post (no tag)."),
  },
  /** Why a schedule is paused, by the code stored with it. */
  log: {
    title: "Recap and alert deliveries",
    intro: (n: number) => `The last ${n === 1 ? "delivery" : `${n} deliveries`} of this server's scheduled recaps and alerts, newest first:`,
    empty: "No scheduled recap or alert has been delivered or tried here yet. Set them up with `/recap schedule` and `/alerts`.",
    posted: (link: string) => `✅ posted — [open the recap](${link})`,
    failed: (attempt: number, of: number, detail: string) => `⚠️ failed (attempt ${attempt} of ${of}, tried again next minute): ${md(detail)}`,
    paused: (reason: string, detail: string) => `⏸️ paused: ${reason} — ${md(detail)}`,
    rateLimited: (n: number) => ` (rate limited ${n === 1 ? "once" : `${n} times`}, retried)`,
    ref: (marker: string) => ` · ref \`${marker}\``,
    alertPosted: (link: string) => `🔔 alert posted — [open the alert](${link})`,
    alertFailed: (attempt: number, of: number, detail: string) =>
      attempt >= of
        ? `⚠️ alert given up (attempt ${attempt} of ${of}): ${md(detail)}`
        : `⚠️ alert failed (attempt ${attempt} of ${of}, tried again within seconds): ${md(detail)}`,
    alertPaused: (reason: string, detail: string) => `⏸️ alerts paused: ${reason} — ${md(detail)}`,
  },
  reasons: {
    no_access: "I can't see the channel (Missing Access)",
    no_permission: "I'm not allowed to post in the channel (Missing Permissions)",
    channel_gone: "the channel no longer exists",
    not_sendable: "the channel is not a text channel",
    no_tag: "the forum requires a tag and has none I may apply",
    not_in_thread: "I'm not in the private thread",
    thread_locked: "the thread is archived and locked",
    failing: "posting kept failing",
    unknown: "posting failed",
  },
};

/** The shape of the recap strings. */
export type RecapStrings = typeof en;

const zh: RecapStrings = {
  title: "动态摘要",
  digestTitle: (story: string) => `动态摘要 · ${md(story)}`,
  part: (part: number, parts: number) => `（${part}/${parts}）`,
  covering: (from: string, to: string, n: number) => `${from} 至 ${to} 期间新加入的事件，共 ${n} 个。`,
  mostMentioned: "提及最多",
  mentioned: (name: string, n: number) => `${md(name)} ×${n}`,
  more: (n: number) => `……还有 ${n} 个，请用 \`/timeline\` 查看`,
  nothingNew: (hours: number) => `最近 ${hours} 小时内没有新动态。`,
  badHours: "请选择 1 到 168 小时（一周）。",
  badTime: (value: string) => `“${md(value)}”不是有效的时间。请用 24 小时制的 HH:MM，从 00:00 到 23:59，例如 08:30 或 18:00。`,
  badZone: (value: string) =>
    `无法识别时区“${md(value)}”。请使用 IANA 时区名称（如 Asia/Shanghai、America/New_York）、UTC 或 UTC+8、UTC-03:30 这样的时差，或上海、纽约等城市名——输入时会显示建议。`,
  notTextChannel: "请选择文字频道、公告频道、论坛频道或子区。",
  missingPermissions: (channel: string, perms: string) => `我无法在 ${channel} 发布摘要：我在该频道缺少以下权限：${perms}。请在该频道授予这些权限后重新设置。`,
  permissions: {
    ViewChannel: "查看频道",
    SendMessages: "发送消息",
    SendMessagesInThreads: "在子区中发送消息",
    EmbedLinks: "嵌入链接",
    ReadMessageHistory: "阅读消息历史",
  },
  noTag: (forum: string) =>
    `我无法在 ${forum} 发布摘要：该论坛要求每个帖子都带标签，但没有我可以使用的标签（受管理的标签需要“管理子区”权限）。请添加一个标签（例如“回顾”）后重新设置。`,
  notInThread: (thread: string) => `我无法在 ${thread} 发言：这是私密子区，而我不在其中。请在子区里提及我把我加进去（或授予我“管理子区”权限），然后重新设置。`,
  threadLocked: (thread: string) => `${thread} 已归档并锁定，我无法在其中发言。请解除锁定（或授予我“管理子区”权限）后重新设置。`,
  forumPosts: (title: string, tag: string | null) => `每份摘要都会在论坛中发一个新帖子，标题如“${md(title)}”${tag ? `，并带上标签“${md(tag)}”` : ""}。`,
  archivedThread: "该子区已归档：每份摘要发布时都会重新打开它，因为在子区发消息会让 Discord 自动取消归档。",
  postTitle: (day: string) => `动态摘要 · ${day}`,
  scheduled: (story: string, channel: string, time: string, zone: string) =>
    `**${md(story)}** 的每日摘要将于每天 ${md(time)}（${md(zone)}）发布在 ${channel}。`,
  firstCovers: "第一份摘要涵盖设置前一天内新加入的事件，之后每份涵盖上一份之后的新内容。",
  nextPost: (full: string, relative: string) => `下次发布：${full}（${relative}）。`,
  off: (titles: readonly string[]) => `每日摘要已关闭（${joinList(titles.map(md), "zh")}）。`,
  offNone: "本服务器没有可关闭的每日摘要。",
  status: {
    none: "本服务器尚未设置每日摘要。拥有“管理服务器”权限的成员可以用 `/recap schedule` 设置。",
    where: (channel: string, time: string, zone: string) => `${channel}，每天 ${md(time)}（${md(zone)}）`,
    next: (full: string, relative: string) => `下次发布：${full}（${relative}）`,
    lastPost: (when: string, link: string) => `上次发布：${when} — ${link}`,
    jump: "前往查看",
    noPostYet: "尚未发布过摘要。",
    lastEmpty: (when: string) => `上次运行 ${when}：没有新动态，因此没有发布。`,
    lastFailure: (when: string, what: string) => `上次失败 ${when}：${md(what)}`,
    retrying: (n: number, max: number) => `每分钟重试一次（已失败 ${n} 次，最多 ${max} 次）。`,
    paused: (reason: string) => `⏸ **已暂停**：${reason}。解决后再次运行 \`/recap schedule\` 即可恢复，不会漏掉新内容。`,
    forum: (tag: string | null) => (tag ? `每份摘要都是一个带标签“${md(tag)}”的新帖子。` : "每份摘要都是一个新帖子（不带标签）。"),
  },
  log: {
    title: "摘要与快讯发送记录",
    intro: (n: number) => `本服务器定时摘要和快讯最近 ${n} 次发送，最新的在前：`,
    empty: "这里还没有发送或尝试发送过定时摘要或快讯。可用 `/recap schedule` 和 `/alerts` 设置。",
    posted: (link: string) => `✅ 已发布 — [打开摘要](${link})`,
    failed: (attempt: number, of: number, detail: string) => `⚠️ 失败（第 ${attempt} 次，共 ${of} 次，下一分钟重试）：${md(detail)}`,
    paused: (reason: string, detail: string) => `⏸️ 已暂停：${reason} — ${md(detail)}`,
    rateLimited: (n: number) => `（遇到 ${n} 次限流，已重试）`,
    ref: (marker: string) => ` · 编号 \`${marker}\``,
    alertPosted: (link: string) => `🔔 快讯已发布 — [打开快讯](${link})`,
    alertFailed: (attempt: number, of: number, detail: string) =>
      attempt >= of
        ? `⚠️ 快讯已放弃（第 ${attempt} 次，共 ${of} 次）：${md(detail)}`
        : `⚠️ 快讯发送失败（第 ${attempt} 次，共 ${of} 次，几秒后重试）：${md(detail)}`,
    alertPaused: (reason: string, detail: string) => `⏸️ 快讯已暂停：${reason} — ${md(detail)}`,
  },
  reasons: {
    no_access: "我看不到该频道（Missing Access）",
    no_permission: "我没有在该频道发言的权限（Missing Permissions）",
    channel_gone: "该频道已不存在",
    not_sendable: "该频道不是文字频道",
    no_tag: "该论坛要求标签，但没有我可以使用的标签",
    not_in_thread: "我不在该私密子区中",
    thread_locked: "该子区已归档并锁定",
    failing: "发布多次失败",
    unknown: "发布失败",
  },
};

export const recapStrings = { en, zh } as const;
