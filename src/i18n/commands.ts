import type { Lang } from "../../db/types.ts";

/**
 * Names and descriptions of every slash command, subcommand and option, for registration.
 *
 * Convention: command and subcommand names stay English in every locale (they are what
 * people type, what /help and error messages quote, and the same for everyone in a mixed
 * server); option names are localized, because they are labels read while filling a
 * command in. Descriptions are always localized. zh-TW uses Traditional characters.
 */

interface CommandTextEntry {
  /** The English name; also the name in Chinese locales unless `zhName` is given. */
  name: string;
  /** Localized option names: [zh-CN, zh-TW]. */
  zhName?: readonly [string, string];
  en: string;
  cn: string;
  tw: string;
}

/** Every command, subcommand (`"story.use"`) and option (`"story.use.slug"`) text. */
export const commandText = {
  help: { name: "help", en: "What Storyline is and how to use it", cn: "Storyline 是什么、怎么用", tw: "Storyline 是什麼、怎麼用" },
  who: { name: "who", en: "Who someone is and their part in the story", cn: "查看人物或机构及其在新闻中的角色", tw: "查看人物或機構及其在新聞中的角色" },
  "who.name": { name: "name", zhName: ["名字", "名字"], en: "A name, in English or Chinese", cn: "中文或英文名字", tw: "中文或英文名字" },
  latest: { name: "latest", en: "The newest events in the story", cn: "新闻的最新事件", tw: "新聞的最新事件" },
  "latest.count": { name: "count", zhName: ["条数", "筆數"], en: "How many events to show", cn: "要显示多少个事件", tw: "要顯示多少個事件" },
  "latest.order": {
    name: "order",
    zhName: ["排序", "排序"],
    en: "Newest by when it happened (default) or by when it was added",
    cn: "按发生时间（默认）或按添加时间排出最新事件",
    tw: "依發生時間（預設）或依新增時間排出最新事件",
  },
  event: {
    name: "event",
    en: "One event in full: summary, quotes and sources",
    cn: "查看单个事件的详情：摘要、引述和来源",
    tw: "查看單一事件的詳情：摘要、引述和來源",
  },
  "event.id": { name: "id", zhName: ["事件", "事件"], en: "The event (start typing to search)", cn: "事件（输入以搜索）", tw: "事件（輸入以搜尋）" },
  timeline: { name: "timeline", en: "The story's events in order, page by page", cn: "按时间顺序分页查看新闻事件", tw: "依時間順序分頁查看新聞事件" },
  "timeline.who": {
    name: "who",
    zhName: ["名字", "名字"],
    en: "Only events involving this person or organization",
    cn: "只看涉及此人物或机构的事件",
    tw: "只看涉及此人物或機構的事件",
  },
  "timeline.from": {
    name: "from",
    zhName: ["开始日期", "開始日期"],
    en: "From this date (YYYY-MM-DD)",
    cn: "从此日期开始（YYYY-MM-DD）",
    tw: "從此日期開始（YYYY-MM-DD）",
  },
  "timeline.to": {
    name: "to",
    zhName: ["结束日期", "結束日期"],
    en: "Up to this date (YYYY-MM-DD)",
    cn: "截至此日期（YYYY-MM-DD）",
    tw: "截至此日期（YYYY-MM-DD）",
  },
  catchup: {
    name: "catchup",
    en: "What the story gained since you last caught up",
    cn: "查看自你上次补看以来新闻的新进展",
    tw: "查看自你上次補看以來新聞的新進展",
  },
  "catchup.since": {
    name: "since",
    zhName: ["起始日期", "起始日期"],
    en: "Look back from this date (YYYY-MM-DD) without moving your mark",
    cn: "从此日期回看（YYYY-MM-DD），不改变已读位置",
    tw: "從此日期回看（YYYY-MM-DD），不改變已讀位置",
  },
  follow: {
    name: "follow",
    en: "Get a DM when someone you care about, or the story's major news, is published",
    cn: "关注某人或新闻的重大进展，有新事件发布时私信通知你",
    tw: "關注某人或新聞的重大進展，有新事件發布時私訊通知你",
  },
  "follow.who": { name: "who", zhName: ["人物", "人物"], en: "A person or organization to follow", cn: "要关注的人物或机构", tw: "要關注的人物或機構" },
  "follow.story": {
    name: "story",
    zhName: ["新闻", "新聞"],
    en: "The story (default: the one followed here); alone, its major developments",
    cn: "新闻（默认：此处关注的新闻）；只填它则关注其重大进展",
    tw: "新聞（預設：此處關注的新聞）；只填它則關注其重大進展",
  },
  unfollow: { name: "unfollow", en: "Stop a follow", cn: "取消关注", tw: "取消關注" },
  "unfollow.who": { name: "who", zhName: ["人物", "人物"], en: "A person or organization you follow", cn: "你关注的人物或机构", tw: "你關注的人物或機構" },
  "unfollow.story": {
    name: "story",
    zhName: ["新闻", "新聞"],
    en: "The story (default: the one followed here); alone, its major developments",
    cn: "新闻（默认：此处关注的新闻）；只填它则取消关注其重大进展",
    tw: "新聞（預設：此處關注的新聞）；只填它則取消關注其重大進展",
  },
  following: {
    name: "following",
    en: "What you follow, and whether your DMs are paused",
    cn: "查看你的关注，以及私信通知是否暂停",
    tw: "查看你的關注，以及私訊通知是否暫停",
  },
  search: { name: "search", en: "Search the story's events, summaries and quotes", cn: "搜索新闻的事件、摘要和引述", tw: "搜尋新聞的事件、摘要和引述" },
  "search.query": {
    name: "query",
    zhName: ["关键词", "關鍵字"],
    en: "Words to look for, in English or Chinese",
    cn: "要查找的中文或英文字词",
    tw: "要查找的中文或英文字詞",
  },
  story: { name: "story", en: "The stories Storyline can follow", cn: "Storyline 可追踪的新闻", tw: "Storyline 可追蹤的新聞" },
  "story.list": {
    name: "list",
    en: "List the stories and which one this server follows",
    cn: "列出所有新闻及本服务器正在追踪的新闻",
    tw: "列出所有新聞及本伺服器正在追蹤的新聞",
  },
  "story.use": {
    name: "use",
    en: "Follow a story in this server (Manage Server)",
    cn: "让本服务器追踪某则新闻（需管理服务器权限）",
    tw: "讓本伺服器追蹤某則新聞（需管理伺服器權限）",
  },
  "story.use.slug": { name: "slug", zhName: ["新闻", "新聞"], en: "The story to follow", cn: "要追踪的新闻", tw: "要追蹤的新聞" },
  "story.export": {
    name: "export",
    en: "The story as it stands, as a story file (story editors only)",
    cn: "把新闻的当前内容导出为新闻文件（仅限新闻编辑）",
    tw: "把新聞的目前內容匯出為新聞檔案（僅限新聞編輯）",
  },
  "story.export.slug": {
    name: "slug",
    zhName: ["新闻", "新聞"],
    en: "The story (default: the one this server follows)",
    cn: "要导出的新闻（默认为本服务器追踪的新闻）",
    tw: "要匯出的新聞（預設為本伺服器追蹤的新聞）",
  },
  "story.import": {
    name: "import",
    en: "Import an uploaded story file, YAML or JSON (story editors only)",
    cn: "导入上传的新闻文件（YAML 或 JSON，仅限新闻编辑）",
    tw: "匯入上傳的新聞檔案（YAML 或 JSON，僅限新聞編輯）",
  },
  "story.import.file": { name: "file", zhName: ["文件", "檔案"], en: "The story file, at most 1 MB", cn: "新闻文件，最大 1 MB", tw: "新聞檔案，最大 1 MB" },
  "story.create": {
    name: "create",
    en: "Start a new, empty story (story editors only)",
    cn: "新建一则空白新闻（仅限新闻编辑）",
    tw: "新建一則空白新聞（僅限新聞編輯）",
  },
  "story.create.slug": {
    name: "slug",
    zhName: ["标识", "標識"],
    en: "Its short name: a-z, 0-9 and dashes, e.g. board-crisis-2023",
    cn: "简短标识：a-z、0-9 和连字符，例如 board-crisis-2023",
    tw: "簡短標識：a-z、0-9 和連字號，例如 board-crisis-2023",
  },
  "story.create.title": { name: "title", zhName: ["标题", "標題"], en: "Its title", cn: "新闻标题", tw: "新聞標題" },
  "story.create.title_zh": { name: "title_zh", zhName: ["中文标题", "中文標題"], en: "Its title in Chinese", cn: "中文标题", tw: "中文標題" },
  "story.create.summary": { name: "summary", zhName: ["摘要", "摘要"], en: "What it is about", cn: "新闻内容简介", tw: "新聞內容簡介" },
  "story.create.summary_zh": { name: "summary_zh", zhName: ["中文摘要", "中文摘要"], en: "What it is about, in Chinese", cn: "中文简介", tw: "中文簡介" },
  recap: { name: "recap", en: "Digests of what is new in the story", cn: "新闻的最新动态摘要", tw: "新聞的最新動態摘要" },
  "recap.now": { name: "now", en: "A digest of what happened recently", cn: "立即查看近期动态摘要", tw: "立即查看近期動態摘要" },
  "recap.now.hours": { name: "hours", zhName: ["小时数", "小時數"], en: "Look back this many hours", cn: "回顾最近多少小时", tw: "回顧最近多少小時" },
  "recap.schedule": {
    name: "schedule",
    en: "Post a daily digest to a channel (Manage Server)",
    cn: "每天向频道发布摘要（需管理服务器权限）",
    tw: "每天向頻道發布摘要（需管理伺服器權限）",
  },
  "recap.schedule.channel": { name: "channel", zhName: ["频道", "頻道"], en: "The channel to post in", cn: "发布摘要的频道", tw: "發布摘要的頻道" },
  "recap.schedule.time": {
    name: "time",
    zhName: ["时间", "時間"],
    en: "Time of day, HH:MM (24-hour)",
    cn: "每天的时间，HH:MM（24小时制）",
    tw: "每天的時間，HH:MM（24小時制）",
  },
  "recap.schedule.timezone": {
    name: "timezone",
    zhName: ["时区", "時區"],
    en: "Time zone, e.g. Asia/Shanghai or UTC",
    cn: "时区，例如 Asia/Shanghai 或 UTC",
    tw: "時區，例如 Asia/Taipei 或 UTC",
  },
  "recap.off": { name: "off", en: "Stop the daily digest (Manage Server)", cn: "停止每日摘要（需管理服务器权限）", tw: "停止每日摘要（需管理伺服器權限）" },
  "recap.log": {
    name: "log",
    en: "The last 20 recap and alert deliveries here, with every failure and why (Manage Server)",
    cn: "本服务器最近 20 次摘要和快讯发送及每次失败的原因（需管理服务器权限）",
    tw: "本伺服器最近 20 次摘要和快訊發送及每次失敗的原因（需管理伺服器權限）",
  },
  "recap.status": { name: "status", en: "When and where the daily digest is posted", cn: "查看每日摘要的发布时间和频道", tw: "查看每日摘要的發布時間和頻道" },
  alerts: {
    name: "alerts",
    en: "Post each major development in a channel as soon as it is published (Manage Server)",
    cn: "重大进展一经发布即发到频道（需管理服务器权限）",
    tw: "重大進展一經發布即發到頻道（需管理伺服器權限）",
  },
  "alerts.channel": {
    name: "channel",
    zhName: ["频道", "頻道"],
    en: "Where alerts go: a text or announcement channel, or a thread",
    cn: "快讯发往何处：文字频道、公告频道或子区",
    tw: "快訊發往何處：文字頻道、公告頻道或討論串",
  },
  "alerts.min_importance": {
    name: "min_importance",
    zhName: ["最低重要程度", "最低重要程度"],
    en: "Only events at least this important, 1 to 5 (default 4)",
    cn: "只发重要程度不低于此值的事件，1 到 5（默认 4）",
    tw: "只發重要程度不低於此值的事件，1 到 5（預設 4）",
  },
  "alerts.role": {
    name: "role",
    zhName: ["身份组", "身分組"],
    en: "A role each alert mentions (and no one else)",
    cn: "每条快讯提及的身份组（不会提及其他人）",
    tw: "每則快訊提及的身分組（不會提及其他人）",
  },
  "alerts.off": {
    name: "off",
    zhName: ["关闭", "關閉"],
    en: "True: stop posting alerts in this server",
    cn: "选 True：停止在本服务器发布快讯",
    tw: "選 True：停止在本伺服器發布快訊",
  },
  editor: {
    name: "editor",
    en: "Add, correct and remove events by hand (story editors only)",
    cn: "手动添加、修改和删除事件（仅限新闻编辑）",
    tw: "手動新增、修改和刪除事件（僅限新聞編輯）",
  },
  "editor.add": { name: "add", en: "Add an event to the story", cn: "向新闻添加事件", tw: "向新聞新增事件" },
  "editor.edit": { name: "edit", en: "Correct an event", cn: "修改事件", tw: "修改事件" },
  "editor.edit.id": { name: "id", zhName: ["事件", "事件"], en: "The event to correct", cn: "要修改的事件", tw: "要修改的事件" },
  "editor.remove": { name: "remove", en: "Remove an event from the story", cn: "从新闻中删除事件", tw: "從新聞中刪除事件" },
  "editor.remove.id": { name: "id", zhName: ["事件", "事件"], en: "The event to remove", cn: "要删除的事件", tw: "要刪除的事件" },
  "editor.history": { name: "history", en: "Who changed an event, and when", cn: "查看事件的修改记录", tw: "查看事件的修改紀錄" },
  "editor.history.id": { name: "id", zhName: ["事件", "事件"], en: "The event to look at", cn: "要查看的事件", tw: "要查看的事件" },
  "editor.person": {
    name: "person",
    en: "Add and correct the story's people and organizations",
    cn: "添加和修改新闻中的人物与机构",
    tw: "新增和修改新聞中的人物與機構",
  },
  "editor.person.add": { name: "add", en: "Add a person or organization to the story", cn: "向新闻添加人物或机构", tw: "向新聞新增人物或機構" },
  "editor.person.edit": { name: "edit", en: "Correct a person or organization", cn: "修改人物或机构", tw: "修改人物或機構" },
  "editor.person.edit.who": { name: "who", zhName: ["名字", "名字"], en: "Who to correct", cn: "要修改的人物或机构", tw: "要修改的人物或機構" },
  "editor.person.alias": { name: "alias", en: "Add or remove other names someone is found by", cn: "添加或删除人物的别名", tw: "新增或刪除人物的別名" },
  "editor.person.alias.who": {
    name: "who",
    zhName: ["名字", "名字"],
    en: "Whose aliases to change",
    cn: "要修改别名的人物或机构",
    tw: "要修改別名的人物或機構",
  },
  "editor.person.alias.add": {
    name: "add",
    zhName: ["添加", "新增"],
    en: "Aliases to add, separated by commas or 、",
    cn: "要添加的别名，用逗号或顿号分隔",
    tw: "要新增的別名，用逗號或頓號分隔",
  },
  "editor.person.merge": { name: "merge", en: "Merge a duplicate into another person", cn: "把重复的人物合并到另一人物", tw: "把重複的人物合併到另一人物" },
  "editor.person.merge.from": { name: "from", zhName: ["重复项", "重複項"], en: "The duplicate, which goes", cn: "要删除的重复人物", tw: "要刪除的重複人物" },
  "editor.person.merge.into": {
    name: "into",
    zhName: ["合并到", "合併到"],
    en: "Who stays and takes its events",
    cn: "保留并接收其事件的人物",
    tw: "保留並接收其事件的人物",
  },
  "editor.quote": { name: "quote", en: "Add and remove quotes of an event", cn: "添加和删除事件的引述", tw: "新增和刪除事件的引述" },
  "editor.quote.add": { name: "add", en: "Add a quote to an event, in its original words", cn: "为事件添加引述（保留原话）", tw: "為事件新增引述（保留原話）" },
  "editor.quote.add.event": { name: "event", zhName: ["事件", "事件"], en: "The event it was said in", cn: "引述所属的事件", tw: "引述所屬的事件" },
  "editor.quote.add.who": { name: "who", zhName: ["名字", "名字"], en: "Who said it", cn: "说话的人", tw: "說話的人" },
  "editor.quote.add.text": { name: "text", zhName: ["原话", "原話"], en: "What they said, as they said it", cn: "说了什么（原话）", tw: "說了什麼（原話）" },
  "editor.quote.add.text_zh": { name: "text_zh", zhName: ["中文", "中文"], en: "The quote in Chinese", cn: "引述的中文", tw: "引述的中文" },
  "editor.quote.add.source": {
    name: "source",
    zhName: ["来源", "來源"],
    en: "Where it was said: Name | https://url",
    cn: "出处：名称 | https://网址",
    tw: "出處：名稱 | https://網址",
  },
  "editor.quote.remove": { name: "remove", en: "Remove a quote from an event", cn: "删除事件的引述", tw: "刪除事件的引述" },
  "editor.quote.remove.event": { name: "event", zhName: ["事件", "事件"], en: "The event the quote is in", cn: "引述所属的事件", tw: "引述所屬的事件" },
  "editor.quote.remove.quote": { name: "quote", zhName: ["引述", "引述"], en: "The quote to remove", cn: "要删除的引述", tw: "要刪除的引述" },
  "editor.person.alias.remove": {
    name: "remove",
    zhName: ["删除", "刪除"],
    en: "Aliases to remove, separated by commas or 、",
    cn: "要删除的别名，用逗号或顿号分隔",
    tw: "要刪除的別名，用逗號或頓號分隔",
  },
  "editor.status": { name: "status", en: "Say how well an event is attested", cn: "标注事件的核实状态", tw: "標註事件的核實狀態" },
  "editor.status.id": { name: "id", zhName: ["事件", "事件"], en: "The event", cn: "要标注的事件", tw: "要標註的事件" },
  "editor.status.status": {
    name: "status",
    zhName: ["状态", "狀態"],
    en: "Confirmed, disputed, corrected, or from its sources",
    cn: "已确认、有争议、已更正，或按来源计算",
    tw: "已確認、有爭議、已更正，或依來源計算",
  },
  "editor.status.note": {
    name: "note",
    zhName: ["说明", "說明"],
    en: "A short note shown with the status",
    cn: "随状态显示的简短说明",
    tw: "隨狀態顯示的簡短說明",
  },
  feed: {
    name: "feed",
    en: "News feeds that suggest new events (editors)",
    cn: "为新闻推荐新事件的订阅源（仅限编辑）",
    tw: "為新聞推薦新事件的訂閱源（僅限編輯）",
  },
  "feed.add": { name: "add", en: "Watch an RSS, Atom or JSON feed", cn: "订阅 RSS、Atom 或 JSON 源", tw: "訂閱 RSS、Atom 或 JSON 源" },
  "feed.add.url": { name: "url", zhName: ["网址", "網址"], en: "The feed's address (https://…)", cn: "订阅源网址（https://…）", tw: "訂閱源網址（https://…）" },
  "feed.add.story": {
    name: "story",
    zhName: ["新闻", "新聞"],
    en: "The story its items are matched against",
    cn: "用于匹配条目的新闻",
    tw: "用於比對條目的新聞",
  },
  "feed.add.keywords": {
    name: "keywords",
    zhName: ["关键词", "關鍵字"],
    en: "Also match items with these words, comma-separated",
    cn: "也收录含这些词的条目，用逗号分隔",
    tw: "也收錄含這些詞的條目，以逗號分隔",
  },
  "feed.add.trusted": {
    name: "trusted",
    zhName: ["可信", "可信"],
    en: "Publish its items without review",
    cn: "条目无需审核直接发布",
    tw: "條目無需審核直接發布",
  },
  "feed.list": { name: "list", en: "The feeds being watched", cn: "列出已订阅的源", tw: "列出已訂閱的源" },
  "feed.remove": { name: "remove", en: "Stop watching a feed", cn: "取消订阅某个源", tw: "取消訂閱某個源" },
  "feed.remove.url": { name: "url", zhName: ["网址", "網址"], en: "The feed's address", cn: "订阅源网址", tw: "訂閱源網址" },
  review: {
    name: "review",
    en: "Approve or reject events suggested by feeds (editors)",
    cn: "审核订阅源推荐的事件（仅限编辑）",
    tw: "審核訂閱源推薦的事件（僅限編輯）",
  },
} as const satisfies Record<string, CommandTextEntry>;

/** A choice of an option: its value, English name, and Chinese names [zh-CN, zh-TW]. */
interface ChoiceTextEntry {
  value: string;
  en: string;
  zh: readonly [string, string];
}

/** The choices of options that have fixed choices, by option key, in the order Discord lists them. */
export const choiceText = {
  "latest.order": [
    { value: "happened", en: "happened", zh: ["发生时间", "發生時間"] },
    { value: "added", en: "added", zh: ["添加时间", "新增時間"] },
  ],
  "editor.status.status": [
    { value: "confirmed", en: "confirmed", zh: ["已确认", "已確認"] },
    { value: "disputed", en: "disputed", zh: ["有争议", "有爭議"] },
    { value: "corrected", en: "corrected", zh: ["已更正", "已更正"] },
    { value: "sources", en: "from its sources (reported / corroborated)", zh: ["按来源计算", "依來源計算"] },
  ],
} as const satisfies Partial<Record<string, readonly ChoiceTextEntry[]>>;

/** The choices of an option in the shape discord.js builders take (`addChoices`). */
export function localizedChoices(key: keyof typeof choiceText): { name: string; value: string; name_localizations: { "zh-CN": string; "zh-TW": string } }[] {
  return choiceText[key].map((c: ChoiceTextEntry) => ({ name: c.en, value: c.value, name_localizations: { "zh-CN": c.zh[0], "zh-TW": c.zh[1] } }));
}

/** A key of {@link commandText}: `"who"`, `"story.use"`, `"story.use.slug"`… */
export type CommandKey = keyof typeof commandText;

/** Localizations in the shape discord.js builders take (`setNameLocalizations` etc.). */
export interface LocalizedCommandText {
  name: string;
  description: string;
  nameLocalizations: { "zh-CN": string; "zh-TW": string };
  descriptionLocalizations: { "zh-CN": string; "zh-TW": string };
}

/** Name, description and their zh-CN / zh-TW localizations for one command, subcommand or option. */
export function localized(key: CommandKey): LocalizedCommandText {
  const entry: CommandTextEntry = commandText[key];
  const [cnName, twName] = entry.zhName ?? [entry.name, entry.name];
  return {
    name: entry.name,
    description: entry.en,
    nameLocalizations: { "zh-CN": cnName, "zh-TW": twName },
    descriptionLocalizations: { "zh-CN": entry.cn, "zh-TW": entry.tw },
  };
}

/** The one-line description of a command or subcommand in a reply language (zh → Simplified). */
export function commandDescription(key: CommandKey, lang: Lang): string {
  const entry: CommandTextEntry = commandText[key];
  return lang === "zh" ? entry.cn : entry.en;
}
