import { readFileSync } from "node:fs";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import type { Follow } from "../db/follows.ts";
import type { EventSummary } from "../db/types.ts";
import { dmPause } from "../src/courier/follows-dm.ts";
import { FOLLOW_BUNDLE_MS, FOLLOW_DMS_PER_HOUR, FOLLOW_EVENTS_PER_DM } from "../src/courier/follows-limits.ts";
import { checkMessage } from "../src/render/index.ts";
import { eventCommandText, followReason, renderFollowDm } from "../src/render/follow-dm.ts";

const apiError = (code: number, status: number) =>
  new DiscordAPIError({ code, message: "refused" }, code, status, "POST", "https://discord.test/api/v10/channels/1/messages", { body: undefined });

const story = { id: 1, slug: "s", title: { en: "The story", zh: "新闻" } };
const ilya = { id: 7, key: "ilya", kind: "person" as const, name: { en: "Ilya Sutskever", zh: "伊利亚" } };
const follow = (entity: Follow["entity"]): Follow => ({ id: 1, userId: "u", story, entity, sinceSeq: 0, createdAt: 0 });
const event = (over: Partial<EventSummary> = {}): EventSummary => ({
  id: 1,
  storyId: 1,
  key: "k",
  at: Date.UTC(2023, 10, 20, 12),
  precision: "date",
  title: { en: "A title", zh: null },
  importance: 3,
  origin: "editor",
  addedAt: 0,
  entities: [],
  ...over,
});

describe("follow DMs, unit by unit", () => {
  it("pauses a follower only for Discord's closed-DM and unknown-user answers, and retries the rest", () => {
    expect(dmPause(apiError(50007, 403))).toBe("dm_closed");
    expect(dmPause(apiError(50278, 403))).toBe("dm_closed");
    expect(dmPause(apiError(10013, 404))).toBe("unknown_user");
    expect(dmPause(apiError(50013, 403))).toBeNull();
    expect(dmPause(apiError(0, 500))).toBeNull();
    expect(dmPause(new Error("socket hang up"))).toBeNull();
  });

  it("says why an event reached someone: the person it names, else the story follow for a major development", () => {
    expect(followReason([follow(ilya)], event({ entities: [ilya] }))).toEqual({ people: [ilya], story: false });
    expect(followReason([follow(null)], event({ importance: 4 }))).toEqual({ people: [], story: true });
    expect(followReason([follow(null)], event({ importance: 3 }))).toEqual({ people: [], story: false });
    expect(followReason([follow(ilya)], event({ storyId: 2, entities: [ilya] }))).toEqual({ people: [], story: false });
  });

  it("keeps a DM of the most events it carries, with the longest titles, inside Discord's limits and its marker in the footer", () => {
    const long = "標題".repeat(400);
    const items = Array.from({ length: FOLLOW_EVENTS_PER_DM }, (_, i) => ({
      item: {
        event: event({ id: i, key: `k${i}`.repeat(20), title: { en: long, zh: long }, entities: [ilya] }),
        standing: undefined,
        story,
        webUrl: "https://x.example/s/s/e/k",
      },
      reason: { people: [ilya], story: false },
    }));
    const reply = renderFollowDm(items, "zh", { marker: "abc123", eventCommand: (key) => eventCommandText("1234567890", key) });
    expect(checkMessage(reply)).toEqual([]);
    expect(reply.embeds?.[0]?.footer?.text).toContain("编号 abc123");
    expect(reply.embeds?.[0]?.description).toContain("</event:1234567890> `id:k0");
  });

  it("quotes the bundle window and the hourly cap in the README as the code has them", () => {
    const readme = readFileSync("README.md", "utf8");
    expect(readme).toContain(`oldest has waited ${FOLLOW_BUNDLE_MS / 60_000} minutes`);
    expect(readme).toContain(`at most **${FOLLOW_DMS_PER_HOUR} DMs per person in any hour**`);
    expect(readme).toContain(`at most ${FOLLOW_EVENTS_PER_DM} per DM`);
  });
});
