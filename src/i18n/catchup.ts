/**
 * User-facing strings of /catchup, in both languages (`zh` typed by `en`). Reached through
 * `t(lang).catchup`. Text from users is escaped here (see en.ts).
 */
import { code, md } from "./markdown.ts";

const en = {
  title: "Catching up",
  /** The window, with dates already formatted. */
  sinceMark: (when: string) => `What is new since you last caught up (${when}):`,
  sinceFirst: (when: string) => `What is new since ${when} (your first catch-up here):`,
  sinceAsked: (when: string) => `What is new since ${when} (looking back; your mark stays where it was):`,
  upToDate: (when: string) => `✅ You're up to date: nothing new since ${when}.`,
  events: (n: number) => (n === 1 ? "1 new event" : `${n} new events`),
  statuses: "Changed statuses",
  people: "New people",
  /** "now confirmed", or with the editor's note: "corrected: …". */
  nowStatus: (status: string) => `now ${status}`,
  withNote: (status: string, note: string) => `${status}: ${md(note)}`,
  hint: `Marked as read. ${code("/catchup since:2023-11-19")} looks further back without moving the mark.`,
  hintSince: `Your mark did not move: ${code("/catchup")} alone shows what is new since you last caught up.`,
};

export type CatchupStrings = typeof en;

const zh: CatchupStrings = {
  title: "补看新进展",
  sinceMark: (when: string) => `自你上次补看（${when}）以来的新内容：`,
  sinceFirst: (when: string) => `自 ${when} 以来的新内容（你第一次在这里补看）：`,
  sinceAsked: (when: string) => `自 ${when} 以来的新内容（回看，不改变你的已读位置）：`,
  upToDate: (when: string) => `✅ 你已看完最新内容：自 ${when} 以来没有新进展。`,
  events: (n: number) => `${n} 个新事件`,
  statuses: "状态有变",
  people: "新增人物",
  nowStatus: (status: string) => `现为${status}`,
  withNote: (status: string, note: string) => `${status}：${md(note)}`,
  hint: `已标为已读。用 ${code("/catchup since:2023-11-19")} 可以看更早的内容，不会改变已读位置。`,
  hintSince: `已读位置没有改变：只用 ${code("/catchup")} 就能看到你上次补看以来的新内容。`,
};

export const catchupStrings = { en, zh } as const;
