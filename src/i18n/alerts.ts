/**
 * User-facing strings of /alerts and of the alerts themselves, in both languages (`zh` typed
 * by `en`). Reached through `t(lang).alerts`. Text parameters (titles, names) are escaped
 * here; channel and role mentions, `perms`, `reason` and Discord timestamps are Markdown already.
 */
import { md } from "./markdown.ts";

const en = {
  title: "Alerts",
  notAlertChannel: "Choose a text channel, an announcement channel or a thread.",
  badImportance: "Choose a minimum importance from 1 to 5.",
  offWithOthers: "`off:True` turns alerts off; give it alone, without `channel:`, `min_importance:` or `role:`.",
  needChannel: "Say where alerts go: `/alerts channel:#news`, with `min_importance:` and `role:` as you like.",
  missingPermissions: (channel: string, perms: string) =>
    `I can't post alerts in ${channel}: I'm missing ${perms} there (Read Message History lets me check an alert was posted before posting it again). Give me those permissions in that channel, then run \`/alerts\` again.`,
  everyoneRole: "Choose a role to mention, not @everyone: alerts never ping the whole server.",
  roleNotMentionable: (role: string, channel: string) =>
    `My mention of ${role} would notify no one: the role is not mentionable. Turn on “Allow anyone to @mention this role” in its settings, or let me “Mention @everyone, @here and All Roles” in ${channel}, then run \`/alerts\` again.`,
  set: (story: string, channel: string, min: number) =>
    `Each development of **${md(story)}** of importance ${min} or more will be posted in ${channel} as soon as it is published.`,
  withRole: (role: string) => `Each alert mentions ${role}, and only that role.`,
  noRole: "Alerts mention no one.",
  fromNow: "What was published before now is not alerted.",
  off: (n: number) => (n === 1 ? "Alerts are off in this server." : `Alerts are off in this server (${n} stories).`),
  offNone: "There are no alerts to turn off in this server.",
  none: "No alerts are set up in this server. Someone with Manage Server can set them up with `/alerts channel:`.",
  status: (story: string, channel: string, min: number) => `**${md(story)}** → ${channel}, importance ${min} or more`,
  statusRole: (role: string) => `mentions ${role}`,
  paused: (reason: string) => `⏸ **Paused**: ${reason}. Fix that, then run \`/alerts channel:\` again to resume.`,
  unknownStory: "a story that is gone",
  /** The alert itself. */
  headline: (title: string) => `🔔 ${md(title)}`,
  importance: "Importance",
  sources: (n: number) => (n === 1 ? "1 source" : `${n} sources`),
};

export type AlertStrings = typeof en;

const zh: AlertStrings = {
  title: "快讯",
  notAlertChannel: "请选择文字频道、公告频道或子区。",
  badImportance: "最低重要程度请在 1 到 5 中选择。",
  offWithOthers: "`off:True` 用于关闭快讯，请单独使用，不要同时填写 `channel:`、`min_importance:` 或 `role:`。",
  needChannel: "请指定快讯发往的频道：`/alerts channel:#news`，`min_importance:` 和 `role:` 可按需填写。",
  missingPermissions: (channel: string, perms: string) =>
    `我无法在 ${channel} 发布快讯：我在该频道缺少以下权限：${perms}（有了“读取消息历史”，我才能在重发前确认快讯是否已经发出）。请在该频道授予这些权限后，再运行一次 \`/alerts\`。`,
  everyoneRole: "请选择要提及的身份组，不能选 @everyone：快讯从不提醒全服务器的成员。",
  roleNotMentionable: (role: string, channel: string) =>
    `我提及 ${role} 不会通知到任何人：该身份组不允许被提及。请在身份组设置中开启“允许任何人@提及此身份组”，或在 ${channel} 授予我“提及 @everyone、@here 和所有身份组”权限，然后再运行一次 \`/alerts\`。`,
  set: (story: string, channel: string, min: number) => `**${md(story)}** 中重要程度不低于 ${min} 的进展，一经发布就会发到 ${channel}。`,
  withRole: (role: string) => `每条快讯都会提及 ${role}，且只提及这个身份组。`,
  noRole: "快讯不会提及任何人。",
  fromNow: "此前已发布的内容不会再发快讯。",
  off: (n: number) => (n === 1 ? "本服务器的快讯已关闭。" : `本服务器的快讯已关闭（共 ${n} 则新闻）。`),
  offNone: "本服务器没有可关闭的快讯。",
  none: "本服务器尚未设置快讯。拥有“管理服务器”权限的成员可以用 `/alerts channel:` 设置。",
  status: (story: string, channel: string, min: number) => `**${md(story)}** → ${channel}，重要程度不低于 ${min}`,
  statusRole: (role: string) => `提及 ${role}`,
  paused: (reason: string) => `⏸ **已暂停**：${reason}。解决后再次运行 \`/alerts channel:\` 即可恢复。`,
  unknownStory: "一则已不存在的新闻",
  headline: (title: string) => `🔔 ${md(title)}`,
  importance: "重要程度",
  sources: (n: number) => `${n} 个来源`,
};

export const alertStrings = { en, zh } as const;
