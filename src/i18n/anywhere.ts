/**
 * User-facing strings of Storyline outside a server it is in (DMs, group DMs, servers that
 * installed it only for a user), in both languages (`zh` typed by `en`). Reached through
 * `t(lang).anywhere`.
 */
import { joinList } from "./list.ts";
import { md } from "./markdown.ts";

const en = {
  /** A server-only command used where the bot is not in the server; `readable` lists what works here. */
  needsServer: (command: string, readable: readonly string[]) =>
    `This command needs Storyline in a server: \`/${command}\` works on a server's settings or edits a story, so it only runs where the bot has joined. ` +
    `Here you can read the story with ${joinList(
      readable.map((c) => `\`/${c}\``),
      "en",
    )}.`,
  /** `/story use` outside a server with the bot: the user's own choice. */
  switched: (title: string) =>
    `You now read **${md(title)}** in DMs, group DMs and servers without Storyline. Only your own choice changed; servers with Storyline keep theirs.`,
  /** /help and /story list outside a server with the bot. */
  following: (title: string) => `You read **${md(title)}** here (your choice with \`/story use\`, else the default story).`,
  active: "yours here",
  /** /help outside a server with the bot: which of the commands it lists work here. */
  helpHere:
    "Here, outside a server with Storyline, the reading commands work; the daily recap, the editors' and the managers' commands need Storyline in a server.",
  noStory: "You have not chosen a story here yet, and the default one is not loaded: pick one with `/story use`.",
};

export type AnywhereStrings = typeof en;

const zh: AnywhereStrings = {
  needsServer: (command: string, readable: readonly string[]) =>
    `这个命令需要 Storyline 在服务器里：\`/${command}\` 涉及服务器的设置或会修改新闻，只能在机器人已加入的服务器中使用。` +
    `在这里可以用 ${joinList(
      readable.map((c) => `\`/${c}\``),
      "zh",
    )} 阅读新闻。`,
  switched: (title: string) =>
    `你在私信、群组私信和没有 Storyline 的服务器中将阅读：**${md(title)}**。只改变了你自己的选择，有 Storyline 的服务器仍按各自的设置。`,
  following: (title: string) => `你在这里阅读：**${md(title)}**（用 \`/story use\` 选择，未选择时为默认新闻）。`,
  active: "你在这里阅读",
  helpHere: "这里不是有 Storyline 的服务器：阅读类命令都可以用；每日摘要、编辑和管理员的命令需要 Storyline 在服务器里。",
  noStory: "你还没有在这里选择新闻，默认新闻也未加载：请用 `/story use` 选择一个。",
};

export const anywhereStrings = { en, zh };
