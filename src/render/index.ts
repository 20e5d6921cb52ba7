/** The renderers: domain objects + language in, plain Discord message payloads out. */
export type { Choice, Reply } from "./reply.ts";
export { editOptions, replyOptions } from "./reply.ts";
export { LIMITS, truncate } from "./limits.ts";
export { fitChoices } from "./fit.ts";
export { checkChoices, checkMessage } from "./check.ts";
export { clip, formatDay } from "./format.ts";
export { storyColor } from "./theme.ts";
export { renderNoMatch, renderWho, renderWhoChoices } from "./who.ts";
export { renderLatest, type LatestOrder } from "./latest.ts";
export { renderEvent } from "./event.ts";
export { renderTimeline } from "./timeline.ts";
export { renderSearch } from "./search.ts";
export { renderStoryList } from "./stories.ts";
export { renderHelp } from "./help.ts";
export { errorText, renderError } from "./errors.ts";
export { entityChoices, eventChoices, storyChoices } from "./autocomplete.ts";
