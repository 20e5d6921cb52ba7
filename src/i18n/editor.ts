/**
 * User-facing strings of the editor feature, in both languages. `zh` is typed by `en`, so a
 * key missing in Chinese is a compile error. Reached through `t(lang).editor`. Text
 * parameters (titles, what was typed) are escaped here (see en.ts); `fields` is a list
 * built from these strings.
 */
import { code, md } from "./markdown.ts";

const FORMAT_HINT = "YYYY-MM-DD or 2023-11-20T09:30:00-08:00";

/** 1st, 2nd, 3rd, 4th… 11th, 12th, 13th… 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** English editor strings; the reference shape. */
const en = {
  title: "Editor",
  notEditor: "Only the story editors can do that. Ask the bot's operator if you should be one.",
  guildOnly: "Editing works in a server only.",
  modal: {
    add: "Add an event",
    edit: "Correct an event",
  },
  /** The form's inputs (labels at most 45 characters, descriptions and placeholders 100). */
  labels: {
    title: "Title and summary",
    when: "When",
    importance: "Importance",
    people: "People and organizations",
    source: "Sources",
  },
  descriptions: {
    title: "First line: the title. On the lines below it: a summary (optional).",
    when: "",
    importance: "Lists mark 4 and 5 with ❗.",
    people: "",
    source: "",
  },
  placeholders: {
    title: "What happened, on one line",
    when: FORMAT_HINT,
    people: "Names or aliases, comma-separated: altman, microsoft",
    source: "Name | https://url (one per line)",
  },
  importance: {
    5: "5 — major development",
    4: "4 — important",
    3: "3 — normal",
    2: "2 — minor",
    1: "1 — background",
  },
  /** Field names in problems, inside a sentence. */
  fieldNames: { title: "title (the first line)", when: "date", summary: "summary", people: "people list", source: "sources" },
  /** The audit log's fields as /editor history shows them. */
  valueNames: {
    title_en: "Title (English)",
    title_zh: "Title (Chinese)",
    when: "When",
    summary_en: "Summary (English)",
    summary_zh: "Summary (Chinese)",
    importance: "Importance",
    people: "People",
    sources: "Sources",
  },
  /** Where a new event is: its key, date and place in the timeline (1-based). */
  added: (key: string, day: string, position: number, total: number) =>
    `✅ Saved as ${code(key)}, dated ${day} — ${ordinal(position)} of ${total} in the timeline; see ${code(`/event id:${key}`)}.`,
  addedNoPlace: (key: string, day: string) => `✅ Saved as ${code(key)}, dated ${day}; see ${code(`/event id:${key}`)}.`,
  addedWhere: "It comes first in `/latest order:added`, and in the next recap.",
  /** A correction that moved the event in time. */
  moved: (day: string, position: number, total: number) => `Now dated ${day} — ${ordinal(position)} of ${total} in the timeline.`,
  saved: (fields: string) => `✅ Saved. Changed: ${fields}.`,
  fileNote: "This event comes from the story file: the correction stays until the file's version of the event changes.",
  nothingChanged: "Nothing changed, so nothing was saved.",
  notSaved: "⚠️ The event was not saved:",
  keptHint: "What you typed is kept: press **Edit and retry** to fix it.",
  retry: "Edit and retry",
  problems: {
    titleMissing: "The title is empty.",
    tooLong: (field: string, max: number) => `The ${field} is longer than ${max} characters.`,
    badImportance: (value: string) => `“${md(value)}” is not an importance: choose one from 1 to 5.`,
    badWhen: (value: string) => `“${md(value)}” is not a date. Use YYYY-MM-DD, or a date and time with its UTC offset such as 2023-11-20T09:30:00-08:00.`,
    sourceMissing: "Name at least one source: `Name | https://url`, or just a name.",
    sourceNoName: (line: string) => `The source “${md(line)}” has no name. Write it as \`Name | https://url\`.`,
    sourceBadUrl: (url: string) => `“${md(url)}” is not a web address: it must start with http:// or https://.`,
    tooManySources: (max: number) => `At most ${max} sources, one per line.`,
    tooManyPeople: (max: number) => `At most ${max} people and organizations.`,
    unknownPerson: (typed: string) => `Nobody called “${md(typed)}” is in this story.`,
    ambiguousPerson: (typed: string) => `“${md(typed)}” could mean several people or organizations.`,
    didYouMean: "Did you mean:",
    peopleHint: "Write names as `/who` knows them, or more of the name.",
  },
  draftExpired: "This draft has expired (drafts are kept for a day). Run the command again.",
  draftNotYours: "This draft belongs to someone else.",
  eventGone: "That event no longer exists: it may have been removed.",
  changedMeanwhile: "Someone changed this event meanwhile, so nothing was saved. Run the command again to see it as it is now.",
  confirmRemove: (title: string) => `Remove **${md(title)}** from the story? Its quotes and sources go with it.`,
  fromFileRemove: "It comes from the story file: the next import brings it back unless it is removed from the file too.",
  remove: "Remove",
  cancel: "Cancel",
  removed: (title: string) => `🗑️ Removed **${md(title)}**.`,
  removeCancelled: "Cancelled: the event was not removed.",
  history: {
    title: (title: string) => `Changes to ${md(title)}`,
    none: "No changes recorded for this event.",
    actions: { add: "added it", edit: "changed it", remove: "removed it" },
    earlier: (n: number) => (n === 1 ? "…and 1 earlier change" : `…and ${n} earlier changes`),
    empty: "(empty)",
  },
};

/** The shape of the editor strings. */
export type EditorStrings = typeof en;

const ZH_FORMAT_HINT = "YYYY-MM-DD 或 2023-11-20T09:30:00-08:00";

const zh: EditorStrings = {
  title: "编辑",
  notEditor: "只有新闻编辑才能这样做。如果你应当是编辑，请联系机器人的管理者。",
  guildOnly: "编辑功能只能在服务器中使用。",
  modal: {
    add: "添加事件",
    edit: "修改事件",
  },
  labels: {
    title: "标题和摘要",
    when: "时间",
    importance: "重要程度",
    people: "人物和机构",
    source: "来源",
  },
  descriptions: {
    title: "第一行写标题，下面几行写摘要（可选）。",
    when: "",
    importance: "列表中以 ❗ 标出 4 和 5。",
    people: "",
    source: "",
  },
  placeholders: {
    title: "发生了什么，写在一行里",
    when: ZH_FORMAT_HINT,
    people: "名字或别名，用逗号或顿号分隔：奥特曼、微软",
    source: "名称 | https://网址（每行一个）",
  },
  importance: {
    5: "5 — 重大进展",
    4: "4 — 重要",
    3: "3 — 一般",
    2: "2 — 次要",
    1: "1 — 背景信息",
  },
  fieldNames: { title: "标题（第一行）", when: "时间", summary: "摘要", people: "人物列表", source: "来源" },
  valueNames: {
    title_en: "标题（英文）",
    title_zh: "标题（中文）",
    when: "时间",
    summary_en: "摘要（英文）",
    summary_zh: "摘要（中文）",
    importance: "重要程度",
    people: "人物",
    sources: "来源",
  },
  added: (key: string, day: string, position: number, total: number) =>
    `✅ 已保存为 ${code(key)}，日期为${day}，在时间线的 ${total} 个事件中排第 ${position} 个；可用 ${code(`/event id:${key}`)} 查看。`,
  addedNoPlace: (key: string, day: string) => `✅ 已保存为 ${code(key)}，日期为${day}；可用 ${code(`/event id:${key}`)} 查看。`,
  addedWhere: "在 `/latest` 中把“排序”设为“添加时间”，它会排在最前面；下一期摘要也会包含它。",
  moved: (day: string, position: number, total: number) => `现在日期为${day}，在时间线的 ${total} 个事件中排第 ${position} 个。`,
  saved: (fields: string) => `✅ 已保存。修改了：${fields}。`,
  fileNote: "此事件来自新闻文件：在文件中此事件的内容改变之前，你的修改会一直保留。",
  nothingChanged: "没有任何改动，因此没有保存。",
  notSaved: "⚠️ 事件未保存：",
  keptHint: "你输入的内容已保留：点击 **修改后重试** 即可更正。",
  retry: "修改后重试",
  problems: {
    titleMissing: "标题为空。",
    tooLong: (field: string, max: number) => `${field}超过 ${max} 个字符。`,
    badImportance: (value: string) => `“${md(value)}”不是有效的重要程度：请在 1 到 5 中选择。`,
    badWhen: (value: string) => `“${md(value)}”不是有效日期。请使用 YYYY-MM-DD，或带时区偏移的日期时间，例如 2023-11-20T09:30:00-08:00。`,
    sourceMissing: "请至少填写一个来源：`名称 | https://网址`，或只写名称。",
    sourceNoName: (line: string) => `来源“${md(line)}”没有名称。请写成 \`名称 | https://网址\`。`,
    sourceBadUrl: (url: string) => `“${md(url)}”不是网址：必须以 http:// 或 https:// 开头。`,
    tooManySources: (max: number) => `最多 ${max} 个来源，每行一个。`,
    tooManyPeople: (max: number) => `最多 ${max} 个人物和机构。`,
    unknownPerson: (typed: string) => `本新闻中没有名为“${md(typed)}”的人物或机构。`,
    ambiguousPerson: (typed: string) => `“${md(typed)}”可能指多个人物或机构。`,
    didYouMean: "你是不是指：",
    peopleHint: "请按 `/who` 能识别的写法填写名字，或写出更完整的名字。",
  },
  draftExpired: "此草稿已过期（草稿保留一天）。请重新运行命令。",
  draftNotYours: "这是别人的草稿。",
  eventGone: "该事件已不存在，可能已被删除。",
  changedMeanwhile: "此期间有人修改了这个事件，因此没有保存。请重新运行命令查看最新版本。",
  confirmRemove: (title: string) => `要从新闻中删除 **${md(title)}** 吗？其引述和来源会一并删除。`,
  fromFileRemove: "此事件来自新闻文件：除非也从文件中删除，否则下次导入时它会恢复。",
  remove: "删除",
  cancel: "取消",
  removed: (title: string) => `🗑️ 已删除 **${md(title)}**。`,
  removeCancelled: "已取消：事件没有被删除。",
  history: {
    title: (title: string) => `“${md(title)}”的修改记录`,
    none: "此事件没有修改记录。",
    actions: { add: "添加了此事件", edit: "修改了此事件", remove: "删除了此事件" },
    earlier: (n: number) => `……还有 ${n} 条更早的修改`,
    empty: "（空）",
  },
};

export const editorStrings = { en, zh } as const;
