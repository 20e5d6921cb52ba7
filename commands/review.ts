import { ComponentType, PermissionFlagsBits, type MessageComponentInteraction, type ModalSubmitInteraction } from "discord.js";
import { updateEvent } from "../db/event-writes.ts";
import { mergeDevelopment, publishedEventOf, splitDevelopment } from "../db/developments.ts";
import { approveEvent, eventStatus, getPendingEvent, nextPending, rejectEvent, type ReviewItem } from "../db/review.ts";
import { getStoryById } from "../db/stories.ts";
import type { Lang, Story } from "../db/types.ts";
import { slash } from "../src/command-kit/builders.ts";
import { UserError, type BotContext, type Command } from "../src/context.ts";
import { eventFromOption } from "../src/resolvers/event.ts";
import { requireStory } from "../src/resolvers/story.ts";
import { readCorrection } from "../src/editor/form.ts";
import { prefill } from "../src/editor/values.ts";
import { langFromLocale, t } from "../src/i18n/index.ts";
import { renderEditorProblems } from "../src/render/editor.ts";
import { renderEditorModal } from "../src/render/editor-form.ts";
import { developmentNewNames } from "../src/feeds/newsroom.ts";
import { renderReview, type ReviewNotice } from "../src/render/feeds.ts";
import { MERGE_EVENT_FIELD, renderMergeSearchModal } from "../src/render/review-merge.ts";
import { editOptions, replyOptions, type Reply } from "../src/render/index.ts";
import { actorOf, peopleLookup, requireEditor, submittedFields } from "../src/command-kit/editor.ts";
import { parseReviewArgs, REVIEW_PREFIX, reviewCustomId } from "../src/custom-ids.ts";

/** The story of an event named by a custom_id; a stale or forged id is refused. */
function storyOfEvent(ctx: BotContext, eventId: number, lang: Lang): Story {
  const status = eventId ? eventStatus(ctx.db, eventId) : null;
  const story = status ? getStoryById(ctx.db, status.storyId) : null;
  if (!story) throw new UserError(t(lang).errors.expired);
  return story;
}

/** How long a card waits for the newsroom's new names before it is shown without them. */
const NEW_NAMES_MS = 1500;

/** The card of a development with the new names its reports give (the newsroom knows them). */
async function card(ctx: BotContext, item: ReviewItem | null, story: Story, lang: Lang, notice?: ReviewNotice): Promise<Reply> {
  if (item) {
    try {
      // An engine rebuilt after a change takes a second or two for 10,000 stored items: the card
      // must answer within Discord's 3 seconds, so it waits at most NEW_NAMES_MS for them.
      const names = developmentNewNames(ctx.db, story.id, item.reports[0]?.groupId ?? null, ctx.now());
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string[]>((resolve) => {
        timer = setTimeout(() => resolve([]), NEW_NAMES_MS);
      });
      item.newNames = await Promise.race([names, late]).finally(() => clearTimeout(timer));
    } catch (err) {
      // The card is still worth showing without them.
      ctx.log.warn({ err, eventId: item.event.id }, "new names of a development not worked out");
    }
  }
  return renderReview(item, story, lang, notice);
}

/** The one id an editor chose in a select of the card; null for anything else. */
function chosenId(i: MessageComponentInteraction): number | null {
  const v = i.isStringSelectMenu() && i.values.length === 1 ? i.values[0]! : "";
  return /^[1-9]\d{0,14}$/.test(v) ? Number(v) : null;
}

/** Merges the development into a published event (chosen in the select or named in the form); then the next development. */
async function mergeInto(ctx: BotContext, story: Story, eventId: number, intoId: number, lang: Lang, userId: string): Promise<Reply> {
  const into = publishedEventOf(ctx.db, story.id, intoId);
  const done = into !== null && mergeDevelopment(ctx.db, { storyId: story.id, eventId, intoId, now: ctx.now() });
  if (!done || !into) return card(ctx, nextPending(ctx.db, story.id, eventId), story, lang, { kind: "alreadyDone" });
  ctx.log.info({ eventId, into: into.key, storyId: story.id, userId }, "development merged into an event");
  return card(ctx, nextPending(ctx.db, story.id, eventId), story, lang, { kind: "merged", event: into });
}

/** Merge into the chosen event, or split the chosen report out; then the next development. */
async function mergeOrSplit(i: MessageComponentInteraction, ctx: BotContext, story: Story, verb: "merge" | "split", eventId: number, lang: Lang) {
  const chosen = chosenId(i);
  if (chosen === null) throw new UserError(t(lang).errors.expired);
  const now = ctx.now();
  if (verb === "merge") return i.update(editOptions(await mergeInto(ctx, story, eventId, chosen, lang, i.user.id)));
  const made = splitDevelopment(ctx.db, { storyId: story.id, eventId, itemId: chosen, now });
  if (made === null)
    return i.update(
      editOptions(await card(ctx, getPendingEvent(ctx.db, eventId) ?? nextPending(ctx.db, story.id, eventId), story, lang, { kind: "alreadyDone" })),
    );
  ctx.log.info({ eventId, itemId: chosen, newEventId: made, storyId: story.id, userId: i.user.id }, "report split out of a development");
  return i.update(editOptions(await card(ctx, getPendingEvent(ctx.db, eventId), story, lang, { kind: "split", count: 1 })));
}

/** Approve or reject, then the next suggestion in place of this one. */
async function decide(ctx: BotContext, story: Story, eventId: number, approve: boolean, lang: Lang, userId: string): Promise<Reply> {
  const item = getPendingEvent(ctx.db, eventId);
  const done = item && (approve ? approveEvent(ctx.db, eventId, ctx.now()) : rejectEvent(ctx.db, eventId, ctx.now()));
  let notice: ReviewNotice = { kind: "alreadyDone" };
  if (item && done) {
    notice = { kind: approve ? "approved" : "rejected", event: item.event };
    ctx.log.info({ eventId, key: item.event.key, storyId: story.id, userId }, approve ? "feed event approved" : "feed event rejected");
  }
  return card(ctx, nextPending(ctx.db, story.id, eventId), story, lang, notice);
}

/** The corrected form: saved with the editor's rules, the event staying pending for a decision. */
async function save(i: ModalSubmitInteraction, ctx: BotContext, lang: Lang, form: { eventId: number; updatedAt: number }): Promise<unknown> {
  const { eventId, updatedAt: shownAt } = form;
  const story = storyOfEvent(ctx, eventId, lang);
  const item = getPendingEvent(ctx.db, eventId);
  const answer = (reply: Reply) => (i.isFromMessage() ? i.update(editOptions(reply)) : i.reply(replyOptions(reply)));
  if (!item) return answer(await card(ctx, nextPending(ctx.db, story.id), story, lang, { kind: "alreadyDone" }));
  if (item.event.updatedAt !== shownAt) throw new UserError(t(lang).editor.changedMeanwhile);
  const read = readCorrection(submittedFields(i), prefill(item.event, lang), item.event, { localeLang: lang, people: peopleLookup(ctx.db, story.id) });
  if (!read.ok) return i.reply(replyOptions(renderEditorProblems(read.problems, lang, null)));
  if (Object.keys(read.changes).length === 0) return answer(await card(ctx, item, story, lang, { kind: "nothingChanged" }));
  const outcome = updateEvent(ctx.db, {
    storyId: story.id,
    eventId,
    expectedUpdatedAt: shownAt,
    update: read.update,
    actor: actorOf(i),
    changes: read.changes,
    now: ctx.now(),
  });
  if (outcome === "changed") throw new UserError(t(lang).editor.changedMeanwhile);
  const edited = getPendingEvent(ctx.db, eventId);
  if (outcome === "gone" || !edited) return answer(await card(ctx, nextPending(ctx.db, story.id), story, lang, { kind: "alreadyDone" }));
  ctx.log.info({ eventId, storyId: story.id, fields: Object.keys(read.changes), userId: i.user.id }, "feed event corrected in review");
  return answer(await card(ctx, edited, story, lang, { kind: "edited", event: edited.event }));
}

/**
 * The "Merge into another event…" form: the event named as `/event id:` reads it; a value
 * naming none or several is refused with the resolver's answer, the card left as it was.
 */
async function mergeNamed(i: ModalSubmitInteraction, ctx: BotContext, lang: Lang, eventId: number): Promise<unknown> {
  const story = storyOfEvent(ctx, eventId, lang);
  const answer = (reply: Reply) => (i.isFromMessage() ? i.update(editOptions(reply)) : i.reply(replyOptions(reply)));
  if (!getPendingEvent(ctx.db, eventId)) return answer(await card(ctx, nextPending(ctx.db, story.id, eventId), story, lang, { kind: "alreadyDone" }));
  const field = i.fields.fields.get(MERGE_EVENT_FIELD);
  const into = eventFromOption(ctx.db, story.id, field?.type === ComponentType.TextInput ? field.value : "", lang);
  return answer(await mergeInto(ctx, story, eventId, into.id, lang, i.user.id));
}

async function button(i: MessageComponentInteraction, ctx: BotContext, args: string[]): Promise<unknown> {
  const lang = langFromLocale(i.locale);
  requireEditor(i, ctx, lang);
  const action = parseReviewArgs(args);
  if (!action || action.verb === "save" || action.verb === "into") throw new UserError(t(lang).errors.expired);
  const { verb, eventId } = action;
  const story = storyOfEvent(ctx, eventId, lang);
  if (verb === "ok" || verb === "no") return i.update(editOptions(await decide(ctx, story, eventId, verb === "ok", lang, i.user.id)));
  if (verb === "skip") return i.update(editOptions(await card(ctx, nextPending(ctx.db, story.id, eventId), story, lang)));
  if (verb === "merge" || verb === "split") return mergeOrSplit(i, ctx, story, verb, eventId, lang);
  const item = getPendingEvent(ctx.db, eventId);
  if (!item) return i.update(editOptions(await card(ctx, nextPending(ctx.db, story.id, eventId), story, lang, { kind: "alreadyDone" })));
  if (verb === "find") return i.showModal(renderMergeSearchModal(reviewCustomId({ verb: "into", eventId }), lang));
  const customId = reviewCustomId({ verb: "save", eventId, updatedAt: item.event.updatedAt });
  return i.showModal(renderEditorModal("edit", customId, prefill(item.event, lang), lang));
}

/**
 * `/review`: editors go through the developments feeds suggested for the story this server
 * follows, one at a time: approve (published now with all its reports as sources), correct
 * with the editor's form, merge into an existing event (chosen in a select or named in a form
 * as `/event id:` reads it), split a report out, reject (kept, so
 * its reports never return) or skip. Every button, select and form checks the editor list again.
 */
export default {
  scope: "server",
  data: slash("review").setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild),
  prefix: REVIEW_PREFIX,

  async execute(interaction, ctx) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const story = requireStory(ctx, interaction, lang);
    return interaction.reply(replyOptions(await card(ctx, nextPending(ctx.db, story.id), story, lang)));
  },

  button,

  async modal(interaction, ctx, args) {
    const lang = langFromLocale(interaction.locale);
    requireEditor(interaction, ctx, lang);
    const form = parseReviewArgs(args);
    if (form?.verb === "into") return mergeNamed(interaction, ctx, lang, form.eventId);
    if (form?.verb !== "save") throw new UserError(t(lang).errors.expired);
    return save(interaction, ctx, lang, form);
  },
} satisfies Command;
