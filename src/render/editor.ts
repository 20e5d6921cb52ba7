/**
 * The editors' messages: what a save did, refusals with an "Edit and retry" button, the
 * removal question, and an event's history (the form itself: ./editor-form.ts). Pure.
 */
import { ButtonStyle, ComponentType } from "discord.js";
import type { APIButtonComponentWithCustomId } from "discord.js";
import type { AuditChanges, AuditEntry, AuditValue } from "../../db/audit.ts";
import type { EventDetail, Lang, Story } from "../../db/types.ts";
import type { Problem } from "../editor/fields.ts";
import { VALUE_FIELDS } from "../editor/values.ts";
import { joinList, t } from "../i18n/index.ts";
import { renderEvent } from "./event.ts";
import { fitMessage } from "./fit.ts";
import { clip, discordTimestamp, formatWhen, inline } from "./format.ts";
import { LIMITS, truncate } from "./limits.ts";
import { joinCapped } from "./lists.ts";
import { bothNames, titleOf } from "./names.ts";
import type { Reply } from "./reply.ts";
import { baseEmbed } from "./theme.ts";

function names(refs: readonly { key: string; name: { en: string | null; zh: string | null } }[], lang: Lang): string {
  const bold = refs.map((e) => `**${inline(bothNames(e.name, lang, e.key), 80)}**`);
  return joinList(bold, lang);
}

/** One problem as a sentence. */
export function problemText(p: Problem, lang: Lang): string {
  const s = t(lang).editor.problems;
  switch (p.kind) {
    case "titleMissing":
      return s.titleMissing;
    case "tooLong":
      return s.tooLong(t(lang).editor.fieldNames[p.field], p.max);
    case "badImportance":
      return s.badImportance(inline(p.value, 20));
    case "badWhen":
      return s.badWhen(clip(p.value, 60) || "…");
    case "sourceMissing":
      return s.sourceMissing;
    case "sourceNoName":
      return s.sourceNoName(clip(p.line, 120));
    case "sourceBadUrl":
      return s.sourceBadUrl(clip(p.url, 120));
    case "tooManySources":
      return s.tooManySources(p.max);
    case "tooManyPeople":
      return s.tooManyPeople(p.max);
    case "unknownPerson": {
      const hint = p.suggestions.length ? `${s.didYouMean} ${names(p.suggestions, lang)}` : s.peopleHint;
      return `${s.unknownPerson(clip(p.typed, 80))} ${hint}`;
    }
    case "ambiguousPerson":
      return `${s.ambiguousPerson(clip(p.typed, 80))} ${s.didYouMean} ${names(p.matches, lang)}`;
    case "notAName":
      return t(lang).options.notAName(clip(p.typed, 80) || "…");
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
  const changed = VALUE_FIELDS.filter((f) => f in changes).map((f) => v[f]);
  return joinList(changed, lang);
}

/** Where an event is in its story's timeline (1-based), as db/events.ts timelinePlace gives it. */
export interface TimelinePlace {
  position: number;
  total: number;
}

/**
 * An event just added: its key, its date and where that puts it in the timeline (not
 * necessarily in /latest, which lists what happened last), then the event as /event shows it.
 */
export function renderAdded(event: EventDetail, story: Story, place: TimelinePlace | null, lang: Lang): Reply {
  const s = t(lang).editor;
  const key = event.key.replace(/[^\w-]/g, "").slice(0, 40);
  const day = formatWhen(event.at, event.precision, lang);
  const head = place ? s.added(key, day, place.position, place.total) : s.addedNoPlace(key, day);
  return fitMessage({ ...renderEvent(event, story, lang), content: `${head}\n-# ${s.addedWhere}`, ephemeral: true });
}

/**
 * An event just corrected: what changed, its new place in the timeline when it moved in
 * time, a note for file events, then the event.
 */
export function renderCorrected(event: EventDetail, story: Story, changes: AuditChanges, place: TimelinePlace | null, lang: Lang): Reply {
  const s = t(lang).editor;
  const moved = changes.when && place ? s.moved(formatWhen(event.at, event.precision, lang), place.position, place.total) : "";
  const lines = [s.saved(changedNames(changes, lang)), moved, event.origin === "file" ? `-# ${s.fileNote}` : ""];
  return fitMessage({ ...renderEvent(event, story, lang), content: lines.filter(Boolean).join("\n"), ephemeral: true });
}

/** A notice only the editor sees (nothing changed, cancelled, expired…). */
export function renderEditorNotice(text: string): Reply {
  return fitMessage({ content: text, ephemeral: true, components: [] });
}

/** "Remove this event?" with Remove and Cancel. */
export function renderRemoveConfirm(event: EventDetail, lang: Lang, removeCustomId: string, cancelCustomId: string): Reply {
  const s = t(lang).editor;
  const lines = [s.confirmRemove(clip(titleOf(event.title, lang), 200))];
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
  return renderEditorNotice(t(lang).editor.removed(clip(titleOf(event.title, lang), 200)));
}

/** A value of the log, quoted and on one line: “text”, “a, b”, or (empty). */
function shown(v: AuditValue, lang: Lang, max: number): string {
  if (v === null || (Array.isArray(v) && v.length === 0)) return t(lang).editor.history.empty;
  const text = Array.isArray(v) ? joinList(v, lang) : String(v);
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
  const embed = { ...baseEmbed(story, lang), title: truncate(s.title(clip(title, 200)), LIMITS.title), description };
  return fitMessage({ embeds: [embed], ephemeral: true });
}
