/**
 * The editors' messages: the event form (a modal), what a save did, refusals with an
 * "Edit and retry" button, the removal question, and an event's history. Pure.
 */
import { ButtonStyle, ComponentType, TextInputStyle } from "discord.js";
import type { APIButtonComponentWithCustomId, APIModalInteractionResponseCallbackData, APITextInputComponent } from "discord.js";
import type { AuditChanges, AuditEntry, AuditValue } from "../../db/audit.ts";
import type { EventDetail, Lang, Story } from "../../db/types.ts";
import { FIELD_IDS, FIELD_MAX, type FieldId, type FormFields, type Problem } from "../editor/fields.ts";
import { VALUE_FIELDS } from "../editor/values.ts";
import { t } from "../i18n/index.ts";
import { renderEvent } from "./event.ts";
import { fitMessage } from "./fit.ts";
import { discordTimestamp, inline } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { bothNames, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed } from "./theme.ts";

/** Discord's longest text input value. */
const INPUT_MAX = 4000;
const PARAGRAPH: ReadonlySet<FieldId> = new Set(["summary", "source"]);
const REQUIRED: ReadonlySet<FieldId> = new Set(["title", "when", "source"]);

/**
 * The event form: five text inputs prefilled with `fields`. A prefilled value longer than
 * a field's usual limit (a long text from a story file) raises that input's limit, so
 * Discord accepts the form.
 */
export function renderEditorModal(mode: "add" | "edit", customId: string, fields: FormFields, lang: Lang): APIModalInteractionResponseCallbackData {
  const s = t(lang).editor;
  const input = (id: FieldId): APITextInputComponent => {
    const value = fields[id].slice(0, INPUT_MAX);
    const max = Math.min(INPUT_MAX, Math.max(FIELD_MAX[id] + (id === "title" ? 5 : 0), value.length));
    return {
      type: ComponentType.TextInput,
      custom_id: id,
      label: s.labels[id],
      style: PARAGRAPH.has(id) ? TextInputStyle.Paragraph : TextInputStyle.Short,
      required: REQUIRED.has(id),
      max_length: max,
      placeholder: s.placeholders[id],
      ...(value ? { value } : {}),
    };
  };
  return {
    custom_id: customId,
    title: s.modal[mode],
    components: FIELD_IDS.map((id) => ({ type: ComponentType.ActionRow, components: [input(id)] })),
  };
}

function names(refs: readonly { key: string; name: { en: string | null; zh: string | null } }[], lang: Lang): string {
  return refs.map((e) => `**${inline(bothNames(e.name, lang, e.key), 80)}**`).join(lang === "zh" ? "、" : ", ");
}

/** One problem as a sentence. */
export function problemText(p: Problem, lang: Lang): string {
  const s = t(lang).editor.problems;
  switch (p.kind) {
    case "titleMissing":
      return s.titleMissing;
    case "tooLong":
      return s.tooLong(t(lang).editor.fieldNames[p.field], p.max);
    case "badWhen":
      return s.badWhen(inline(p.value, 60) || "…");
    case "sourceMissing":
      return s.sourceMissing;
    case "sourceNoName":
      return s.sourceNoName(inline(p.line, 120));
    case "sourceBadUrl":
      return s.sourceBadUrl(inline(p.url, 120));
    case "tooManySources":
      return s.tooManySources(p.max);
    case "tooManyPeople":
      return s.tooManyPeople(p.max);
    case "unknownPerson": {
      const hint = p.suggestions.length ? `${s.didYouMean} ${names(p.suggestions, lang)}` : s.peopleHint;
      return `${s.unknownPerson(inline(p.typed, 80))} ${hint}`;
    }
    case "ambiguousPerson":
      return `${s.ambiguousPerson(inline(p.typed, 80))} ${s.didYouMean} ${names(p.matches, lang)}`;
    case "notAName":
      return t(lang).options.notAName(inline(p.typed, 80) || "…");
  }
}

/** A refused form: every problem, and "Edit and retry" (reopening the draft) when there is one. */
export function renderEditorProblems(problems: readonly Problem[], lang: Lang, retryCustomId: string | null): Reply {
  const s = t(lang).editor;
  const list = joinCapped(
    problems.map((p) => `- ${problemText(p, lang)}`),
    "\n",
    1600,
    t(lang).labels.andMore,
  );
  const button: APIButtonComponentWithCustomId[] = retryCustomId
    ? [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: s.retry, custom_id: retryCustomId }]
    : [];
  return fitMessage({
    content: [s.notSaved, list, retryCustomId ? s.keptHint : ""].filter(Boolean).join("\n"),
    components: button.length ? [{ type: ComponentType.ActionRow, components: button }] : [],
    ephemeral: true,
  });
}

/** The changed fields' names, for "Changed: …". */
function changedNames(changes: AuditChanges, lang: Lang): string {
  const v = t(lang).editor.valueNames;
  return VALUE_FIELDS.filter((f) => f in changes)
    .map((f) => v[f])
    .join(lang === "zh" ? "、" : ", ");
}

/** An event just added: a line naming its key, then the event as /event shows it. */
export function renderAdded(event: EventDetail, story: Story, lang: Lang): Reply {
  return fitMessage({ ...renderEvent(event, story, lang), content: t(lang).editor.added(event.key.replace(/[^\w-]/g, "").slice(0, 40)), ephemeral: true });
}

/** An event just corrected: what changed, a note for file events, then the event. */
export function renderCorrected(event: EventDetail, story: Story, changes: AuditChanges, lang: Lang): Reply {
  const s = t(lang).editor;
  const lines = [s.saved(changedNames(changes, lang)), event.origin === "file" ? `-# ${s.fileNote}` : ""];
  return fitMessage({ ...renderEvent(event, story, lang), content: lines.filter(Boolean).join("\n"), ephemeral: true });
}

/** A notice only the editor sees (nothing changed, cancelled, expired…). */
export function renderEditorNotice(text: string): Reply {
  return fitMessage({ content: text, ephemeral: true, components: [] });
}

/** "Remove this event?" with Remove and Cancel. */
export function renderRemoveConfirm(event: EventDetail, lang: Lang, removeCustomId: string, cancelCustomId: string): Reply {
  const s = t(lang).editor;
  const lines = [s.confirmRemove(inline(titleOf(event.title, lang), 200))];
  if (event.origin === "file") lines.push(`-# ${s.fromFileRemove}`);
  return fitMessage({
    content: lines.join("\n"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Danger, label: s.remove, custom_id: removeCustomId },
          { type: ComponentType.Button, style: ButtonStyle.Secondary, label: s.cancel, custom_id: cancelCustomId },
        ],
      },
    ],
    ephemeral: true,
  });
}

/** An event just removed. */
export function renderRemoved(event: EventDetail, lang: Lang): Reply {
  return renderEditorNotice(t(lang).editor.removed(inline(titleOf(event.title, lang), 200)));
}

/** A value of the log, quoted and on one line: “text”, “a, b”, or (empty). */
function shown(v: AuditValue, lang: Lang, max: number): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return t(lang).editor.history.empty;
  const text = Array.isArray(v) ? v.join(", ") : String(v);
  return `“${inline(text, max)}”`;
}

function changeLines(changes: AuditChanges, lang: Lang, action: AuditEntry["action"]): string[] {
  const v = t(lang).editor.valueNames;
  const colon = lang === "zh" ? "：" : ": ";
  return VALUE_FIELDS.filter((f) => f in changes).map((f) => {
    const c = changes[f]!;
    if (action === "add") return `${v[f]}${colon}${shown(c.after, lang, 80)}`;
    if (action === "remove") return `${v[f]}${colon}${shown(c.before, lang, 80)}`;
    return `${v[f]}${colon}${shown(c.before, lang, 80)} → ${shown(c.after, lang, 80)}`;
  });
}

/**
 * /editor history: an event's changes, newest first: when (a Discord timestamp), who,
 * what they did and each field's before → after, as many as fit, then "…and N earlier".
 */
export function renderHistory(title: string, entries: readonly AuditEntry[], total: number, story: Story | null, lang: Lang): Reply {
  const s = t(lang).editor.history;
  const blocks = entries.map((e) => {
    const head = `${discordTimestamp(e.at, "f")} · **${inline(e.userName, 40)}** ${s.actions[e.action]}`;
    const body = joinCapped(
      changeLines(e.changes, lang, e.action).map((l) => `> ${l}`),
      "\n",
      700,
      t(lang).labels.andMore,
    );
    return body ? `${head}\n${body}` : head;
  });
  const description = blocks.length ? joinCapped(blocks, "\n\n", LIMITS.description - 100, s.earlier, total - entries.length) : s.none;
  const embed = { ...baseEmbed(story, lang), title: truncate(s.title(inline(title, 200)), LIMITS.title), description };
  return fitMessage({ embeds: [embed], ephemeral: true });
}
