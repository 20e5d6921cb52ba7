import { startFollowCourier, type FollowCourier, type FollowCourierOptions } from "../../src/courier/follows.ts";
import type { FakeMessage } from "../../tools/fake-discord/index.ts";
import { textOf, type TestBot } from "./bot.ts";

/** Readers who follow things (not editors). */
export const READER = { id: "1600000000000000001", username: "rae" };
export const READER2 = { id: "1600000000000000002", username: "lin" };

/** A follow courier over the test bot that ticks only when told. */
export function testCourier(t: TestBot, opts: FollowCourierOptions = {}): FollowCourier {
  return startFollowCourier(t.bot.client, t.bot.ctx, { schedule: false, ...opts });
}

/** The messages the bot posted in its DM channel with `userId` (not answers to commands used there). */
export function dmsTo(t: TestBot, userId: string): FakeMessage[] {
  const id = t.fake.dmChannelId(userId);
  return id ? t.fake.channelMessages(id).filter((m) => !m.interactionId) : [];
}

/** The text of every DM to `userId`, oldest first. */
export function dmTexts(t: TestBot, userId: string): string[] {
  return dmsTo(t, userId).map((m) => textOf(m));
}
