import type { Lang } from "../../db/types.ts";
import { en, type Strings } from "./en.ts";
import { zh } from "./zh.ts";
import { editorStrings, type EditorStrings } from "./editor.ts";
import { feedsStrings, type FeedsStrings } from "./feeds.ts";
import { optionStrings, type OptionStrings } from "./options.ts";
import { peopleStrings, type PeopleStrings } from "./people.ts";
import { recapStrings, type RecapStrings } from "./recap.ts";
import { catchupStrings, type CatchupStrings } from "./catchup.ts";
import { anywhereStrings, type AnywhereStrings } from "./anywhere.ts";
import { alertStrings, type AlertStrings } from "./alerts.ts";
import { followsStrings, type FollowsStrings } from "./follows.ts";

export type { Strings } from "./en.ts";
export { langFromLocale, otherLang, pick, pickOr, pickOther } from "./lang.ts";
export { joinList, listSeparator } from "./list.ts";
export { code, md } from "./markdown.ts";
export { commandText, commandDescription, localized, type CommandKey } from "./commands.ts";

/** Every user-facing string: the core set plus one part per feature (each in its own file). */
export type AllStrings = Strings & {
  recap: RecapStrings;
  editor: EditorStrings;
  feeds: FeedsStrings;
  options: OptionStrings;
  people: PeopleStrings;
  catchup: CatchupStrings;
  anywhere: AnywhereStrings;
  alerts: AlertStrings;
  follows: FollowsStrings;
};

const ALL: Record<Lang, AllStrings> = {
  en: {
    ...en,
    recap: recapStrings.en,
    editor: editorStrings.en,
    feeds: feedsStrings.en,
    options: optionStrings.en,
    people: peopleStrings.en,
    catchup: catchupStrings.en,
    anywhere: anywhereStrings.en,
    alerts: alertStrings.en,
    follows: followsStrings.en,
  },
  zh: {
    ...zh,
    recap: recapStrings.zh,
    editor: editorStrings.zh,
    feeds: feedsStrings.zh,
    options: optionStrings.zh,
    people: peopleStrings.zh,
    catchup: catchupStrings.zh,
    anywhere: anywhereStrings.zh,
    alerts: alertStrings.zh,
    follows: followsStrings.zh,
  },
};

/** Every user-facing string in `lang`. */
export function t(lang: Lang): AllStrings {
  return ALL[lang];
}
