/** The newsroom engine's public face: what the feed poller and /review use. */
export { buildNewsroom, classifyAll, restoreAll } from "./batch.ts";
export { Newsroom } from "./engine.ts";
export type { StoryEntity } from "./entities.ts";
export type { NewsItem, Placement, StoryEventInput } from "./types.ts";
