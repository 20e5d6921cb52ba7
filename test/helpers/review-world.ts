/**
 * The world the /review tests share: the bundled story on a real bot, and the three sample
 * newsroom feeds (English and Chinese reports of the same developments) served on 127.0.0.1
 * and polled once each, one more feed followed before each poll.
 */
import { getStoryBySlug } from "../../db/stories.ts";
import { BUNDLED_STORY } from "../../src/config.ts";
import { SANDBOX_USER_ID } from "../../tools/fake-discord/index.ts";
import { startTestBot, type TestBot } from "./bot.ts";
import { fixture, startFeedServer, type FeedServer } from "./feed-server.ts";
import { follow, memoryLog, testPoller } from "./feeds.ts";

export const NEWSROOM_FEEDS = ["newsroom-wire.xml", "newsroom-zh.xml", "newsroom-ledger.xml"];

export interface ReviewWorld {
  t: TestBot;
  server: FeedServer;
  storyId: number;
  stop(): Promise<void>;
}

export async function startReviewWorld(): Promise<ReviewWorld> {
  const server = await startFeedServer();
  for (const f of NEWSROOM_FEEDS) server.route(`/f/${f}`, fixture(f));
  const t = await startTestBot({ config: { EDITOR_USER_IDS: [SANDBOX_USER_ID] } });
  const storyId = getStoryBySlug(t.db, BUNDLED_STORY)!.id;
  const poller = testPoller(t.db, memoryLog().log);
  for (const f of NEWSROOM_FEEDS) {
    follow(t.db, server.url(`/f/${f}`));
    await poller.pollNow();
  }
  await poller.stop();
  return {
    t,
    server,
    storyId,
    stop: async () => {
      await t.stop();
      await server.stop();
    },
  };
}
