/**
 * What the option resolvers (src/resolvers/) answer when a typed value names nothing or
 * too much, in both languages. `zh` is typed by `en`. Reached through `t(lang).options`;
 * what was typed is escaped here.
 */
import { md } from "./markdown.ts";

const en = {
  notAName: (typed: string) => `There is nothing to look up in “${md(typed)}”: type a name, with letters or digits, or pick one from the list.`,
  nothingEvent: "There is nothing to look up in that. Type a few letters of the event's title or its key, or pick one from the list.",
  nothingStory: "There is nothing to look up in that. Type a story's slug, or pick one from the list.",
  moreNames: (n: number) => `More than ${n} names match. Type more of the name to narrow it down, or pick one of these:`,
  eventsMatch: (typed: string, n: number) => `${n} events match “${md(typed)}”. Which one do you mean? Pick it from the list as you type, or give its key:`,
  tooManyEvents: (typed: string, n: number) => `More than ${n} events match “${md(typed)}”. Type more of the title, or pick one from the list. The newest:`,
};

export type OptionStrings = typeof en;

const zh: OptionStrings = {
  notAName: (typed: string) => `“${md(typed)}”中没有可以查找的内容：请输入名字（含文字或数字），或从列表中选择。`,
  nothingEvent: "这里没有可以查找的内容。请输入事件标题中的几个字或事件的键名，或从列表中选择。",
  nothingStory: "这里没有可以查找的内容。请输入新闻的标识（slug），或从列表中选择。",
  moreNames: (n: number) => `符合的名字超过 ${n} 个。多输入几个字可以缩小范围，或从下面选择：`,
  eventsMatch: (typed: string, n: number) => `有 ${n} 个事件与“${md(typed)}”相符。你指的是哪一个？请在输入时从列表中选择，或给出它的键名：`,
  tooManyEvents: (typed: string, n: number) => `与“${md(typed)}”相符的事件超过 ${n} 个。请多输入几个字，或从列表中选择。最新的几个：`,
};

export const optionStrings = { en, zh };
