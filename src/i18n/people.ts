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
    fields: { slug: "slug", title: "title", title_zh: "Chinese title", summary: "summary", summary_zh: "Chinese summary" },
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
    fields: { slug: "标识", title: "标题", title_zh: "中文标题", summary: "摘要", summary_zh: "中文摘要" },
  },
};

export const peopleStrings = { en, zh } as const;
