/**
 * User-facing strings of /follow, /unfollow, /following and the follow DMs, in both languages
 * (`zh` typed by `en`). Reached through `t(lang).follows`. Text from users and story files is
 * escaped here (see en.ts).
 */
import { code, md } from "./markdown.ts";

type PauseReasons = { dm_closed: string; unknown_user: string };

const en = {
  majors: "major developments (importance 4–5)",
  followedPerson: (name: string, story: string) => `🔔 You now follow **${md(name)}** in **${md(story)}**.`,
  followedStory: (story: string) => `🔔 You now follow the major developments (importance 4–5) of **${md(story)}**.`,
  alreadyPerson: (name: string, story: string) => `You already follow **${md(name)}** in **${md(story)}**.`,
  alreadyStory: (story: string) => `You already follow the major developments of **${md(story)}**.`,
  /** The rules, under every /follow answer (numbers from src/courier/follows-limits.ts). */
  howItWorks: (bundleMinutes: number, perHour: number) =>
    `When a new event about it is published, I send you a direct message: events within ${bundleMinutes} min share one message, and you get at most ${perHour} messages an hour (more wait for the next one, none are lost). ${code("/following")} lists what you follow; ${code("/unfollow")} stops.`,
  resumed: "▶️ Your follow messages were paused; they are on again. If your DMs are still closed, they will pause again and I will tell you.",
  stoppedPerson: (name: string, story: string) => `🔕 You no longer follow **${md(name)}** in **${md(story)}**.`,
  stoppedStory: (story: string) => `🔕 You no longer follow the major developments of **${md(story)}**.`,
  notFollowingPerson: (name: string, story: string) => `You don't follow **${md(name)}** in **${md(story)}**. See ${code("/following")}.`,
  notFollowingStory: (story: string) => `You don't follow the major developments of **${md(story)}**. See ${code("/following")}.`,
  choose: (names: string) => `Several names match: ${names}. Pick one from the list as you type, or type more of the name.`,
  nobody: (typed: string, story: string) => `Nobody called “${md(typed)}” appears in **${md(story)}**.`,
  closest: (names: string) => `Closest names: ${names}.`,
  listTitle: "What you follow",
  empty: `You don't follow anything yet. Try ${code("/follow who:ilya")} or ${code("/follow story:")}.`,
  listHint: `Each new event about these reaches you by direct message. ${code("/unfollow")} stops one.`,
  active: "✅ Follow messages are on.",
  paused: (reason: string) => `⏸️ Follow messages were paused: ${reason}`,
  reasons: {
    dm_closed: "Discord would not let me send you a direct message (your DMs are closed to me).",
    unknown_user: "Discord did not know your account when I tried to message you.",
  } satisfies PauseReasons,
  /** Told once, at the next command after a pause. */
  notice: (reason: string) =>
    `⏸️ Your follow messages are paused. ${reason} Open your direct messages (Discord: User Settings → Privacy & Safety, or this server's Privacy Settings → Direct Messages), then run ${code("/following")} or ${code("/follow")} to turn them back on. Events published while paused are not sent.`,
  dm: {
    title: (n: number) => (n === 1 ? "New on what you follow" : `${n} new events on what you follow`),
    becausePerson: (names: string) => `You follow ${names}`,
    becauseStory: (story: string) => `You follow the major developments of ${md(story)}`,
    see: (command: string) => `See it: ${command}`,
    web: "on the web",
  },
};

export type FollowsStrings = typeof en;

const zh: FollowsStrings = {
  majors: "重大进展（重要性 4–5）",
  followedPerson: (name: string, story: string) => `🔔 你已关注 **${md(story)}** 中的 **${md(name)}**。`,
  followedStory: (story: string) => `🔔 你已关注 **${md(story)}** 的重大进展（重要性 4–5）。`,
  alreadyPerson: (name: string, story: string) => `你已经关注了 **${md(story)}** 中的 **${md(name)}**。`,
  alreadyStory: (story: string) => `你已经关注了 **${md(story)}** 的重大进展。`,
  howItWorks: (bundleMinutes: number, perHour: number) =>
    `有相关的新事件发布时，我会私信通知你：${bundleMinutes} 分钟内的事件合并成一条消息，每小时最多 ${perHour} 条（超出的留到下一条一起发，不会丢失）。用 ${code("/following")} 查看你的关注，用 ${code("/unfollow")} 取消。`,
  resumed: "▶️ 你的关注通知之前已暂停，现在已恢复。如果你的私信仍然关闭，通知会再次暂停，我也会告诉你。",
  stoppedPerson: (name: string, story: string) => `🔕 你已取消关注 **${md(story)}** 中的 **${md(name)}**。`,
  stoppedStory: (story: string) => `🔕 你已取消关注 **${md(story)}** 的重大进展。`,
  notFollowingPerson: (name: string, story: string) => `你没有关注 **${md(story)}** 中的 **${md(name)}**。请看 ${code("/following")}。`,
  notFollowingStory: (story: string) => `你没有关注 **${md(story)}** 的重大进展。请看 ${code("/following")}。`,
  choose: (names: string) => `有多个名字符合：${names}。请在输入时从列表中选一个，或多输入几个字。`,
  nobody: (typed: string, story: string) => `**${md(story)}** 中没有叫“${md(typed)}”的人物或机构。`,
  closest: (names: string) => `最接近的名字：${names}。`,
  listTitle: "你的关注",
  empty: `你还没有关注任何内容。试试 ${code("/follow who:ilya")} 或 ${code("/follow story:")}。`,
  listHint: `这些内容有新事件时，我会私信通知你。用 ${code("/unfollow")} 取消其中一项。`,
  active: "✅ 关注通知已开启。",
  paused: (reason: string) => `⏸️ 关注通知曾被暂停：${reason}`,
  reasons: {
    dm_closed: "Discord 不允许我给你发私信（你对我关闭了私信）。",
    unknown_user: "我给你发私信时，Discord 找不到你的账号。",
  },
  notice: (reason: string) =>
    `⏸️ 你的关注通知已暂停。${reason}请先打开私信（Discord：用户设置 → 隐私与安全，或本服务器的隐私设置 → 私信），再运行 ${code("/following")} 或 ${code("/follow")} 重新开启。暂停期间发布的事件不会补发。`,
  dm: {
    title: (n: number) => (n === 1 ? "你关注的内容有新事件" : `你关注的内容有 ${n} 个新事件`),
    becausePerson: (names: string) => `你关注了 ${names}`,
    becauseStory: (story: string) => `你关注了 ${md(story)} 的重大进展`,
    see: (command: string) => `查看：${command}`,
    web: "网页版",
  },
};

export const followsStrings = { en, zh } as const;
