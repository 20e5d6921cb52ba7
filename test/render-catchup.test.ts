import { describe, expect, it } from "vitest";
import type { EventStanding } from "../db/event-sources.ts";
import type { EntityRef, EventSummary, Lang, Story } from "../db/types.ts";
import { renderCatchup } from "../src/render/catchup.ts";
import { checkMessage } from "../src/render/check.ts";

const huge = (n = 5000) => "*_`~|".repeat(Math.ceil(n / 5)).slice(0, n);
const story: Story = { id: 1, slug: "s", title: { en: huge(), zh: huge() }, summary: { en: null, zh: null }, language: "en", eventCount: 1 };
const person = (i: number): EntityRef => ({ id: i, key: `p${i}`, kind: "person", name: { en: `${huge(300)}${i}`, zh: null } });
const event = (i: number): EventSummary => ({
  id: i,
  storyId: 1,
  key: `e${i}`,
  at: Date.UTC(2023, 10, 1) + i * 1000,
  precision: "date",
  title: { en: huge(400), zh: huge(400) },
  importance: 5,
  origin: "editor",
  addedAt: i,
  entities: [person(i)],
});

describe("renderCatchup", () => {
  it("stays within Discord's limits however much is new and however long the text, escaping what users wrote", () => {
    const events = Array.from({ length: 600 }, (_, i) => event(i + 1));
    const standings = new Map<number, EventStanding>(events.map((e) => [e.id, { status: "corrected", note: huge(2000), outlets: 3 }]));
    const changes = events.map((e) => ({ eventId: e.id, key: e.key, title: e.title, at: e.at }));
    for (const lang of ["en", "zh"] as Lang[]) {
      const reply = renderCatchup({ from: { kind: "mark", at: 0 }, events, changes, people: events.map((e) => person(e.id)), standings }, story, lang);
      expect(checkMessage(reply)).toEqual([]);
      expect(reply.ephemeral).toBe(true);
      const embed = reply.embeds![0]!;
      // Markdown is read in the description and field values (not in the footer): there every user text is escaped.
      for (const shown of [embed.description ?? "", ...(embed.fields ?? []).map((f) => f.value)]) expect(shown).not.toContain("*_`~|*_");
    }
  });
});
