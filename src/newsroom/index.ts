/** The newsroom engine's public face: what the feed poller and /review use. */
export { buildNewsroom, classifyAll, inSlices, restoreAll, SLICE_MS } from "./batch.ts";
export { Newsroom } from "./engine.ts";
export type { StoryEntity } from "./entities.ts";
export { detectLanguage, type ItemLang } from "./language.ts";
export { NEW_NAME_REPORTS } from "./lifecycle.ts";
export type { Decision, Fate, GroupView, NewsItem, Placement, Shared, StoryEventInput } from "./types.ts";
