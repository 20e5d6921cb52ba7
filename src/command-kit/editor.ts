/**
 * What every /editor handler shares: the editor check, who is acting, the people lookup, and
 * the form's custom_ids (the event an option names is src/resolvers/event.ts). /feed and /review use its editor check.
 *
 * custom_ids (prefix "ed", ≤ 100 chars; ids are numbers, updatedAt is unix ms):
 *   ed:add:<storyId>[:<draftId>]               form for a new event (draft: the one reopened)
 *   ed:edit:<storyId>:<eventId>:<draftId>      form correcting an event (draft: what it first showed)
 *   ed:retry:<draftId>                         "Edit and retry": reopens a refused form as typed
 *   ed:rm:<storyId>:<eventId>:<updatedAt>      confirms a removal of the event as it was shown
 *   ed:keep                                    cancels a removal
 */
import { ComponentType, PermissionFlagsBits, type BaseInteraction, type ModalSubmitInteraction } from "discord.js";
import type { AuditActor } from "../../db/audit.ts";
import type { Db } from "../../db/index.ts";
import type { EventDetail, Lang } from "../../db/types.ts";
import { UserError, type BotContext } from "../context.ts";
import { isEditor } from "../editor/access.ts";
import { formFields, type FormFields } from "../editor/fields.ts";
import type { PeopleLookup } from "../editor/people.ts";
import { t } from "../i18n/index.ts";
import { resolveEntity } from "../resolvers/entity.ts";

export const PREFIX = "ed";

/** The custom_ids of the editor's forms and buttons (see the table above). */
export const ids = {
  add: (storyId: number, draftId?: number) => (draftId ? `${PREFIX}:add:${storyId}:${draftId}` : `${PREFIX}:add:${storyId}`),
  edit: (storyId: number, eventId: number, draftId: number) => `${PREFIX}:edit:${storyId}:${eventId}:${draftId}`,
  retry: (draftId: number) => `${PREFIX}:retry:${draftId}`,
  remove: (storyId: number, e: EventDetail) => `${PREFIX}:rm:${storyId}:${e.id}:${e.updatedAt}`,
  keep: `${PREFIX}:keep`,
};

/** A custom_id argument as a positive integer, or 0 when it is anything else. */
export function idArg(arg: string | undefined): number {
  return arg && /^\d{1,15}$/.test(arg) ? Number(arg) : 0;
}

/**
 * Refuses unless the user is an editor (EDITOR_USER_IDS, or Manage Server in EDITOR_GUILD_ID)
 * and acts in a server. Every command, form and button calls this first: command
 * visibility is a server's choice, not a permission.
 */
export function requireEditor(interaction: BaseInteraction, ctx: BotContext, lang: Lang): void {
  const managesGuild = interaction.inGuild() && (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false);
  if (!isEditor({ userId: interaction.user.id, guildId: interaction.guildId, managesGuild }, ctx.config)) {
    throw new UserError(t(lang).editor.notEditor);
  }
  if (!interaction.inGuild()) throw new UserError(t(lang).editor.guildOnly);
}

/** Whether the user is an editor, for autocomplete (which cannot show a refusal). */
export function mayEdit(interaction: BaseInteraction, ctx: BotContext): boolean {
  try {
    requireEditor(interaction, ctx, "en");
    return true;
  } catch {
    return false;
  }
}

/** Who is acting, as the audit log records it. */
export function actorOf(interaction: BaseInteraction): AuditActor {
  return { userId: interaction.user.id, userName: interaction.user.username };
}

/** People and organisations of a story, each typed name read as every entity option reads it (src/resolvers/entity.ts). */
export function peopleLookup(db: Db, storyId: number): PeopleLookup {
  return { resolve: (typed) => resolveEntity(db, storyId, typed) };
}

/** The text inputs of a submitted form; missing or non-text fields read as "". */
export function submittedFields(interaction: ModalSubmitInteraction): FormFields {
  const raw: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) if (field.type === ComponentType.TextInput) raw[id] = field.value;
  return formFields(raw);
}
