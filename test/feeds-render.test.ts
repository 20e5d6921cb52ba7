import { describe, expect, it } from "vitest";
import type { Feed } from "../db/feeds.ts";
import type { NewsItemRow } from "../db/news-items.ts";
import type { ReviewItem } from "../db/review.ts";
import type { Story } from "../db/types.ts";
import { feedChoices, renderFeedList, renderFeedSaved, renderReview } from "../src/render/feeds.ts";
import { checkChoices, checkMessage } from "../src/render/index.ts";

const story: Story = { id: 1, slug: "s", title: { en: "Story", zh: "新闻" }, summary: { en: null, zh: null }, language: "en", eventCount: 1 };
const long = (n: number) => "Ω*_`|".repeat(Math.ceil(n / 5)).slice(0, n);

function feed(i: number, over: Partial<Feed> = {}): Feed {
  return {
    id: i,
    url: `https://feeds.example/${long(1500)}/${i}`,
    storySlug: "s",
    keywords: Array.from({ length: 20 }, () => long(60)),
    trusted: i % 2 === 0,
    title: long(300),
    etag: null,
    lastModified: null,
    lastFetchAt: 1_700_000_000_000,
    lastOkAt: null,
    lastError: "http",
    lastErrorDetail: long(300),
    failures: 3,
    skipPolls: 4,
    pausedAt: i % 3 === 0 ? 1_700_000_000_000 : null,
    addedBy: null,
    addedAt: 0,
    itemsSeen: 12345,
    eventsMade: 67,
    ...over,
  };
}

describe("feeds messages", () => {
  it("keep absurd feed lists within Discord's limits, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      const reply = renderFeedList(
        Array.from({ length: 40 }, (_, i) => feed(i + 1)),
        10,
        lang,
      );
      expect(checkMessage(reply)).toEqual([]);
      expect(reply.ephemeral).toBe(true);
    }
    expect(checkChoices(feedChoices(Array.from({ length: 40 }, (_, i) => feed(i + 1))))).toEqual([]);
  });

  it("say how many items of a first fetch joined developments or became further sources, in both languages", () => {
    const fetched = { outcome: "ok" as const, title: "Wire", items: 5, matched: 5, created: 1, joined: 3, attached: 1 };
    const en = renderFeedSaved(feed(1, { url: "https://x.example/feed", keywords: [] }), true, story, fetched, "en");
    expect(en.content).toContain("3 items joined developments waiting for review; 1 item became further sources of events.");
    const zh = renderFeedSaved(feed(1, { url: "https://x.example/feed", keywords: [] }), true, story, fetched, "zh");
    expect(zh.content).toContain("3 个条目并入了待审核的新进展，1 个条目成为已有事件的新来源。");
    const none = renderFeedSaved(feed(1, { url: "https://x.example/feed", keywords: [] }), true, story, { ...fetched, joined: 0, attached: 0 }, "en");
    expect(none.content).not.toContain("joined");
  });

  it("escape what a feed says about itself", () => {
    const reply = renderFeedSaved(
      feed(1, { url: "https://x.example/feed", keywords: ["**bold**"] }),
      true,
      story,
      { outcome: "ok", title: "*Hot* `news`", items: 2, matched: 1, created: 1 },
      "en",
    );
    expect(reply.content).toContain("\\*Hot\\* \\`news\\`");
    expect(reply.content).toContain("\\*\\*bold\\*\\*");
  });

  it("keep an absurd review card within Discord's limits", () => {
    const report = (i: number): NewsItemRow => ({
      id: 100 + i,
      storyId: 1,
      feedId: 1,
      feedUrl: "https://x.example/feed",
      itemKey: `k${i}`,
      url: `https://x.example/${long(900)}`,
      title: long(300),
      summary: long(3000),
      publishedAt: i * 86_400_000,
      language: i % 2 ? "zh" : "en",
      outlet: long(200),
      entityIds: [],
      fate: "suggested",
      groupId: "g:100",
      eventKey: i === 1 ? long(120) : null,
      eventId: 7,
      score: 0.5,
      reason: long(900),
    });
    const item: ReviewItem = {
      position: 3,
      total: 99,
      reports: Array.from({ length: 40 }, (_, i) => report(i)),
      candidates: Array.from({ length: 30 }, (_, i) => ({ id: i + 1, key: long(100), at: i, title: { en: long(300), zh: null } })),
      newNames: Array.from({ length: 80 }, () => long(90)),
      event: {
        id: 7,
        storyId: 1,
        key: "fd_7",
        at: 0,
        precision: "datetime",
        title: { en: long(400), zh: null },
        importance: 3,
        origin: "feed",
        addedAt: 0,
        updatedAt: 0,
        entities: Array.from({ length: 60 }, (_, i) => ({ id: i, key: `e${i}`, kind: "person" as const, name: { en: long(80), zh: null } })),
        summary: { en: long(5000), zh: null },
        quotes: [],
        sources: [{ name: long(300), url: `https://x.example/${long(3000)}` }],
      },
    };
    for (const lang of ["en", "zh"] as const) {
      const reply = renderReview(item, story, lang, { kind: "approved", event: item.event });
      expect(checkMessage(reply)).toEqual([]);
      expect(reply.components?.[0]?.components.map((c) => ("custom_id" in c ? c.custom_id : ""))).toEqual([
        "rv:ok:7",
        "rv:edit:7",
        "rv:no:7",
        "rv:skip:7",
        "rv:find:7",
      ]);
      expect(reply.components?.slice(1).map((r) => r.components.map((c) => ("custom_id" in c ? c.custom_id : "")))).toEqual([["rv:merge:7"], ["rv:split:7"]]);
    }
  });
});
