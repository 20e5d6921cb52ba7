import type { ChatInputCommandInteraction } from "discord.js";
import { setGuildStory } from "../db/guilds.ts";
import { setUserStory } from "../db/user-stories.ts";
import { createStory, listStories } from "../db/stories.ts";
import type { Lang } from "../db/types.ts";
import { UserError, type BotContext, type Command } from "../src/context.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { actorOf, requireEditor } from "../src/command-kit/editor.ts";
import { focusedText, optionText, requiredText } from "../src/command-kit/options.ts";
import { readNewStory } from "../src/editor/new-story.ts";
import { activeSlug, chooserOf, inServerWithBot, requireManageGuild, requireStory, storyAutocomplete, storyFromOption } from "../src/resolvers/story.ts";
import { exportStory } from "../db/export.ts";
import { storyYaml } from "../src/story/export.ts";
import { importUpload } from "../src/command-kit/story-import.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { renderStoryList, replyOptions } from "../src/render/index.ts";
import { renderEditorNotice } from "../src/render/editor.ts";
import { renderRefusal } from "../src/render/people.ts";
import { renderStorySwitched } from "../src/render/stories.ts";

/** `/story create`: a new, empty story, refused with every problem (nothing written). */
async function create(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  requireEditor(interaction, ctx, lang);
  const s = t(lang).people.story;
  const opt = (name: string) => optionText(interaction, name);
  const read = readNewStory(
    { slug: requiredText(interaction, "slug"), title: opt("title") ?? "", titleZh: opt("title_zh"), summary: opt("summary"), summaryZh: opt("summary_zh") },
    lang,
  );
  if (!read.ok) return void (await interaction.reply(replyOptions(renderRefusal(s.notCreated, read.problems, lang))));
  const story = createStory(ctx.db, { ...read.story, actor: actorOf(interaction), now: ctx.now() });
  if (!story) return void (await interaction.reply(replyOptions(renderRefusal(s.notCreated, [s.slugTaken(read.story.slug)], lang))));
  ctx.log.info({ storyId: story.id, slug: story.slug, userId: interaction.user.id }, "editor created a story");
  await interaction.reply(replyOptions(renderEditorNotice(s.created(story.slug, story.title.en ?? story.title.zh ?? story.slug))));
}

/** `/story export [slug:]`: the story as it stands, as a YAML story file attached to the reply. */
async function exportFile(interaction: ChatInputCommandInteraction, ctx: BotContext, lang: Lang): Promise<void> {
  requireEditor(interaction, ctx, lang);
  const slug = optionText(interaction, "slug");
  const story = slug ? storyFromOption(ctx.db, slug, lang) : requireStory(ctx, interaction, lang);
  const data = exportStory(ctx.db, story.id);
  if (!data) throw new UserError(t(lang).errors.storyNotFound(story.slug));
  const file = { attachment: Buffer.from(storyYaml(data, ctx.now()), "utf8"), name: `${story.slug}.yaml` };
  const text = t(lang).people.story.exported(story.slug, data.events.length, data.entities.length);
  await interaction.reply({ ...replyOptions(renderEditorNotice(text)), files: [file] });
}

/**
 * `/story list` (everyone), `/story use slug:` (Manage Server) and `/story create` (editors).
 *
 * Permissions: subcommands cannot carry their own default_member_permissions, and setting
 * ManageGuild on `/story` would hide `list` from ordinary members. So the command sets none,
 * and `use` checks Manage Server at run time (requireManageGuild, which also refuses DMs),
 * `create` the editor list (requireEditor); a server can still restrict the whole command
 * in its integration settings.
 *
 * Outside a server with the bot (DMs, group DMs, servers that installed Storyline only for a
 * user) `list` and `use` still run: `use` there sets the user's own story, with no Manage
 * Server check, as it changes nobody else's. `create`, `import` and `export` need the bot in
 * a server (the dispatcher refuses them elsewhere).
 */
export default {
  scope: { anywhere: ["list", "use"] },
  data: slash("story")
    .addSubcommand((sc) => named(sc, "story.list"))
    .addSubcommand((sc) => named(sc, "story.use").addStringOption((o) => named(o, "story.use.slug").setRequired(true).setAutocomplete(true).setMaxLength(100)))
    .addSubcommand((sc) =>
      named(sc, "story.create")
        .addStringOption((o) => named(o, "story.create.slug").setRequired(true).setMaxLength(100))
        .addStringOption((o) => named(o, "story.create.title").setRequired(true))
        .addStringOption((o) => named(o, "story.create.title_zh"))
        .addStringOption((o) => named(o, "story.create.summary"))
        .addStringOption((o) => named(o, "story.create.summary_zh")),
    )
    .addSubcommand((sc) => named(sc, "story.import").addAttachmentOption((o) => named(o, "story.import.file").setRequired(true)))
    .addSubcommand((sc) => named(sc, "story.export").addStringOption((o) => named(o, "story.export.slug").setAutocomplete(true).setMaxLength(100))),

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    const sub = interaction.options.getSubcommand();
    if (sub === "create") return create(interaction, ctx, lang);
    if (sub === "export") return exportFile(interaction, ctx, lang);
    if (sub === "import") return importUpload(interaction, ctx, lang);
    if (sub === "list") {
      await interaction.reply(replyOptions(renderStoryList(listStories(ctx.db), activeSlug(ctx, interaction), lang, chooserOf(interaction))));
      return;
    }
    if (!inServerWithBot(interaction)) {
      const story = storyFromOption(ctx.db, requiredText(interaction, "slug"), lang);
      setUserStory(ctx.db, { userId: interaction.user.id, storyId: story.id, setAt: ctx.now() });
      await interaction.reply(replyOptions({ ...renderStorySwitched(story, listStories(ctx.db), lang, "user"), ephemeral: true }));
      return;
    }
    requireManageGuild(interaction, lang);
    const story = storyFromOption(ctx.db, requiredText(interaction, "slug"), lang);
    setGuildStory(ctx.db, { guildId: interaction.guildId!, storySlug: story.slug, setBy: interaction.user.id, now: ctx.now() });
    await interaction.reply(replyOptions(renderStorySwitched(story, listStories(ctx.db), lang)));
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(storyAutocomplete(ctx.db, focusedText(interaction).value, langFromLocale(interaction.locale)));
  },
} satisfies Command;
