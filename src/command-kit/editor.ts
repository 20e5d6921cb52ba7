/**
 * What every /editor handler shares: the editor check, who is acting and the people lookup
 * (the event an option names is src/resolvers/event.ts). /feed and /review use its editor
 * check. The editor's custom_ids (`ed:…`) are in src/custom-ids.ts.
 */
import { ComponentType, PermissionFlagsBits, type BaseInteraction, type ModalSubmitInteraction } from "discord.js";
import type { AuditActor } from "../../db/audit.ts";
import type { Db } from "../../db/index.ts";
import type { Lang } from "../../db/types.ts";
import { UserError, type BotContext } from "../context.ts";
import { isEditor } from "../editor/access.ts";
import type { FormFields } from "../editor/fields.ts";
import { fromInputs } from "../editor/inputs.ts";
import type { PeopleLookup } from "../editor/people.ts";
import { t } from "../i18n/index.ts";
import { resolveEntity } from "../resolvers/entity.ts";

/** An option's text as a positive integer, or 0 when it is anything else. */
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

/** The fields of a submitted form: its text inputs and the importance chosen; missing ones read as "". */
export function submittedFields(interaction: ModalSubmitInteraction): FormFields {
  const raw: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput) raw[id] = field.value;
    else if (field.type === ComponentType.StringSelect) raw[id] = field.values?.[0] ?? "";
  }
  return fromInputs(raw);
}
