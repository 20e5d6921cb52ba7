import { MessageFlags, PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { getFeed, getFeedByUrl, listFeeds, removeFeed, saveFeed, type Feed } from "../db/feeds.ts";
import type { Lang } from "../db/types.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { UserError, type BotContext, type Command } from "../src/context.ts";
import { focusedText, optionText, requiredText } from "../src/command-kit/options.ts";
import { requireStory, storyAutocomplete, storyFromOption } from "../src/resolvers/story.ts";
import { DEFAULT_LIMITS } from "../src/feeds/fetch.ts";
import { parseKeywords } from "../src/feeds/keywords.ts";
import { pollFeed } from "../src/feeds/poll-feed.ts";
import { MAX_URL_LENGTH, parseFeedUrl } from "../src/feeds/url.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { feedChoices, feedNotFoundText, renderFeedList, renderFeedRemoved, renderFeedSaved } from "../src/render/feeds.ts";
import { editOptions, replyOptions } from "../src/render/index.ts";
import { mayEdit, requireEditor } from "../src/command-kit/editor.ts";

/** A feed address as typed → its stored form, or a clear refusal. */
function feedUrl(typed: string, lang: Lang): string {
  const parsed = parseFeedUrl(typed);
  if ("problem" in parsed) throw new UserError(t(lang).feeds.badUrl[parsed.problem]);
  return parsed.url;
}

/** `/feed add`: saves (or revives) the feed, then fetches it once to show what it holds. */
async function add(i: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  const url = feedUrl(requiredText(i, "url"), lang);
  const storyOption = optionText(i, "story");
  const story = storyOption === null ? requireStory(ctx, i, lang) : storyFromOption(ctx.db, storyOption, lang);
  const keywords = optionText(i, "keywords");
  const trusted = i.options.getBoolean("trusted");
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const { feed, created } = saveFeed(
    ctx.db,
    { url, storySlug: story.slug, keywords: keywords === null ? null : parseKeywords(keywords), trusted, addedBy: i.user.id },
    ctx.now(),
  );
  ctx.log.info({ feedId: feed.id, url, story: story.slug, created, userId: i.user.id }, created ? "feed added" : "feed updated");
  const result = await pollFeed({ db: ctx.db, log: ctx.log, now: ctx.now, limits: DEFAULT_LIMITS }, feed, { conditional: false });
  await i.editReply(editOptions(renderFeedSaved(getFeed(ctx.db, feed.id) ?? feed, created, story, result, lang)));
}

/** The feed an option names: its id (what autocomplete gives) or its address. */
function feedFromOption(ctx: BotContext, value: string, lang: Lang): Feed {
  const v = value.trim();
  const parsed = /^\d{1,15}$/.test(v) ? null : parseFeedUrl(v);
  const feed = parsed === null ? getFeed(ctx.db, Number(v)) : "url" in parsed ? getFeedByUrl(ctx.db, parsed.url) : null;
  if (!feed) throw new UserError(feedNotFoundText(v, lang));
  return feed;
}

/**
 * `/feed`: editors follow news feeds whose items suggest events (`/review`), list them with
 * their health, and stop following them. Hidden by default from members without Manage
 * Server; every use checks the editor list again (commands/_editor-kit.ts).
 */
export default {
  scope: "server",
  data: slash("feed")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sc) =>
      named(sc, "feed.add")
        .addStringOption((o) => named(o, "feed.add.url").setRequired(true).setMaxLength(MAX_URL_LENGTH))
        .addStringOption((o) => named(o, "feed.add.story").setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) => named(o, "feed.add.keywords").setMaxLength(1000))
        .addBooleanOption((o) => named(o, "feed.add.trusted")),
    )
    .addSubcommand((sc) => named(sc, "feed.list"))
    .addSubcommand((sc) =>
      named(sc, "feed.remove").addStringOption((o) => named(o, "feed.remove.url").setRequired(true).setAutocomplete(true).setMaxLength(MAX_URL_LENGTH)),
    ),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const sub = interaction.options.getSubcommand();
    if (sub === "add") return add(interaction, ctx, lang);
    if (sub === "list") return interaction.reply(replyOptions(renderFeedList(listFeeds(ctx.db), ctx.config.FEED_POLL_MINUTES, lang)));
    const feed = feedFromOption(ctx, requiredText(interaction, "url"), lang);
    removeFeed(ctx.db, feed.id, ctx.now());
    ctx.log.info({ feedId: feed.id, url: feed.url, userId: interaction.user.id }, "feed removed");
    return interaction.reply(replyOptions(renderFeedRemoved(feed, lang)));
  },

  async autocomplete(interaction, ctx) {
    if (!mayEdit(interaction, ctx)) return interaction.respond([]);
    const focused = focusedText(interaction);
    if (focused.name === "story") return interaction.respond(storyAutocomplete(ctx.db, focused.value, langFromLocale(interaction.locale)));
    const typed = focused.value.trim().toLowerCase();
    const feeds = listFeeds(ctx.db).filter((f) => !typed || f.url.toLowerCase().includes(typed) || (f.title ?? "").toLowerCase().includes(typed));
    return interaction.respond(feedChoices(feeds));
  },
} satisfies Command;
