/** The renderers: domain objects + language in, plain Discord message payloads out. */
export type { ActionRow, Choice, Reply } from "./reply.ts";
export { editOptions, replyOptions } from "./reply.ts";
export { ELLIPSIS, LIMITS, graphemes, truncate } from "./limits.ts";
export { fitChoices, fitMessage } from "./fit.ts";
export { checkChoices, checkMessage } from "./check.ts";
export { IMPORTANT_FROM, IMPORTANT_MARK, escapeText, formatDay, formatWhen, sourceLink } from "./format.ts";
export { storyColor, storyFooter } from "./theme.ts";
export { renderNoMatch, renderWho, renderWhoChoices } from "./who.ts";
export { renderLatest, type LatestOrder } from "./latest.ts";
export { renderEvent } from "./event.ts";
export { DISABLED_NEXT_ID, DISABLED_PREV_ID, renderTimeline } from "./timeline.ts";
export { renderSearch } from "./search.ts";
export { snippet } from "./snippet.ts";
export { renderStoryList } from "./stories.ts";
export { renderHelp } from "./help.ts";
export { errorText, renderError, type ErrorKind, type ErrorParams } from "./errors.ts";
export { entityChoices, eventChoices, renderAutocompleteChoices, storyChoices } from "./autocomplete.ts";
