/**
 * User-facing strings of story creation and of people added from Discord, in both
 * languages (`zh` typed by `en`). Reached through `t(lang).people`. Text from users is
 * escaped here (see en.ts).
 */
import { code, md } from "./markdown.ts";

const en = {
  story: {
    created: (slug: string, title: string) =>
      `✅ Created the story **${md(title)}** as ${code(slug)}. Follow it here with ${code(`/story use slug:${slug}`)}, then fill it with ${code("/editor add")} and ${code("/editor person add")}.`,
    notCreated: "⚠️ The story was not created:",
    slugBad: (slug: string) => `The slug “${md(slug)}” may use only a-z, 0-9 and single dashes (for example ${code("board-crisis-2023")}).`,
    slugTaken: (slug: string) => `There is already a story called ${code(slug)}. Choose another slug, or ${code(`/story use slug:${slug}`)}.`,
    tooLong: (field: string, length: number, max: number) => `The ${field} is ${length} characters long; the limit is ${max}.`,
    empty: (field: string) => `The ${field} is empty.`,
    badCharacter: (field: string) => `The ${field} contains a control character or half of a surrogate pair.`,
    exported: (slug: string, events: number, people: number) =>
      `📄 ${code(slug)} as it stands now: ${events} published events and ${people} people and organizations, in the story file format. Import it with ${code("/story import")} or ${code("npm run import")}.`,
    fields: { slug: "slug", title: "title", title_zh: "Chinese title", summary: "summary", summary_zh: "Chinese summary" },
  },
  person: {
    modal: { add: "Add a person", edit: "Correct a person" },
    /** The form's inputs (labels at most 45 characters, descriptions and placeholders 100). */
    labels: { name_en: "Name in English", name_zh: "Name in Chinese", kind: "Kind", role: "Role", aliases: "Aliases" },
    descriptions: {
      name_en: "Fill in English, Chinese or both.",
      name_zh: "",
      kind: "",
      role: "First line in English, second line in Chinese (both optional).",
      aliases: "Other names /who should find, separated by commas or 、",
    },
    placeholders: { name_en: "Emmett Shear", name_zh: "埃米特·希尔", role: "Interim CEO of OpenAI\nOpenAI 临时首席执行官", aliases: "shear, emmett, 希尔" },
    kinds: { person: "Person", organization: "Organization", place: "Place", other: "Other" },
    fields: { name_en: "English name", name_zh: "Chinese name", role_en: "English role", role_zh: "Chinese role", alias: "alias" },
    nameMissing: "Give a name in English, in Chinese, or both.",
    badKind: (kind: string) => `“${md(kind)}” is not a kind: choose person, organization, place or other.`,
    tooLong: (field: string, length: number, max: number) => `The ${field} is ${length} characters long; the limit is ${max}.`,
    badCharacter: (field: string) => `The ${field} contains a control character or half of a surrogate pair.`,
    tooManyAliases: (n: number, max: number) => `${n} aliases is too many; the limit is ${max}.`,
    nameTaken: (name: string, who: string) =>
      `“${md(name)}” already names **${md(who)}** in this story. Use another name, or merge the two with ${code("/editor person merge")}.`,
    notSaved: "⚠️ The person was not saved:",
    added: (name: string, key: string) => `✅ Added **${md(name)}** as ${code(key)}. ${code("/who")}, the event form and feed matching know them now.`,
    saved: (name: string, fields: string) => `✅ Saved **${md(name)}**. Changed: ${fields}.`,
    nothingChanged: "Nothing changed, so nothing was saved.",
    gone: "That person is no longer in the story.",
    aliasNothing: "Name an alias to add or to remove.",
    aliasNotThere: (alias: string, who: string) => `**${md(who)}** has no alias “${md(alias)}”.`,
    valueNames: { kind: "kind", name_en: "English name", name_zh: "Chinese name", role_en: "English role", role_zh: "Chinese role", aliases: "aliases" },
  },
  quote: {
    added: (n: number, title: string) => `✅ Added quote ${n} to **${md(title)}**, in the words you gave. See it with ${code("/event")}.`,
    removed: (n: number, title: string) => `🗑️ Removed quote ${n} from **${md(title)}**.`,
    empty: "The quote is empty.",
    tooLong: (length: number, max: number) => `The quote is ${length} characters long; the limit is ${max}.`,
    badCharacter: "The quote contains a control character or half of a surrogate pair.",
    tooMany: (max: number) => `This event already has ${max} quotes, the most an event may have.`,
    notSaved: "⚠️ The quote was not saved:",
    notThere: (n: string) => `This event has no quote “${md(n)}”: pick one from the list.`,
    gone: "That event no longer exists: it may have been removed.",
    unattributed: "(unattributed)",
  },
  import: {
    imported: "✅ Imported:",
    refused: "⚠️ The file was not imported, and nothing was written:",
    empty: (name: string) => `“${md(name)}” is empty (0 bytes): upload a story file in YAML or JSON.`,
    tooBig: (name: string, size: string, max: string) =>
      `“${md(name)}” is ${size}; an upload may be at most ${max}. Import a bigger story with ${code("npm run import")} on the bot's host.`,
    notStory: (name: string) =>
      `“${md(name)}” is not a story file: upload a .yaml, .yml or .json file in the story format (as ${code("/story export")} makes).`,
    unreachable: "The file could not be downloaded from Discord. Try again.",
    stopped: `The import stopped before it finished (it ran out of memory or was interrupted). Try again, or import the file with ${code("npm run import")} on the bot's host.`,
  },
  merge: {
    confirm: (from: string, into: string, events: number) =>
      `Merge **${md(from)}** into **${md(into)}**? ${md(from)}'s ${events} event${events === 1 ? "" : "s"}, quotes, names and aliases move to ${md(into)}, and ${md(from)} is removed from the story.`,
    fromFile: "It comes from the story file: the next import of the file brings it back unless it is removed from the file too.",
    merge: "Merge",
    cancel: "Cancel",
    merged: (from: string, into: string) => `✅ Merged **${md(from)}** into **${md(into)}**: ${code("/who")} finds ${md(into)} under either's names.`,
    cancelled: "Cancelled: nobody was merged.",
    self: "A person cannot be merged into themself: choose two different people.",
    gone: "One of the two is no longer in the story, so nothing was merged.",
  },
};

/** The shape of these strings. */
export type PeopleStrings = typeof en;

const zh: PeopleStrings = {
  story: {
    created: (slug: string, title: string) =>
      `✅ 已创建新闻 **${md(title)}**，标识为 ${code(slug)}。可用 ${code(`/story use slug:${slug}`)} 在本服务器追踪它，再用 ${code("/editor add")} 和 ${code("/editor person add")} 充实内容。`,
    notCreated: "⚠️ 新闻未创建：",
    slugBad: (slug: string) => `标识“${md(slug)}”只能使用 a-z、0-9 和单个连字符（例如 ${code("board-crisis-2023")}）。`,
    slugTaken: (slug: string) => `已有名为 ${code(slug)} 的新闻。请换一个标识，或使用 ${code(`/story use slug:${slug}`)}。`,
    tooLong: (field: string, length: number, max: number) => `${field}长 ${length} 个字符，上限为 ${max} 个。`,
    empty: (field: string) => `${field}为空。`,
    badCharacter: (field: string) => `${field}含有控制字符或不完整的代理对。`,
    exported: (slug: string, events: number, people: number) =>
      `📄 ${code(slug)} 的当前内容：${events} 个已发布事件、${people} 个人物和机构，采用新闻文件格式。可用 ${code("/story import")} 或 ${code("npm run import")} 导入。`,
    fields: { slug: "标识", title: "标题", title_zh: "中文标题", summary: "摘要", summary_zh: "中文摘要" },
  },
  person: {
    modal: { add: "添加人物", edit: "修改人物" },
    labels: { name_en: "英文名", name_zh: "中文名", kind: "类别", role: "身份", aliases: "别名" },
    descriptions: {
      name_en: "填写英文名、中文名或两者。",
      name_zh: "",
      kind: "",
      role: "第一行写英文，第二行写中文（均可不填）。",
      aliases: "/who 也应能找到的其他名字，用逗号或顿号分隔",
    },
    placeholders: { name_en: "Emmett Shear", name_zh: "埃米特·希尔", role: "Interim CEO of OpenAI\nOpenAI 临时首席执行官", aliases: "shear、emmett、希尔" },
    kinds: { person: "人物", organization: "机构", place: "地点", other: "其他" },
    fields: { name_en: "英文名", name_zh: "中文名", role_en: "英文身份", role_zh: "中文身份", alias: "别名" },
    nameMissing: "请填写英文名、中文名或两者。",
    badKind: (kind: string) => `“${md(kind)}”不是有效类别：请选择人物、机构、地点或其他。`,
    tooLong: (field: string, length: number, max: number) => `${field}长 ${length} 个字符，上限为 ${max} 个。`,
    badCharacter: (field: string) => `${field}含有控制字符或不完整的代理对。`,
    tooManyAliases: (n: number, max: number) => `别名有 ${n} 个，太多了；上限为 ${max} 个。`,
    nameTaken: (name: string, who: string) => `“${md(name)}”在本新闻中已指 **${md(who)}**。请换一个名字，或用 ${code("/editor person merge")} 合并两者。`,
    notSaved: "⚠️ 人物未保存：",
    added: (name: string, key: string) => `✅ 已添加 **${md(name)}**，标识为 ${code(key)}。${code("/who")}、事件表单和订阅源匹配现在都能识别此人。`,
    saved: (name: string, fields: string) => `✅ 已保存 **${md(name)}**。修改了：${fields}。`,
    nothingChanged: "没有任何改动，因此没有保存。",
    gone: "此人物已不在本新闻中。",
    aliasNothing: "请填写要添加或删除的别名。",
    aliasNotThere: (alias: string, who: string) => `**${md(who)}** 没有别名“${md(alias)}”。`,
    valueNames: { kind: "类别", name_en: "英文名", name_zh: "中文名", role_en: "英文身份", role_zh: "中文身份", aliases: "别名" },
  },
  quote: {
    added: (n: number, title: string) => `✅ 已为 **${md(title)}** 添加第 ${n} 条引述，保留原话。可用 ${code("/event")} 查看。`,
    removed: (n: number, title: string) => `🗑️ 已从 **${md(title)}** 删除第 ${n} 条引述。`,
    empty: "引述为空。",
    tooLong: (length: number, max: number) => `引述长 ${length} 个字符，上限为 ${max} 个。`,
    badCharacter: "引述含有控制字符或不完整的代理对。",
    tooMany: (max: number) => `此事件已有 ${max} 条引述，已达上限。`,
    notSaved: "⚠️ 引述未保存：",
    notThere: (n: string) => `此事件没有引述“${md(n)}”：请从列表中选择。`,
    gone: "该事件已不存在，可能已被删除。",
    unattributed: "（未署名）",
  },
  import: {
    imported: "✅ 已导入：",
    refused: "⚠️ 文件未导入，没有写入任何内容：",
    empty: (name: string) => `“${md(name)}”是空文件（0 字节）：请上传 YAML 或 JSON 格式的新闻文件。`,
    tooBig: (name: string, size: string, max: string) =>
      `“${md(name)}”大小为 ${size}，上传文件最大为 ${max}。较大的新闻请在机器人所在主机上用 ${code("npm run import")} 导入。`,
    notStory: (name: string) => `“${md(name)}”不是新闻文件：请上传新闻格式的 .yaml、.yml 或 .json 文件（与 ${code("/story export")} 生成的一样）。`,
    unreachable: "无法从 Discord 下载该文件，请重试。",
    stopped: `导入在完成前中断了（内存不足或被打断）。请重试，或在机器人所在主机上用 ${code("npm run import")} 导入该文件。`,
  },
  merge: {
    confirm: (from: string, into: string, events: number) =>
      `要把 **${md(from)}** 合并到 **${md(into)}** 吗？${md(from)}的 ${events} 个事件、引述、名字和别名都会转给${md(into)}，${md(from)}将从新闻中删除。`,
    fromFile: "此人物来自新闻文件：除非也从文件中删除，否则下次导入文件时它会恢复。",
    merge: "合并",
    cancel: "取消",
    merged: (from: string, into: string) => `✅ 已把 **${md(from)}** 合并到 **${md(into)}**：用两者的任何名字，${code("/who")} 都能找到${md(into)}。`,
    cancelled: "已取消：没有合并任何人物。",
    self: "不能把人物合并到其自身：请选择两个不同的人物。",
    gone: "两者之一已不在本新闻中，因此没有合并。",
  },
};

export const peopleStrings = { en, zh } as const;
