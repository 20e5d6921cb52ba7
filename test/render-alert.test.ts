import { describe, expect, it } from "vitest";
import type { EntityRef, EventDetail, Lang, Story } from "../db/types.ts";
import { outboxMarker } from "../src/outbox/deliver.ts";
import { carriesMarker } from "../src/outbox/find.ts";
import { alertMentions, renderAlert } from "../src/render/alert.ts";
import { checkMessage, renderHelp } from "../src/render/index.ts";

const NASTY = "👩‍👩‍👧‍👦 @everyone <@&123> **bold** `code` ||spoiler|| > quote\n# head 董事会罢免了CEO ";
const huge = (n: number) => NASTY.repeat(Math.ceil(n / NASTY.length)).slice(0, n);
const story: Story = { id: 1, slug: "s", title: { en: huge(5000), zh: huge(5000) }, summary: { en: null, zh: null }, language: "en", eventCount: 1 };
const entities: EntityRef[] = Array.from({ length: 300 }, (_, i) => ({
  id: i,
  key: `p${i}`,
  kind: i % 2 ? "person" : "organization",
  name: { en: huge(300), zh: null },
}));
const event: EventDetail = {
  id: 7,
  storyId: 1,
  key: "big",
  at: Date.parse("2024-02-01T12:00:00Z"),
  precision: "date",
  title: { en: huge(3000), zh: huge(3000) },
  importance: 5,
  origin: "editor",
  addedAt: 0,
  entities,
  summary: { en: huge(10_000), zh: huge(10_000) },
  quotes: [],
  sources: [],
  updatedAt: 0,
};

describe("the alert message", () => {
  it.each<Lang>(["en", "zh"])("given absurd texts in %s, then it fits Discord's limits and still carries its ref", (lang) => {
    const marker = outboxMarker("alert:1:7");
    const reply = renderAlert(
      {
        event,
        story,
        standing: { status: "corroborated", note: huge(2000), outlets: 3 },
        sources: 3,
        roleId: "42",
        marker,
        webUrl: "https://news.example/s/s/e/big",
      },
      lang,
    );
    expect(checkMessage(reply)).toEqual([]);
    expect(carriesMarker({ content: reply.content ?? "", embeds: reply.embeds as never }, marker)).toBe(true);
    expect(reply.content?.startsWith("<@&42> 🔔 ")).toBe(true);
  });

  it("allows mentioning exactly the chosen role, or no one", () => {
    expect(alertMentions("42")).toEqual({ parse: [], roles: ["42"] });
    expect(alertMentions(null)).toEqual({ parse: [] });
  });

  it("is listed by /help among the commands for server managers", () => {
    const help = JSON.stringify(renderHelp(null, "en"));
    expect(help).toContain("`/alerts` — Post each major development");
  });
});
