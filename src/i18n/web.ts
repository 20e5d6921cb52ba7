/**
 * User-facing strings of the story pages on the web (src/web), in both languages. `zh` is
 * typed by `en`, so a key missing in Chinese is a compile error. Plain text: the pages
 * escape every string they place (src/web/html.ts), so nothing here is HTML or Markdown.
 */

/** English web strings; the reference shape. */
const en = {
  siteName: "Storyline",
  /** The link button on /event, /who, /timeline and recaps. */
  readOnWeb: "Read on the web",
  stories: "Stories",
  storiesIntro: "News stories followed by Storyline, event by event, with their sources.",
  noStories: "No story has been imported yet.",
  eventCount: (n: number) => (n === 1 ? "1 event" : `${n} events`),
  timeline: "Timeline",
  timelineAlt: (n: number, days: number) =>
    `Timeline of ${n === 1 ? "1 event" : `${n} events`} over ${days === 1 ? "1 day" : `${days} days`}; taller bars are busier days, larger dots more important events.`,
  events: "Events",
  latest: (title: string) => `Latest: ${title}`,
  importance: (n: number) => `Importance ${n} of 5`,
  sources: "Sources",
  quotes: "Quotes",
  unknownSpeaker: "Unknown",
  noSummary: "No summary.",
  back: (story: string) => `← ${story}`,
  allStories: "← All stories",
  eventOf: (position: number, total: number) => `Event ${position} of ${total}`,
  personEvents: (n: number) => (n === 1 ? "Appears in 1 event" : `Appears in ${n} events`),
  personShown: (shown: number, total: number) => `The first ${shown} of ${total} are listed.`,
  role: (role: string) => `Role: ${role}`,
  /** Before the list of people: "People: " / "相关人物：". */
  peopleLead: "People: ",
  search: "Search",
  searchLabel: "Search this story",
  searchPlaceholder: "a name, a word, a phrase…",
  searchResults: (n: number, capped: boolean, query: string) =>
    n === 0 ? `Nothing found for “${query}”.` : `${capped ? "More than " : ""}${n === 1 ? "1 event" : `${n} events`} found for “${query}”.`,
  searchEmpty: "Type a word to search the events, their summaries and quotes.",
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  previous: "← Earlier",
  next: "Later →",
  feeds: "Follow this story",
  atom: "Atom feed",
  jsonFeed: "JSON Feed",
  switchLang: "中文",
  switchLangLabel: "阅读中文版",
  notFoundTitle: "Page not found",
  notFound: "There is no page at this address. The story or event may have been removed, or the link mistyped.",
  errorTitle: "Something went wrong",
  error: "This page could not be shown. Please try again in a moment.",
  footer: "Read-only pages of Storyline, a Discord bot that follows news stories.",
};

export type WebStrings = typeof en;

const zh: WebStrings = {
  siteName: "Storyline",
  readOnWeb: "在网页上阅读",
  stories: "事件追踪",
  storiesIntro: "Storyline 追踪的新闻事件：逐条记录进展，并附上出处。",
  noStories: "还没有导入任何事件。",
  eventCount: (n) => `${n} 条进展`,
  timeline: "时间线",
  timelineAlt: (n, days) => `${days} 天内共 ${n} 条进展的时间线；柱子越高表示当天越密集，圆点越大表示越重要。`,
  events: "进展",
  latest: (title) => `最新进展：${title}`,
  importance: (n) => `重要程度 ${n}/5`,
  sources: "出处",
  quotes: "引述",
  unknownSpeaker: "未知",
  noSummary: "暂无摘要。",
  back: (story) => `← ${story}`,
  allStories: "← 全部事件",
  eventOf: (position, total) => `第 ${position} 条，共 ${total} 条`,
  personEvents: (n) => `出现在 ${n} 条进展中`,
  personShown: (shown, total) => `下面列出前 ${shown} 条（共 ${total} 条）。`,
  role: (role) => `身份：${role}`,
  peopleLead: "相关人物：",
  search: "搜索",
  searchLabel: "在此事件中搜索",
  searchPlaceholder: "人名、词语或短语……",
  searchResults: (n, capped, query) => (n === 0 ? `没有找到与“${query}”相关的进展。` : `找到${capped ? "超过 " : " "}${n} 条与“${query}”相关的进展。`),
  searchEmpty: "输入关键词，搜索进展的标题、摘要和引述。",
  page: (page, pages) => `第 ${page} 页，共 ${pages} 页`,
  previous: "← 更早",
  next: "更晚 →",
  feeds: "订阅此事件",
  atom: "Atom 订阅",
  jsonFeed: "JSON Feed 订阅",
  switchLang: "English",
  switchLangLabel: "Read in English",
  notFoundTitle: "页面不存在",
  notFound: "这个地址没有页面。相关事件或进展可能已被删除，也可能是链接有误。",
  errorTitle: "出了点问题",
  error: "页面暂时无法显示，请稍后再试。",
  footer: "Storyline 的只读页面。Storyline 是一个追踪新闻事件的 Discord 机器人。",
};

export const webStrings = { en, zh };
