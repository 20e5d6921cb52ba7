import type { Lang } from "../../db/types.ts";
import { en, type Strings } from "./en.ts";
import { zh } from "./zh.ts";

export type { Strings } from "./en.ts";
export { langFromLocale, otherLang, pick, pickOr, pickOther } from "./lang.ts";
export { commandText, commandDescription, localized, type CommandKey, type LocalizedCommandText } from "./commands.ts";

const ALL: Record<Lang, Strings> = { en, zh };

/** Every user-facing string in `lang`. */
export function t(lang: Lang): Strings {
  return ALL[lang];
}
