/**
 * `/editor person add|edit|alias`: the person form and its answers. commands/editor.ts only
 * dispatches here. The editor check (requireEditor) is the caller's, on every command, form
 * and button; a refused form keeps what was typed in a draft (db/editor-drafts.ts, marked
 * `form: "person"`) reopened by "Edit and retry", as the event form does.
 */
import { ButtonStyle, ComponentType, type ChatInputCommandInteraction, type MessageComponentInteraction, type ModalSubmitInteraction } from "discord.js";
import { getEntity } from "../../db/entities.ts";
import { addPerson, nameTaken, updatePerson } from "../../db/entity-writes.ts";
import { deleteDraft, getDraft, saveDraft, updateDraftFields } from "../../db/editor-drafts.ts";
import { getStoryById } from "../../db/stories.ts";
import type { Entity, Lang, Story } from "../../db/types.ts";
import { UserError, type BotContext } from "../context.ts";
import { editorCustomId } from "../custom-ids.ts";
import { personChanges, personFields, personPrefill, readPerson, splitAliases, type PersonFields, type PersonValues } from "../editor/person.ts";
import { joinList, t } from "../i18n/index.ts";
import { renderEditorNotice } from "../render/editor.ts";
import { renderRefusal } from "../render/people.ts";
import { renderPersonModal } from "../render/person-form.ts";
import { replyOptions } from "../render/index.ts";
import { refuseBlank, resolveEntity } from "../resolvers/entity.ts";
import { actorOf } from "./editor.ts";
import { optionText, requiredText } from "./options.ts";

/** The one person an option names in the story (read as every entity option reads it), or a clear refusal. */
export function personFromOption(ctx: BotContext, storyId: number, value: string, lang: Lang): Entity {
  const found = refuseBlank(resolveEntity(ctx.db, storyId, value), value, lang);
  const p = t(lang).editor.problems;
  if (found.kind === "many") throw new UserError(p.ambiguousPerson(value));
  const entity = found.kind === "one" ? getEntity(ctx.db, storyId, found.entity.id) : null;
  if (!entity) throw new UserError(p.unknownPerson(value));
  return entity;
}

const displayName = (e: { key: string; name: { en: string | null; zh: string | null } }) => e.name.en ?? e.name.zh ?? e.key;
const valuesOf = (e: Entity): PersonValues => ({ kind: e.kind, name: e.name, role: e.role, aliases: e.aliases });

/** `/editor person add`: an empty form. */
export function showPersonAdd(i: ChatInputCommandInteraction, story: Story, lang: Lang): Promise<unknown> {
  return i.showModal(renderPersonModal("add", editorCustomId({ verb: "padd", storyId: story.id, draftId: null }), personFields({}), lang));
}

/** `/editor person edit who:`: the form prefilled with the person as they are. */
export function showPersonEdit(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<unknown> {
  const entity = personFromOption(ctx, story.id, requiredText(i, "who"), lang);
  const id = editorCustomId({ verb: "pedit", storyId: story.id, entityId: entity.id, draftId: null });
  return i.showModal(renderPersonModal("edit", id, personPrefill(valuesOf(entity)), lang));
}

/** A name or alias someone else of the story already answers to, as a problem; null when all are free. */
function takenProblem(ctx: BotContext, storyId: number, p: PersonValues, exceptId: number | undefined, lang: Lang): string | null {
  const names = [p.name.en, p.name.zh, ...p.aliases].filter((n): n is string => !!n);
  const taken = nameTaken(ctx.db, { storyId, names, exceptId });
  return taken ? t(lang).people.person.nameTaken(taken.name, displayName(taken.entity)) : null;
}

/** The changed fields' names, for "Changed: …". */
function changedNames(changes: object, lang: Lang): string {
  const v = t(lang).people.person.valueNames;
  return joinList(
    Object.keys(changes).map((k) => v[k as keyof typeof v] ?? k),
    lang,
  );
}

/** A submitted form's text inputs and chosen kind; missing ones read as "". */
function submitted(i: ModalSubmitInteraction): PersonFields {
  const raw: Record<string, string> = {};
  for (const [id, field] of i.fields.fields) {
    if (field.type === ComponentType.TextInput) raw[id] = field.value;
    else if (field.type === ComponentType.StringSelect) raw[id] = field.values?.[0] ?? "";
  }
  return personFields(raw);
}

/** Keeps what was typed (in the form's own draft when it is this user's) and answers with the problems and "Edit and retry". */
async function refuse(
  i: ModalSubmitInteraction,
  ctx: BotContext,
  lang: Lang,
  problems: string[],
  d: { draftId: number | null; storyId: number; entityId: number | null; fields: PersonFields },
): Promise<void> {
  const fields = { ...d.fields, form: "person", entity: d.entityId ? String(d.entityId) : "" };
  const own = d.draftId ? getDraft(ctx.db, d.draftId, ctx.now()) : null;
  let id = own?.userId === i.user.id ? own.id : 0;
  if (id) updateDraftFields(ctx.db, { id, fields, now: ctx.now() });
  else id = saveDraft(ctx.db, { userId: i.user.id, storyId: d.storyId, eventId: null, fields, base: null, now: ctx.now() });
  const reply = renderRefusal(t(lang).people.person.notSaved, [...problems, t(lang).editor.keptHint], lang);
  const button = {
    type: ComponentType.Button,
    style: ButtonStyle.Primary,
    label: t(lang).editor.retry,
    custom_id: editorCustomId({ verb: "pretry", draftId: id }),
  } as const;
  await i.reply(replyOptions({ ...reply, components: [{ type: ComponentType.ActionRow, components: [button] }] }));
}

/** A submitted person form (`ed:padd` or `ed:pedit`): refused with the text kept, or saved and audited. */
export async function submitPerson(
  i: ModalSubmitInteraction,
  ctx: BotContext,
  lang: Lang,
  form: { storyId: number; entityId: number | null; draftId: number | null },
): Promise<void> {
  const s = t(lang).people.person;
  const story = getStoryById(ctx.db, form.storyId);
  if (!story) throw new UserError(t(lang).errors.expired);
  const current = form.entityId ? getEntity(ctx.db, story.id, form.entityId) : null;
  if (form.entityId && !current) throw new UserError(s.gone);
  const fields = submitted(i);
  const read = readPerson(fields, lang);
  const taken = read.ok ? takenProblem(ctx, story.id, read.person, current?.id, lang) : null;
  if (!read.ok || taken) {
    return refuse(i, ctx, lang, read.ok ? [taken!] : read.problems, { ...form, storyId: story.id, fields });
  }
  const before = current ? valuesOf(current) : null;
  const changes = personChanges(before, read.person);
  const common = { storyId: story.id, storySlug: story.slug, person: read.person, actor: actorOf(i), changes, now: ctx.now() };
  const done = () => form.draftId && getDraft(ctx.db, form.draftId, ctx.now())?.userId === i.user.id && deleteDraft(ctx.db, form.draftId);
  if (!current) {
    const added = addPerson(ctx.db, common);
    done();
    ctx.log.info({ storyId: story.id, key: added.key, userId: i.user.id }, "editor added a person");
    return void (await i.reply(replyOptions(renderEditorNotice(s.added(displayName({ key: added.key, name: read.person.name }), added.key)))));
  }
  if (Object.keys(changes).length === 0) {
    done();
    return void (await i.reply(replyOptions(renderEditorNotice(s.nothingChanged))));
  }
  if (!updatePerson(ctx.db, { ...common, entityId: current.id })) throw new UserError(s.gone);
  done();
  ctx.log.info({ storyId: story.id, key: current.key, fields: Object.keys(changes), userId: i.user.id }, "editor corrected a person");
  await i.reply(replyOptions(renderEditorNotice(s.saved(displayName({ key: current.key, name: read.person.name }), changedNames(changes, lang)))));
}

/** "Edit and retry" of a refused person form: the form reopened as it was typed (only by who typed it). */
export async function retryPerson(i: MessageComponentInteraction, ctx: BotContext, lang: Lang, draftId: number): Promise<void> {
  const s = t(lang).editor;
  const draft = getDraft(ctx.db, draftId, ctx.now());
  if (draft?.fields.form !== "person") throw new UserError(s.draftExpired);
  if (draft.userId !== i.user.id) throw new UserError(s.draftNotYours);
  const entityId = Number(draft.fields.entity) || null;
  const id = entityId
    ? editorCustomId({ verb: "pedit", storyId: draft.storyId, entityId, draftId: draft.id })
    : editorCustomId({ verb: "padd", storyId: draft.storyId, draftId: draft.id });
  await i.showModal(renderPersonModal(entityId ? "edit" : "add", id, personFields(draft.fields), lang));
}

/** `/editor person alias who: add: [remove:]`: aliases added (refused when someone else has one) and removed, audited. */
export async function personAlias(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, lang: Lang): Promise<void> {
  const s = t(lang).people.person;
  const entity = personFromOption(ctx, story.id, requiredText(i, "who"), lang);
  const add = splitAliases(optionText(i, "add") ?? "");
  const remove = splitAliases(optionText(i, "remove") ?? "");
  if (add.length === 0 && remove.length === 0) throw new UserError(s.aliasNothing);
  const who = displayName(entity);
  const missing = remove.find((r) => !entity.aliases.some((a) => a.toLowerCase() === r.toLowerCase()));
  if (missing) throw new UserError(s.aliasNotThere(missing, who));
  const kept = entity.aliases.filter((a) => !remove.some((r) => r.toLowerCase() === a.toLowerCase()));
  const aliases = [...kept, ...add.filter((a) => !kept.some((k) => k.toLowerCase() === a.toLowerCase()))];
  const read = readPerson({ ...personPrefill(valuesOf(entity)), aliases: aliases.join(", ") }, lang);
  const taken = read.ok ? takenProblem(ctx, story.id, { ...read.person, name: { en: null, zh: null }, aliases: add }, entity.id, lang) : null;
  if (!read.ok || taken) return void (await i.reply(replyOptions(renderRefusal(s.notSaved, read.ok ? [taken!] : read.problems, lang))));
  const changes = personChanges(valuesOf(entity), read.person);
  if (Object.keys(changes).length === 0) return void (await i.reply(replyOptions(renderEditorNotice(s.nothingChanged))));
  const saved = updatePerson(ctx.db, {
    storyId: story.id,
    storySlug: story.slug,
    entityId: entity.id,
    person: read.person,
    actor: actorOf(i),
    changes,
    now: ctx.now(),
  });
  if (!saved) throw new UserError(s.gone);
  ctx.log.info({ storyId: story.id, key: entity.key, userId: i.user.id }, "editor changed a person's aliases");
  await i.reply(replyOptions(renderEditorNotice(s.saved(who, changedNames(changes, lang)))));
}
