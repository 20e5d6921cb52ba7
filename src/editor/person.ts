/**
 * The person form (`/editor person add|edit`): its five inputs and how each is read, by the
 * rules a story file's entities follow (src/story/schema.ts, STORY_LIMITS): a name in
 * English, Chinese or both, a kind, a role in each language (first line English, second
 * Chinese), aliases separated by commas or 、. Pure; whether a name is taken by someone else
 * is the caller's check (db/entity-writes.ts namesTaken).
 */
import type { AuditChanges } from "../../db/audit.ts";
import type { EntityKind, Lang, Localized } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { STORY_LIMITS } from "../story/limits.ts";
import { characterCount, characterProblem } from "../story/text.ts";

/** The form's inputs, by custom_id, in the order the modal shows them. */
export const PERSON_INPUTS = ["name_en", "name_zh", "kind", "role", "aliases"] as const;
export type PersonInput = (typeof PERSON_INPUTS)[number];
export type PersonFields = Record<PersonInput, string>;

export const ENTITY_KINDS = ["person", "organization", "place", "other"] as const satisfies readonly EntityKind[];

/** A person as the writer takes it. */
export interface PersonValues {
  kind: EntityKind;
  name: Localized;
  role: Localized;
  aliases: string[];
}

/** The fields of a submitted form; missing ones read as "". */
export function personFields(raw: Partial<Record<string, string | null | undefined>>): PersonFields {
  return { name_en: raw.name_en ?? "", name_zh: raw.name_zh ?? "", kind: raw.kind ?? "", role: raw.role ?? "", aliases: raw.aliases ?? "" };
}

/** The form prefilled with a person as they are. */
export function personPrefill(p: PersonValues): PersonFields {
  const role = p.role.zh ? `${p.role.en ?? ""}\n${p.role.zh}` : (p.role.en ?? "");
  return { name_en: p.name.en ?? "", name_zh: p.name.zh ?? "", kind: p.kind, role, aliases: p.aliases.join(", ") };
}

/** Aliases as typed: separated by commas (, ，), 、, semicolons or lines; trimmed, each once (case aside). */
export function splitAliases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；\n]/)) {
    const alias = raw.replace(/\s+/g, " ").trim();
    if (!alias || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}

/** A form read into a person, or every problem in `lang`. */
export function readPerson(f: PersonFields, lang: Lang): { ok: true; person: PersonValues } | { ok: false; problems: string[] } {
  const s = t(lang).people.person;
  const problems: string[] = [];
  const text = (label: string, value: string, max: number): string | null => {
    const v = value.replace(/\s+/g, " ").trim();
    if (!v) return null;
    if (characterProblem(v)) problems.push(s.badCharacter(label));
    else if (characterCount(v) > max) problems.push(s.tooLong(label, characterCount(v), max));
    return v;
  };
  const name = { en: text(s.fields.name_en, f.name_en, STORY_LIMITS.name), zh: text(s.fields.name_zh, f.name_zh, STORY_LIMITS.name) };
  if (!name.en && !name.zh) problems.push(s.nameMissing);
  const kind = (f.kind.trim() || "person") as EntityKind;
  if (!ENTITY_KINDS.includes(kind)) problems.push(s.badKind(f.kind.slice(0, 40)));
  const [roleEn = "", ...roleRest] = f.role.replace(/\r\n?/g, "\n").split("\n");
  const role = { en: text(s.fields.role_en, roleEn, STORY_LIMITS.role), zh: text(s.fields.role_zh, roleRest.join(" "), STORY_LIMITS.role) };
  const aliases = splitAliases(f.aliases);
  if (aliases.length > STORY_LIMITS.aliasesPerEntity) problems.push(s.tooManyAliases(aliases.length, STORY_LIMITS.aliasesPerEntity));
  for (const a of aliases) text(s.fields.alias, a, STORY_LIMITS.alias);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, person: { kind, name, role, aliases } };
}

/** What a write changes, field by field, as the audit log keeps it (`before` null for a new person). */
export function personChanges(before: PersonValues | null, after: PersonValues): AuditChanges {
  const flat = (p: PersonValues | null) => ({
    kind: p?.kind ?? null,
    name_en: p?.name.en ?? null,
    name_zh: p?.name.zh ?? null,
    role_en: p?.role.en ?? null,
    role_zh: p?.role.zh ?? null,
    aliases: p ? p.aliases : null,
  });
  const a = flat(before);
  const b = flat(after);
  const changes: AuditChanges = {};
  for (const k of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k]) && !(before === null && (b[k] === null || (Array.isArray(b[k]) && b[k].length === 0))))
      changes[k] = { before: a[k], after: b[k] };
  }
  return changes;
}
