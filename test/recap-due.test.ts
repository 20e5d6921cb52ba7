import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { dueRecapSchedules, upsertRecapSchedule } from "../db/recaps.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { syncStories } from "../src/story/import.ts";

const SLOT = Date.parse("2024-06-01T09:00:00Z");

describe("due recap schedules, read page by page", () => {
  it("returns every due schedule exactly once, oldest slot first, across pages, and none not yet due", () => {
    const db = openDatabase(":memory:");
    syncStories(db, "stories");
    const storyId = getStoryBySlug(db, "openai-board-crisis-2023")!.id;
    db.transaction(() => {
      for (let i = 0; i < 25; i++) {
        // Slots spread over three hours, and five schedules not due yet.
        const nextSlot = i < 20 ? SLOT - (i % 3) * 3600_000 : SLOT + 3600_000;
        upsertRecapSchedule(db, {
          guildId: (10n ** 17n + BigInt(i)).toString(),
          storyId,
          channelId: (2n * 10n ** 17n + BigInt(i)).toString(),
          time: "09:00",
          timezone: "UTC",
          userId: null,
          now: SLOT - 86_400_000,
          nextSlot,
          watermark: SLOT - 86_400_000,
        });
      }
    })();
    const seen: { id: number; nextSlot: number }[] = [];
    for (let after: (typeof seen)[number] | undefined, page; (page = dueRecapSchedules(db, SLOT, { limit: 6, after })).length; after = page.at(-1)) {
      seen.push(...page.map((s) => ({ id: s.id, nextSlot: s.nextSlot })));
    }
    expect(seen).toHaveLength(20);
    expect(new Set(seen.map((s) => s.id)).size).toBe(20);
    expect(seen).toEqual([...seen].sort((a, b) => a.nextSlot - b.nextSlot || a.id - b.id));
    expect(dueRecapSchedules(db, SLOT)).toHaveLength(20);
    db.close();
  });
});
