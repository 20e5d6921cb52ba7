import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recapSchedulesOf, upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { textOf } from "./helpers/bot.ts";
import { SLUG, startRecapWorld, type RecapWorld } from "./helpers/recap.ts";

const SERVERS = 100;
const SLOT = Date.parse("2024-06-01T09:00:00Z");

describe("a hundred servers due at the same minute", () => {
  let fake: FakeDiscord;
  let w: RecapWorld;
  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: Array.from({ length: SERVERS }, (_, i) => ({ name: `Server ${i}`, channels: [{ name: "general" }] })) });
    w = await startRecapWorld({ start: "2024-06-01T08:00:00Z", fake });
    const storyId = getStoryBySlug(w.db, SLUG)!.id;
    w.db.transaction(() => {
      for (const g of fake.guilds) {
        upsertRecapSchedule(w.db, {
          guildId: g.id,
          storyId,
          channelId: g.channels[0]!.id,
          time: "09:00",
          timezone: "UTC",
          userId: null,
          now: w.clock.now,
          nextSlot: SLOT,
          watermark: 0,
        });
      }
    })();
  });
  afterAll(async () => {
    await w.stop();
    await fake.stop();
  });

  it("posts one recap in each server's own channel, none dropped and none doubled", async () => {
    w.setNow("2024-06-01T09:00:00Z");
    await w.scheduler.tick();
    w.setNow("2024-06-01T09:01:00Z");
    await w.scheduler.tick();
    for (const g of fake.guilds) {
      const posts = w.posts(g.channels[0]!.id);
      expect(posts, g.name).toHaveLength(1);
      expect(textOf(posts[0])).toContain("Ada joins Acme");
      expect(recapSchedulesOf(w.db, g.id)[0]).toMatchObject({ lastSlot: SLOT, lastResult: "posted", lastMessageId: posts[0]!.id });
    }
    const creates = fake.requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path));
    expect(creates).toHaveLength(SERVERS);
    expect(new Set(creates.map((r) => (r.body as { nonce: string }).nonce)).size).toBe(SERVERS);
  });
});
