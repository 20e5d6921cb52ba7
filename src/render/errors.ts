import type { Lang } from "../../db/types.ts";
import { t } from "../i18n/index.ts";
import { fitMessage } from "./fit.ts";
import { clip } from "./format.ts";
import type { Reply } from "./reply.ts";

/** The parameters each error notice needs (`undefined`: none). */
export interface ErrorParams {
  /** Something failed on our side; `errorId` lets the logs be found. */
  generic: { errorId: string };
  /** A button or select whose custom_id no longer means anything. */
  expired: undefined;
  /** A date option that is not YYYY-MM-DD; `value` is what was typed. */
  badDate: { value: string };
  /** A from-date after the to-date. */
  badRange: undefined;
  needManageGuild: undefined;
  guildOnly: undefined;
  storyNotFound: { slug: string };
  /** This server follows no story yet. */
  noStory: undefined;
  eventNotFound: { id: string };
}

/** The kinds of error notice. */
export type ErrorKind = keyof ErrorParams;

/** The text of an error notice in `lang`. */
export function errorText<K extends ErrorKind>(kind: K, lang: Lang, ...params: ErrorParams[K] extends undefined ? [] : [ErrorParams[K]]): string {
  const e = t(lang).errors;
  const p: Partial<{ errorId: string; value: string; slug: string; id: string }> = params[0] ?? {};
  switch (kind) {
    case "generic":
      return e.generic(clip(p.errorId ?? "?", 64));
    case "badDate":
      return e.badDate(clip(p.value ?? "", 100));
    case "storyNotFound":
      return e.storyNotFound(clip(p.slug ?? "", 100));
    case "eventNotFound":
      return e.eventNotFound(clip(p.id ?? "", 100));
    case "expired":
      return e.expired;
    case "badRange":
      return e.badRange;
    case "needManageGuild":
      return e.needManageGuild;
    case "guildOnly":
      return e.guildOnly;
    case "noStory":
      return e.noStory;
    default:
      return e.generic("?");
  }
}

/**
 * An ephemeral notice: `renderError("generic", lang, { errorId })`,
 * `renderError("guildOnly", lang)`. Parameters are escaped.
 */
export function renderError<K extends ErrorKind>(kind: K, lang: Lang, ...params: ErrorParams[K] extends undefined ? [] : [ErrorParams[K]]): Reply {
  return fitMessage({ content: `⚠️ ${errorText(kind, lang, ...params)}`, ephemeral: true });
}
