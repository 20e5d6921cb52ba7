/**
 * `/editor quote add|remove`: quotes of an event, kept in the words given (no cleaning
 * beyond an option's one line). commands/editor.ts only dispatches here; the editor check
 * and the story are the caller's.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandStringOption, SlashCommandSubcommandGroupBuilder } from "discord.js";
import { addQuote, removeQuote } from "../../db/quote-writes.ts";
import { hasHan } from "../../db/text.ts";
import type { EventDetail, Lang, Quote, Story } from "../../db/types.ts";
import { UserError, type BotContext } from "../context.ts";
import { parseSourceLine } from "../editor/fields.ts";
import { t } from "../i18n/index.ts";
import { problemText, renderEditorNotice } from "../render/editor.ts";
import { clip } from "../render/format.ts";
import { titleOf } from "../render/names.ts";
import { replyOptions, type Choice } from "../render/index.ts";
import { renderRefusal } from "../render/people.ts";
import { readEvent, eventFromOption } from "../resolvers/event.ts";
import { STORY_LIMITS } from "../story/limits.ts";
import { characterCount, characterProblem } from "../story/text.ts";
import { named } from "./builders.ts";
import { actorOf } from "./editor.ts";
import { optionText, requiredText } from "./options.ts";
import { personFromOption } from "./people.ts";

const eventOption = (key: "editor.quote.add.event" | "editor.quote.remove.event") => (o: SlashCommandStringOption) =>
  named(o, key).setRequired(true).setAutocomplete(true).setMaxLength(100);

/** The `quote` group: add event: who: text: [text_zh:] [source:], remove event: quote:. */
export function quoteGroup(g: SlashCommandSubcommandGroupBuilder): SlashCommandSubcommandGroupBuilder {
  return named(g, "editor.quote")
    .addSubcommand((sc) =>
      named(sc, "editor.quote.add")
        .addStringOption(eventOption("editor.quote.add.event"))
        .addStringOption((o) => named(o, "editor.quote.add.who").setRequired(true).setAutocomplete(true).setMaxLength(100))
        .addStringOption((o) => named(o, "editor.quote.add.text").setRequired(true))
        .addStringOption((o) => named(o, "editor.quote.add.text_zh"))
        .addStringOption((o) => named(o, "editor.quote.add.source").setMaxLength(2300)),
    )
    .addSubcommand((sc) =>
      named(sc, "editor.quote.remove")
        .addStringOption(eventOption("editor.quote.remove.event"))
        .addStringOption((o) => named(o, "editor.quote.remove.quote").setRequired(true).setAutocomplete(true).setMaxLength(100)),
    );
}

/** A quote as one line: who, then its words. */
function quoteLine(q: Quote, lang: Lang): string {
  const who = q.by ? (q.by.name.en ?? q.by.name.zh ?? q.by.key) : t(lang).people.quote.unattributed;
  return `${who}: ${q.text.en ?? q.text.zh ?? ""}`;
}

/** One quote text's problem, or null. */
function textProblem(text: string, lang: Lang): string | null {
  const s = t(lang).people.quote;
  if (characterProblem(text)) return s.badCharacter;
  const n = characterCount(text);
  return n > STORY_LIMITS.quote ? s.tooLong(n, STORY_LIMITS.quote) : null;
}

async function add(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<void> {
  const s = t(lang).people.quote;
  const event = eventFromOption(ctx.db, story.id, requiredText(i, "event"), lang);
  const by = personFromOption(ctx, story.id, requiredText(i, "who"), lang);
  const text = (optionText(i, "text") ?? "").trim();
  const textZh = optionText(i, "text_zh")?.trim() || null;
  const problems: string[] = [];
  if (!text) problems.push(s.empty);
  for (const p of [text ? textProblem(text, lang) : null, textZh ? textProblem(textZh, lang) : null]) if (p) problems.push(p);
  if (event.quotes.length >= STORY_LIMITS.quotesPerEvent) problems.push(s.tooMany(STORY_LIMITS.quotesPerEvent));
  const sourceText = optionText(i, "source")?.trim();
  const source = sourceText ? parseSourceLine(sourceText) : null;
  if (source && "kind" in source) problems.push(problemText(source, lang));
  if (problems.length) return void (await i.reply(replyOptions(renderRefusal(s.notSaved, problems, lang))));
  // The words as given: a quote in Chinese with no other is the Chinese text.
  const words = textZh === null && hasHan(text) ? { en: null, zh: text } : { en: text, zh: textZh };
  const src = source && !("kind" in source) ? source : null;
  const line = `${by.name.en ?? by.name.zh ?? by.key}: ${words.en ?? words.zh}`;
  const changes = {
    quotes: { before: null, after: [line] },
    ...(src ? { sources: { before: null, after: [src.url ? `${src.name} | ${src.url}` : src.name] } } : {}),
  };
  const saved = addQuote(ctx.db, {
    storyId: story.id,
    eventId: event.id,
    entityId: by.id,
    text: words,
    source: src,
    actor: actorOf(i),
    changes,
    now: ctx.now(),
  });
  if (!saved) throw new UserError(s.gone);
  ctx.log.info({ storyId: story.id, eventId: event.id, userId: i.user.id }, "editor added a quote");
  await i.reply(replyOptions(renderEditorNotice(s.added(event.quotes.length + 1, clip(titleOf(event.title, lang), 200)))));
}

async function remove(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<void> {
  const s = t(lang).people.quote;
  const event = eventFromOption(ctx.db, story.id, requiredText(i, "event"), lang);
  const typed = requiredText(i, "quote").trim();
  const n = /^\d{1,4}$/.test(typed) ? Number(typed) : 0;
  const quote = event.quotes[n - 1];
  if (!quote) throw new UserError(s.notThere(clip(typed, 40)));
  const changes = { quotes: { before: [quoteLine(quote, lang)], after: null } };
  if (!removeQuote(ctx.db, { storyId: story.id, eventId: event.id, position: n, actor: actorOf(i), changes, now: ctx.now() })) throw new UserError(s.gone);
  ctx.log.info({ storyId: story.id, eventId: event.id, userId: i.user.id }, "editor removed a quote");
  await i.reply(replyOptions(renderEditorNotice(s.removed(n, clip(titleOf(event.title, lang), 200)))));
}

/** Runs a `/editor quote` subcommand. */
export function quoteCommand(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<void> {
  return i.options.getSubcommand() === "add" ? add(i, ctx, story, lang) : remove(i, ctx, story, lang);
}

/** The quotes of the event chosen in the `event` option, valued by their place (1-based). */
export function quoteChoices(i: AutocompleteInteraction, ctx: BotContext, story: Story, lang: Lang): Choice[] {
  const found = readEvent(ctx.db, story.id, i.options.getString("event") ?? "");
  const event: EventDetail | null = found.kind === "one" ? found.event : null;
  return (event?.quotes ?? []).slice(0, 25).map((q, n) => ({ name: clip(`${n + 1}. ${quoteLine(q, lang)}`, 100), value: String(n + 1) }));
}
