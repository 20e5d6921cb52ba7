import { PermissionFlagsBits, type ChatInputCommandInteraction, type ModalSubmitInteraction, type SlashCommandStringOption } from "discord.js";
import { eventStanding, saveEventStatus, VERIFICATIONS, type Verification } from "../db/event-sources.ts";
import { eventHistory, loggedEventId } from "../db/audit.ts";
import { deleteDraft, getDraft, saveDraft, updateDraftFields } from "../db/editor-drafts.ts";
import { addEditorEvent, removeEvent, updateEvent } from "../db/event-writes.ts";
import { getEvent, getEventByKey, timelinePlace } from "../db/events.ts";
import { getStoryById } from "../db/stories.ts";
import type { EventDetail, Lang, Story } from "../db/types.ts";
import { named, slash } from "../src/command-kit/builders.ts";
import { UserError, type BotContext, type Command } from "../src/context.ts";
import { activeStory, requireStory } from "../src/resolvers/story.ts";
import { formFields, type FormFields, type Problem } from "../src/editor/fields.ts";
import { readCorrection, readNewEvent } from "../src/editor/form.ts";
import { diffValues, prefill, valuesOf } from "../src/editor/values.ts";
import { localizedChoices } from "../src/i18n/commands.ts";
import { langFromLocale, pickOr, t } from "../src/i18n/index.ts";
import {
  renderAdded,
  renderCorrected,
  renderEditorNotice,
  renderEditorProblems,
  renderHistory,
  renderRemoveConfirm,
  renderRemoved,
} from "../src/render/editor.ts";
import { renderEditorModal } from "../src/render/editor-form.ts";
import { renderStatusSaved } from "../src/render/status.ts";
import { editOptions, replyOptions, type Reply } from "../src/render/index.ts";
import { actorOf, idArg, mayEdit, peopleLookup, requireEditor, submittedFields } from "../src/command-kit/editor.ts";
import { EDITOR_PREFIX, editorCustomId, parseEditorArgs } from "../src/custom-ids.ts";
import { focusedText, requiredText } from "../src/command-kit/options.ts";
import { eventAutocomplete, eventFromOption, eventNotFoundText } from "../src/resolvers/event.ts";
import { entityAutocomplete } from "../src/resolvers/entity.ts";
import { personCommand, personGroup } from "../src/command-kit/person-command.ts";
import { retryPerson, submitPerson } from "../src/command-kit/people.ts";
import { confirmMerge } from "../src/command-kit/person-merge.ts";
import { quoteChoices, quoteCommand, quoteGroup } from "../src/command-kit/quotes.ts";

const idOption = (key: "editor.edit.id" | "editor.remove.id" | "editor.history.id" | "editor.status.id") => (o: SlashCommandStringOption) =>
  named(o, key).setRequired(true).setAutocomplete(true).setMaxLength(100);

/** An event's history; also of a removed event (by its id or key), whose log stays. */
function history(ctx: BotContext, story: Story, value: string, lang: Lang): Reply {
  const v = value.trim();
  const live = getEventByKey(ctx.db, story.id, v);
  const removedId = live ? 0 : idArg(v) || loggedEventId(ctx.db, { storySlug: story.slug, eventKey: v });
  const event = removedId && !getEvent(ctx.db, story.id, removedId) ? null : eventFromOption(ctx.db, story.id, value, lang);
  const { entries, total } = eventHistory(ctx.db, story.id, event?.id ?? removedId);
  if (!event && total === 0) throw new UserError(eventNotFoundText(value, lang));
  const title = event ? pickOr(event.title, lang, event.key) : (entries[0]?.eventTitle ?? value);
  return renderHistory(title, entries, total, story, lang);
}

/** Longest note `/editor status` keeps. */
const NOTE_MAX = 200;

/** `/editor status`: confirmed, disputed or corrected with a note, or back to what its sources say. */
function setStatus(i: ChatInputCommandInteraction, ctx: BotContext, story: Story, event: EventDetail, lang: Lang): Reply {
  const chosen = i.options.getString("status", true);
  const verification = (VERIFICATIONS as readonly string[]).includes(chosen) ? (chosen as Verification) : null;
  if (verification === null && chosen !== "sources") throw new UserError(t(lang).errors.expired);
  const note = (i.options.getString("note") ?? "").trim().slice(0, NOTE_MAX) || null;
  const title = pickOr(event.title, lang, event.key);
  const outcome = saveEventStatus(ctx.db, {
    event: { id: event.id, key: event.key, title: pickOr(event.title, "en", event.key) },
    story,
    verification,
    note,
    actor: actorOf(i),
    now: ctx.now(),
  });
  if (outcome === "gone") throw new UserError(t(lang).editor.eventGone);
  if (outcome === "saved") ctx.log.info({ storyId: story.id, eventId: event.id, status: chosen, userId: i.user.id }, "editor set an event's status");
  return renderStatusSaved(title, eventStanding(ctx.db, event.id), outcome === "saved", lang);
}

/**
 * Keeps what was typed in a draft (the one the form came from, when it is this user's) and
 * answers with the problems and an "Edit and retry" button reopening it.
 */
async function refuse(
  i: ModalSubmitInteraction,
  ctx: BotContext,
  lang: Lang,
  problems: Problem[],
  draft: { id: number; storyId: number; eventId: number | null; fields: FormFields; base: FormFields | null },
): Promise<void> {
  const own = draft.id ? getDraft(ctx.db, draft.id, ctx.now()) : null;
  let id = own?.userId === i.user.id ? own.id : 0;
  if (id) updateDraftFields(ctx.db, { id, fields: draft.fields, now: ctx.now() });
  else id = saveDraft(ctx.db, { userId: i.user.id, storyId: draft.storyId, eventId: draft.eventId, fields: draft.fields, base: draft.base, now: ctx.now() });
  await i.reply(replyOptions(renderEditorProblems(problems, lang, editorCustomId({ verb: "retry", draftId: id }))));
}

/** A submitted form for a new event: read, refused with the text kept, or added. */
async function submitAdd(i: ModalSubmitInteraction, ctx: BotContext, lang: Lang, form: { storyId: number; draftId: number | null }): Promise<void> {
  const story = getStoryById(ctx.db, form.storyId);
  if (!story) throw new UserError(t(lang).errors.expired);
  const draftId = form.draftId ?? 0;
  const fields = submittedFields(i);
  const read = readNewEvent(fields, { localeLang: lang, people: peopleLookup(ctx.db, story.id) });
  if (!read.ok) return refuse(i, ctx, lang, read.problems, { id: draftId, storyId: story.id, eventId: null, fields, base: null });
  const added = addEditorEvent(ctx.db, { storyId: story.id, event: read.event, actor: actorOf(i), changes: read.changes, now: ctx.now() });
  if (!added) throw new UserError(t(lang).errors.expired);
  if (draftId && getDraft(ctx.db, draftId, ctx.now())?.userId === i.user.id) deleteDraft(ctx.db, draftId);
  ctx.log.info({ storyId: story.id, eventId: added.id, key: added.key, userId: i.user.id }, "editor added an event");
  await i.reply(replyOptions(renderAdded(getEvent(ctx.db, story.id, added.id)!, story, timelinePlace(ctx.db, story.id, added.id), lang)));
}

/** A submitted correction: only what the editor changed is read and saved. */
async function submitEdit(i: ModalSubmitInteraction, ctx: BotContext, lang: Lang, form: { storyId: number; eventId: number; draftId: number }): Promise<void> {
  const { storyId, eventId, draftId } = form;
  const story = getStoryById(ctx.db, storyId);
  const current = story ? getEvent(ctx.db, storyId, eventId) : null;
  if (!story || !current) throw new UserError(t(lang).editor.eventGone);
  const draft = draftId ? getDraft(ctx.db, draftId, ctx.now()) : null;
  const base = draft?.userId === i.user.id && draft.base ? formFields(draft.base) : prefill(current, lang);
  const fields = submittedFields(i);
  const read = readCorrection(fields, base, current, { localeLang: lang, people: peopleLookup(ctx.db, storyId) });
  if (!read.ok) return refuse(i, ctx, lang, read.problems, { id: draftId, storyId, eventId, fields, base });
  if (Object.keys(read.changes).length === 0) {
    if (draftId && draft?.userId === i.user.id) deleteDraft(ctx.db, draftId);
    return void (await i.reply(replyOptions(renderEditorNotice(t(lang).editor.nothingChanged))));
  }
  const outcome = updateEvent(ctx.db, {
    storyId,
    eventId,
    expectedUpdatedAt: current.updatedAt,
    update: read.update,
    actor: actorOf(i),
    changes: read.changes,
    now: ctx.now(),
  });
  if (outcome === "gone") throw new UserError(t(lang).editor.eventGone);
  if (outcome === "changed") throw new UserError(t(lang).editor.changedMeanwhile);
  if (draftId && draft?.userId === i.user.id) deleteDraft(ctx.db, draftId);
  ctx.log.info({ storyId, eventId, fields: Object.keys(read.changes), userId: i.user.id }, "editor corrected an event");
  const place = timelinePlace(ctx.db, storyId, eventId);
  await i.reply(replyOptions(renderCorrected(getEvent(ctx.db, storyId, eventId)!, story, read.changes, place, lang)));
}

/**
 * `/editor`: editors add, correct and remove events of the story this server follows, say
 * how well one is attested (`status`), and see who changed what. Hidden by default from members without Manage Server; every
 * command, form and button checks the editor list again (see _editor-kit.ts).
 */
export default {
  scope: "server",
  data: slash("editor")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sc) => named(sc, "editor.add"))
    .addSubcommand((sc) => named(sc, "editor.edit").addStringOption(idOption("editor.edit.id")))
    .addSubcommand((sc) => named(sc, "editor.remove").addStringOption(idOption("editor.remove.id")))
    .addSubcommand((sc) => named(sc, "editor.history").addStringOption(idOption("editor.history.id")))
    .addSubcommand((sc) =>
      named(sc, "editor.status")
        .addStringOption(idOption("editor.status.id"))
        .addStringOption((o) =>
          named(o, "editor.status.status")
            .setRequired(true)
            .addChoices(...localizedChoices("editor.status.status")),
        )
        .addStringOption((o) => named(o, "editor.status.note").setMaxLength(NOTE_MAX)),
    )
    .addSubcommandGroup((g) => personGroup(g))
    .addSubcommandGroup((g) => quoteGroup(g)),
  prefix: EDITOR_PREFIX,

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const story = requireStory(ctx, interaction, lang);
    const sub = interaction.options.getSubcommand();
    if (interaction.options.getSubcommandGroup() === "person") return personCommand(interaction, ctx, story, lang);
    if (interaction.options.getSubcommandGroup() === "quote") return quoteCommand(interaction, ctx, story, lang);
    if (sub === "add") {
      return interaction.showModal(renderEditorModal("add", editorCustomId({ verb: "add", storyId: story.id, draftId: null }), formFields({}), lang));
    }
    const value = requiredText(interaction, "id");
    if (sub === "history") return interaction.reply(replyOptions(history(ctx, story, value, lang)));
    const event = eventFromOption(ctx.db, story.id, value, lang);
    if (sub === "status") return interaction.reply(replyOptions(setStatus(interaction, ctx, story, event, lang)));
    if (sub === "remove") {
      const confirmId = editorCustomId({ verb: "rm", storyId: story.id, eventId: event.id, updatedAt: event.updatedAt });
      return interaction.reply(replyOptions(renderRemoveConfirm(event, lang, confirmId, editorCustomId({ verb: "keep" }))));
    }
    const base = prefill(event, lang);
    const draftId = saveDraft(ctx.db, { userId: interaction.user.id, storyId: story.id, eventId: event.id, fields: base, base, now: ctx.now() });
    return interaction.showModal(renderEditorModal("edit", editorCustomId({ verb: "edit", storyId: story.id, eventId: event.id, draftId }), base, lang));
  },

  async autocomplete(interaction, ctx) {
    const story = activeStory(ctx, interaction);
    if (!story || !mayEdit(interaction, ctx)) return interaction.respond([]);
    const focused = focusedText(interaction);
    const lang = langFromLocale(interaction.locale);
    if (focused.name === "quote") return interaction.respond(quoteChoices(interaction, ctx, story, lang));
    if (focused.name === "who" || focused.name === "from" || focused.name === "into")
      return interaction.respond(entityAutocomplete(ctx.db, story.id, focused.value, lang));
    return interaction.respond(eventAutocomplete(ctx.db, story.id, focused.value, langFromLocale(interaction.locale)));
  },

  async modal(interaction, ctx, args) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const form = parseEditorArgs(args);
    if (form?.verb === "add") return submitAdd(interaction, ctx, lang, form);
    if (form?.verb === "edit") return submitEdit(interaction, ctx, lang, form);
    if (form?.verb === "padd") return submitPerson(interaction, ctx, lang, { ...form, entityId: null });
    if (form?.verb === "pedit") return submitPerson(interaction, ctx, lang, form);
    throw new UserError(t(lang).errors.expired);
  },

  async button(interaction, ctx, args) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const s = t(lang).editor;
    const action = parseEditorArgs(args);
    if (action?.verb === "keep") return interaction.update(editOptions(renderEditorNotice(s.removeCancelled)));
    if (action?.verb === "pretry") return retryPerson(interaction, ctx, lang, action.draftId);
    if (action?.verb === "pmerge") return confirmMerge(interaction, ctx, lang, action);
    if (action?.verb === "pmkeep") return interaction.update(editOptions(renderEditorNotice(t(lang).people.merge.cancelled)));
    if (action?.verb === "retry") {
      const draft = getDraft(ctx.db, action.draftId, ctx.now());
      if (!draft) throw new UserError(s.draftExpired);
      if (draft.userId !== interaction.user.id) throw new UserError(s.draftNotYours);
      const fields = formFields(draft.fields);
      if (draft.eventId === null)
        return interaction.showModal(renderEditorModal("add", editorCustomId({ verb: "add", storyId: draft.storyId, draftId: draft.id }), fields, lang));
      const current = getEvent(ctx.db, draft.storyId, draft.eventId);
      if (!current) throw new UserError(s.eventGone);
      // A draft saved before the form had an importance list opens with the event's own.
      const reopened = { ...fields, importance: fields.importance || String(current.importance) };
      return interaction.showModal(
        renderEditorModal("edit", editorCustomId({ verb: "edit", storyId: draft.storyId, eventId: draft.eventId, draftId: draft.id }), reopened, lang),
      );
    }
    if (action?.verb !== "rm") throw new UserError(t(lang).errors.expired);
    const { storyId, eventId } = action;
    const event = getEvent(ctx.db, storyId, eventId);
    if (!event) return interaction.update(editOptions(renderEditorNotice(s.eventGone)));
    const changes = diffValues(valuesOf(event), null);
    const outcome = removeEvent(ctx.db, { storyId, eventId, expectedUpdatedAt: action.updatedAt, actor: actorOf(interaction), changes, now: ctx.now() });
    if (outcome === "saved") ctx.log.info({ storyId, eventId, key: event.key, userId: interaction.user.id }, "editor removed an event");
    const reply = outcome === "saved" ? renderRemoved(event, lang) : renderEditorNotice(outcome === "gone" ? s.eventGone : s.changedMeanwhile);
    return interaction.update(editOptions(reply));
  },
} satisfies Command;
