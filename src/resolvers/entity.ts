/**
 * The person-or-organisation option: `/who name:`, `/timeline who:` and every name in the
 * people field of the editor's form (src/editor/people.ts, through src/command-kit/editor.ts).
 * One reading for all of them, and the autocomplete that offers what it accepts:
 *
 *   1. no letter or digit in it ("🦄", "(") → nothing to look up;
 *   2. an entity id of the story (what autocomplete sends) → that entity;
 *   3. an entity's key in any case ("ilya-sutskever") → that entity;
 *   4. else the names and aliases as db/entities.ts ranks them (exact > prefix > substring >
 *      close spelling): a single match at the best rank is that entity; several are
 *      ambiguous (`more` when over the limit, so counts are true); none gives the closest
 *      names to suggest.
 */
import { findEntities, getEntity, getEntityByKey, topEntities } from "../../db/entities.ts";
import type { Db } from "../../db/index.ts";
import { normalizeName, searchable } from "../../db/names.ts";
import { hasHan } from "../../db/text.ts";
import type { EntityRef, EntityResolution, Lang } from "../../db/types.ts";
import { cleanText } from "../command-kit/options.ts";
import { UserError } from "../context.ts";
import { t } from "../i18n/index.ts";
import { entityChoices, type Choice } from "../render/index.ts";
import { clip } from "../render/format.ts";

/** Most matches a resolution or an autocomplete lists. */
const ENTITY_LIMIT = 25;
/** How many names a "nobody matches" answer suggests. */
const SUGGESTIONS = 5;

const ref = (e: EntityRef): EntityRef => ({ id: e.id, key: e.key, kind: e.kind, name: e.name });

/** What a typed value (an option, or one name of the editor's people field) means in a story; see the rules above. */
export function resolveEntity(db: Db, storyId: number, value: string): EntityResolution {
  const typed = cleanText(value).trim();
  if (!searchable(normalizeName(typed))) return { kind: "blank" };
  const byId = /^\d{1,15}$/.test(typed) ? getEntity(db, storyId, Number(typed)) : null;
  const byKey = byId ?? getEntityByKey(db, storyId, typed.toLowerCase());
  if (byKey) return { kind: "one", entity: ref(byKey) };
  const matches = findEntities(db, storyId, typed, ENTITY_LIMIT + 1);
  const best = matches[0];
  if (!best) return { kind: "none", suggestions: suggest(db, storyId, typed) };
  const top = matches.filter((m) => m.rank === best.rank);
  if (top.length === 1) return { kind: "one", entity: best.entity };
  return { kind: "many", matches: top.slice(0, ENTITY_LIMIT), more: top.length > ENTITY_LIMIT };
}

/**
 * Refuses a value with nothing to look up, as every entity option does (the editor's form
 * lists the same words as a problem); what is left — one, a choice, nobody — each command
 * shows its way.
 */
export function refuseBlank(found: EntityResolution, typed: string, lang: Lang): Exclude<EntityResolution, { kind: "blank" }> {
  if (found.kind === "blank") throw new UserError(t(lang).options.notAName(clip(typed, 80) || "…"));
  return found;
}

/**
 * The closest names to something that matched nobody: names starting like one of its words
 * (each word cut shorter, down to 3 letters or 2 Chinese characters, until something
 * answers), else the most mentioned. Stray substrings ("at" in "Satya") are not offered.
 */
function suggest(db: Db, storyId: number, typed: string): EntityRef[] {
  const found = new Map<number, EntityRef>();
  const words = typed
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean)
    .slice(0, 5);
  for (const word of words) {
    const chars = Array.from(word).slice(0, 30);
    const shortest = hasHan(word) ? 2 : 3;
    for (let n = chars.length; n >= shortest && found.size < SUGGESTIONS; n--) {
      const hits = findEntities(db, storyId, chars.slice(0, n).join(""), SUGGESTIONS).filter((m) => m.rank === "exact" || m.rank === "prefix");
      for (const m of hits) found.set(m.entity.id, m.entity);
      if (hits.length) break;
    }
  }
  if (found.size === 0) return topEntities(db, storyId, SUGGESTIONS).map((m) => m.entity);
  return [...found.values()].slice(0, SUGGESTIONS);
}

/** Autocomplete for an entity option: up to 25 names ranked as the reading ranks them, valued by id. */
export function entityAutocomplete(db: Db, storyId: number, typed: string, lang: Lang): Choice[] {
  return entityChoices(
    findEntities(db, storyId, cleanText(typed), ENTITY_LIMIT).map((m) => m.entity),
    lang,
    (e) => String(e.id),
  );
}
