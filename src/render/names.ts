import type { EntityKind, EntityRef, Lang, Localized } from "../../db/types.ts";
import { pick, pickOr, pickOther, t } from "../i18n/index.ts";

/** An entity's name in `lang` (the other language, then its key, when missing). Not escaped. */
export function nameOf(ref: Pick<EntityRef, "key" | "name">, lang: Lang): string {
  return pickOr(ref.name, lang, ref.key || t(lang).labels.unnamed);
}

/**
 * A name in both languages, the reader's first: "Ilya Sutskever · 伊利亚·苏茨克维" for en,
 * "伊利亚·苏茨克维 · Ilya Sutskever" for zh; once when both are the same. Not escaped.
 */
export function bothNames(name: Localized, lang: Lang, fallback: string): string {
  const first = pickOr(name, lang, fallback);
  const other = pickOther(name, lang);
  return other ? `${first} · ${other}` : first;
}

/** The word for an entity kind: "Person" / "人物". */
export function kindLabel(kind: EntityKind, lang: Lang): string {
  return t(lang).kinds[kind] ?? t(lang).kinds.other;
}

/** A title in `lang` or the "(untitled)" label. Not escaped. */
export function titleOf(title: Localized, lang: Lang): string {
  return pick(title, lang) || t(lang).labels.untitled;
}

/**
 * Names to show for "who was involved": people first, then organisations, then the rest,
 * each group in the order given.
 */
export function involved(entities: readonly EntityRef[]): EntityRef[] {
  const rank: Record<EntityKind, number> = { person: 0, organization: 1, place: 2, other: 3 };
  return entities
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (rank[a.e.kind] ?? 3) - (rank[b.e.kind] ?? 3) || a.i - b.i)
    .map(({ e }) => e);
}
