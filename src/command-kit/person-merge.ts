/**
 * `/editor person merge from: into:`: asks first (Merge / Cancel), then moves the
 * duplicate's events, quotes, names and aliases to the other and removes it
 * (db/entity-writes.ts mergePeople). Both are read in the story the server follows; the
 * button carries the story, and a forged one naming people of another story merges nothing.
 */
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction, type MessageComponentInteraction } from "discord.js";
import { getEntity } from "../../db/entities.ts";
import { mergePeople } from "../../db/entity-writes.ts";
import { normalizeName } from "../../db/names.ts";
import { getStoryById } from "../../db/stories.ts";
import type { Entity, Lang, Story } from "../../db/types.ts";
import { UserError, type BotContext } from "../context.ts";
import { editorCustomId } from "../custom-ids.ts";
import { t } from "../i18n/index.ts";
import { renderEditorNotice } from "../render/editor.ts";
import { fitMessage } from "../render/fit.ts";
import { editOptions, replyOptions } from "../render/index.ts";
import { STORY_LIMITS } from "../story/limits.ts";
import { actorOf } from "./editor.ts";
import { requiredText } from "./options.ts";
import { personFromOption } from "./people.ts";

const nameOf = (e: Entity) => e.name.en ?? e.name.zh ?? e.key;

/** `into`'s aliases once merged: its own, then every name and alias of `from` it does not already answer to. */
export function mergedAliases(from: Entity, into: Entity): string[] {
  const seen = new Set([into.name.en, into.name.zh, ...into.aliases].filter((n): n is string => !!n).map(normalizeName));
  const out = [...into.aliases];
  for (const n of [from.name.en, from.name.zh, ...from.aliases]) {
    if (!n || seen.has(normalizeName(n))) continue;
    seen.add(normalizeName(n));
    out.push(n);
  }
  return out;
}

/** The question, with Merge and Cancel. */
export async function askMerge(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<void> {
  const s = t(lang).people.merge;
  const from = personFromOption(ctx, story.id, requiredText(i, "from"), lang);
  const into = personFromOption(ctx, story.id, requiredText(i, "into"), lang);
  if (from.id === into.id) throw new UserError(s.self);
  const lines = [s.confirm(nameOf(from), nameOf(into), from.mentions)];
  if (!from.key.includes("_")) lines.push(`-# ${s.fromFile}`);
  const buttons = [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Danger,
      label: s.merge,
      custom_id: editorCustomId({ verb: "pmerge", storyId: story.id, fromId: from.id, intoId: into.id }),
    },
    { type: ComponentType.Button, style: ButtonStyle.Secondary, label: s.cancel, custom_id: editorCustomId({ verb: "pmkeep" }) },
  ] as const;
  await i.reply(
    replyOptions(fitMessage({ content: lines.join("\n"), components: [{ type: ComponentType.ActionRow, components: [...buttons] }], ephemeral: true })),
  );
}

/** The Merge button: merges, or says why not; the question is replaced by the answer. */
export async function confirmMerge(
  i: MessageComponentInteraction,
  ctx: BotContext,
  lang: Lang,
  a: { storyId: number; fromId: number; intoId: number },
): Promise<void> {
  const s = t(lang).people.merge;
  const story = getStoryById(ctx.db, a.storyId);
  const from = story ? getEntity(ctx.db, story.id, a.fromId) : null;
  const into = story ? getEntity(ctx.db, story.id, a.intoId) : null;
  if (!story || !from || !into) return void (await i.update(editOptions(renderEditorNotice(s.gone))));
  const aliases = mergedAliases(from, into);
  if (aliases.length > STORY_LIMITS.aliasesPerEntity) {
    throw new UserError(t(lang).people.person.tooManyAliases(aliases.length, STORY_LIMITS.aliasesPerEntity));
  }
  const merged = mergePeople(ctx.db, {
    storyId: story.id,
    storySlug: story.slug,
    fromId: from.id,
    intoId: into.id,
    aliases,
    actor: actorOf(i),
    now: ctx.now(),
  });
  if (!merged) return void (await i.update(editOptions(renderEditorNotice(s.gone))));
  ctx.log.info({ storyId: story.id, from: from.key, into: into.key, userId: i.user.id }, "editor merged two people");
  await i.update(editOptions(renderEditorNotice(s.merged(nameOf(from), nameOf(into)))));
}
