/**
 * User-facing strings of the feeds feature (/feed and /review), in both languages. `zh` is
 * typed by `en`, so a key missing in Chinese is a compile error. Reached through
 * `t(lang).feeds`. Text parameters (addresses, titles, keywords, what a server answered)
 * are escaped here (see en.ts); `error` and `reason` are texts built from these strings.
 */
import { joinList } from "./list.ts";
import { md } from "./markdown.ts";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** English feeds strings; the reference shape. */
const en = {
  title: "Feeds",
  badUrl: {
    malformed: "That is not a web address. Give the feed's full address, starting with https:// or http://.",
    scheme: "Only http:// and https:// feeds can be followed.",
    credentials: "Leave the user name and password out of the address: every editor can see the feed list.",
    "too-long": "That address is too long.",
  },
  added: (url: string) => `Now following ${md(url)}.`,
  updated: (url: string) => `Updated ${md(url)}; it is active again.`,
  storyLine: (story: string) => `Items are matched against **${md(story)}**.`,
  keywordsLine: (words: readonly string[]) =>
    `Also matching the words: ${joinList(
      words.map((w) => `“${md(w)}”`),
      "en",
    )}.`,
  trustedLine: "Trusted: its events are published without review.",
  reviewLine: "Its events wait for `/review`.",
  firstFetch: (title: string, items: number, matched: number, created: number) =>
    `First fetch: **${md(title)}**, ${plural(items, "item", "items")}, ${matched} matched the story, ${plural(created, "new event", "new events")}.`,
  placed: (joined: number, attached: number) =>
    `${plural(joined, "item", "items")} joined developments waiting for review; ${plural(attached, "item", "items")} became further sources of events.`,
  firstFetchUnchanged: "First fetch: nothing new since the last time.",
  firstFetchFailed: (error: string) => `The first fetch failed: ${error}. The feed is saved and will be tried again on the next polls.`,
  removed: (url: string) => `Stopped following ${md(url)}. What it already brought in stays.`,
  notFound: (url: string) => `No feed ${md(url)} is being followed. See \`/feed list\`.`,
  list: {
    empty: "No feeds are being followed. Add one with `/feed add`.",
    story: "Story",
    lastFetch: "Last fetch",
    never: "not yet",
    items: (seen: number, events: number) => `${plural(seen, "item", "items")} seen, ${plural(events, "event", "events")}`,
    lastError: "Last error",
    paused: (reason: string) => `⏸️ Paused after repeated failures (${reason}). \`/feed add\` the same address to resume.`,
    backingOff: (failures: number, skips: number) =>
      `retrying after ${plural(skips, "more poll", "more polls")} (${plural(failures, "failure", "failures")} in a row)`,
    trusted: "trusted",
    keywords: "Keywords",
    footer: (n: number, minutes: number) => `${plural(n, "feed", "feeds")} · checked every ${plural(minutes, "minute", "minutes")}`,
  },
  /** Why a fetch failed, by error kind (src/feeds/errors.ts). */
  errors: {
    dns: "the host name could not be found",
    refused: "the server refused the connection",
    timeout: "the server took too long to answer",
    network: "a network error",
    http: (status: string) => `the server answered HTTP ${md(status)}`,
    "too-large": "the feed is too large",
    redirects: "too many redirects",
    "bad-redirect": "a redirect to something other than http(s)",
    malformed: "the feed is broken (malformed XML or JSON)",
    "not-a-feed": "that address is not an RSS, Atom or JSON feed",
    "no-story": "its story is no longer loaded",
  },
  /** How well an event is attested (db/event-sources.ts). */
  status: {
    label: "Status",
    names: { reported: "reported", corroborated: "corroborated", confirmed: "confirmed", disputed: "disputed", corrected: "corrected" },
    outlets: (n: number) => plural(n, "outlet", "outlets"),
    legend: "○ reported by one outlet · ◉ corroborated · ✔ confirmed · ⚠ disputed · ✎ corrected; the number counts outlets",
    set: (title: string) => `Status of **${md(title)}** saved:`,
    unchanged: (title: string) => `The status of **${md(title)}** was already that.`,
  },
  review: {
    title: "Review",
    position: (n: number, total: number) => `Suggestion ${n} of ${total} waiting for review`,
    empty: (story: string) => `Nothing waits for review in **${md(story)}**.`,
    approve: "Approve",
    edit: "Edit",
    reject: "Reject",
    skip: "Skip",
    source: "From",
    approved: (title: string) => `✅ Published: **${md(title)}**`,
    rejected: (title: string) => `🗑️ Rejected: **${md(title)}**`,
    edited: (title: string) => `✏️ Corrected: **${md(title)}**. Approve or reject it below.`,
    nothingChanged: "Nothing was changed.",
    alreadyDone: "That suggestion was already reviewed.",
    merged: (title: string) => `🔗 Merged: its reports are now sources of **${md(title)}**`,
    splitDone: "✂️ Split: that report is now a development of its own.",
    leftForEditor: "— none of its reports is in this language: left for the editor —",
    earliest: "Earliest report",
    newNames: "New names",
    probablyTitle: "Probably",
    probably: (key: string) => `another report of \`${key}\``,
    reports: (n: number) => `Reports (${n})`,
    mergeInto: "Merge into…",
    mergeSearch: "Merge into another event…",
    mergeForm: {
      title: "Merge into an event",
      label: "Event",
      description: "Its key, its id or words of its title, as /event id: takes them",
      placeholder: "altman-return-agreed",
    },
    splitOut: "Split one report out…",
  },
};

/** The shape of the feeds strings. */
export type FeedsStrings = typeof en;

const zh: FeedsStrings = {
  title: "订阅源",
  badUrl: {
    malformed: "这不是一个网址。请给出订阅源的完整地址，以 https:// 或 http:// 开头。",
    scheme: "只能订阅 http:// 和 https:// 的源。",
    credentials: "请不要在地址中包含用户名和密码：所有编辑都能看到订阅源列表。",
    "too-long": "这个地址太长了。",
  },
  added: (url: string) => `已开始订阅 ${md(url)}。`,
  updated: (url: string) => `已更新 ${md(url)}，并重新启用。`,
  storyLine: (story: string) => `条目将与 **${md(story)}** 进行匹配。`,
  keywordsLine: (words: readonly string[]) =>
    `同时匹配以下关键词：${joinList(
      words.map((w) => `“${md(w)}”`),
      "zh",
    )}。`,
  trustedLine: "可信源：其事件无需审核直接发布。",
  reviewLine: "其事件需通过 `/review` 审核。",
  firstFetch: (title: string, items: number, matched: number, created: number) =>
    `首次获取：**${md(title)}**，共 ${items} 个条目，${matched} 个与新闻相关，新增 ${created} 个事件。`,
  placed: (joined: number, attached: number) => `${joined} 个条目并入了待审核的新进展，${attached} 个条目成为已有事件的新来源。`,
  firstFetchUnchanged: "首次获取：自上次以来没有新内容。",
  firstFetchFailed: (error: string) => `首次获取失败：${error}。订阅源已保存，之后的轮询会再次尝试。`,
  removed: (url: string) => `已停止订阅 ${md(url)}。已收录的内容会保留。`,
  notFound: (url: string) => `没有订阅 ${md(url)}。请查看 \`/feed list\`。`,
  list: {
    empty: "目前没有订阅任何源。可用 `/feed add` 添加。",
    story: "新闻",
    lastFetch: "上次获取",
    never: "尚未获取",
    items: (seen: number, events: number) => `已读取 ${seen} 个条目，生成 ${events} 个事件`,
    lastError: "上次错误",
    paused: (reason: string) => `⏸️ 多次失败后已暂停（${reason}）。再次 \`/feed add\` 同一地址即可恢复。`,
    backingOff: (failures: number, skips: number) => `将在 ${skips} 次轮询后重试（已连续失败 ${failures} 次）`,
    trusted: "可信",
    keywords: "关键词",
    footer: (n: number, minutes: number) => `共 ${n} 个订阅源 · 每 ${minutes} 分钟检查一次`,
  },
  errors: {
    dns: "找不到该主机名",
    refused: "服务器拒绝了连接",
    timeout: "服务器响应超时",
    network: "网络错误",
    http: (status: string) => `服务器返回 HTTP ${md(status)}`,
    "too-large": "订阅源内容过大",
    redirects: "重定向次数过多",
    "bad-redirect": "重定向到了非 http(s) 地址",
    malformed: "订阅源格式损坏（XML 或 JSON 有误）",
    "not-a-feed": "该地址不是 RSS、Atom 或 JSON 订阅源",
    "no-story": "其对应的新闻已不再加载",
  },
  status: {
    label: "状态",
    names: { reported: "单一来源", corroborated: "多方证实", confirmed: "已确认", disputed: "有争议", corrected: "已更正" },
    outlets: (n: number) => `${n} 家媒体`,
    legend: "○ 单一媒体报道 · ◉ 多方证实 · ✔ 已确认 · ⚠ 有争议 · ✎ 已更正；数字为报道的媒体数",
    set: (title: string) => `已保存 **${md(title)}** 的状态：`,
    unchanged: (title: string) => `**${md(title)}** 的状态本来就是这样。`,
  },
  review: {
    title: "审核",
    position: (n: number, total: number) => `第 ${n} 条，共 ${total} 条待审核`,
    empty: (story: string) => `**${md(story)}** 中没有待审核的内容。`,
    approve: "通过",
    edit: "修改",
    reject: "拒绝",
    skip: "跳过",
    source: "来源",
    approved: (title: string) => `✅ 已发布：**${md(title)}**`,
    rejected: (title: string) => `🗑️ 已拒绝：**${md(title)}**`,
    edited: (title: string) => `✏️ 已修改：**${md(title)}**。请在下方通过或拒绝。`,
    nothingChanged: "没有任何改动。",
    alreadyDone: "这条建议已经审核过了。",
    merged: (title: string) => `🔗 已合并：这些报道现为 **${md(title)}** 的来源`,
    splitDone: "✂️ 已拆分：该报道现自成一条新进展。",
    leftForEditor: "— 暂无该语言的报道，留待编辑填写 —",
    earliest: "最早报道",
    newNames: "新出现的名字",
    probablyTitle: "可能是",
    probably: (key: string) => `\`${key}\` 的另一篇报道`,
    reports: (n: number) => `报道（${n} 篇）`,
    mergeInto: "合并到……",
    mergeSearch: "合并到其他事件……",
    mergeForm: {
      title: "合并到一条事件",
      label: "事件",
      description: "填写事件的键名、编号或标题中的词，与 /event id: 的写法相同",
      placeholder: "altman-return-agreed",
    },
    splitOut: "拆出一篇报道……",
  },
};

export const feedsStrings = { en, zh } as const;
