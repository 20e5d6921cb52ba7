import { describe, expect, it } from "vitest";
import type { EntityRef, EventSummary, Story } from "../db/types.ts";
import { mostMentioned } from "../src/recap/digest.ts";
import { recapMarker } from "../src/recap/nonce.ts";
import { DIGEST_MAX_MESSAGES, renderDigest, type Digest, type DigestEvent } from "../src/render/digest.ts";
import { checkMessage } from "../src/render/index.ts";
import { textOf } from "./helpers/bot.ts";

const story: Story = { id: 1, slug: "s", title: { en: "The Story", zh: "故事" }, summary: { en: null, zh: null }, language: "en", eventCount: 0 };
const ada: EntityRef = { id: 1, key: "ada", kind: "person", name: { en: "Ada", zh: "阿达" } };
const acme: EntityRef = { id: 2, key: "acme", kind: "organization", name: { en: "Acme", zh: null } };
const bob: EntityRef = { id: 3, key: "bob", kind: "person", name: { en: "Bob", zh: null } };
const DAY = 86_400_000;
const T0 = Date.parse("2024-01-01T12:00:00Z");

function ev(i: number, opts: Partial<EventSummary> = {}, url: string | null = `https://example.org/${i}`): DigestEvent {
  const event: EventSummary = {
    id: i,
    storyId: 1,
    key: `e${i}`,
    at: T0 + Math.floor(i / 3) * DAY,
    precision: "date",
    title: { en: `Event ${i}`, zh: `事件 ${i}` },
    importance: 3,
    origin: "file",
    addedAt: T0,
    entities: [ada],
    ...opts,
  };
  return { event, source: { name: `Source ${i}`, url } };
}

const digest = (events: DigestEvent[]): Digest => ({ story, since: T0 - DAY, until: T0, events, top: mostMentioned(events.map((e) => e.event)) });
const lines = (text: string) => text.split("\n").filter((l) => l.startsWith("• "));

describe("the digest", () => {
  it("groups events by day under a heading, each with its people and source link, in one message when it fits", () => {
    const parts = renderDigest(digest([ev(0), ev(1, { entities: [ada, acme] }), ev(3, { importance: 5 }, null)]), "en");
    expect(parts).toHaveLength(1);
    const text = textOf(parts[0]);
    expect(text).toContain("Recap · The Story");
    expect(text).toContain("**Jan 1, 2024**\n• Event 0 — *Ada* · [Source 0](https://example.org/0)\n• Event 1 — *Ada, Acme*");
    expect(text).toContain("**Jan 2, 2024**\n• ❗ Event 3 — *Ada* · Source 3");
    expect(text).toContain(`<t:${(T0 - DAY) / 1000}:f>`);
    expect(text).toContain("3 new events");
    expect(text).toContain("Ada ×3, Acme ×1");
    expect(checkMessage(parts[0]!)).toEqual([]);
  });

  it("shows the time of an event known to the minute as a Discord timestamp", () => {
    const text = textOf(renderDigest(digest([ev(0, { precision: "datetime", at: T0 + 3_600_000 })]), "en")[0]);
    expect(text).toContain(`• <t:${(T0 + 3_600_000) / 1000}:t> · Event 0`);
  });

  it("is written in Chinese for a Chinese server", () => {
    const text = textOf(renderDigest(digest([ev(0, { entities: [ada, acme] })]), "zh")[0]);
    expect(text).toContain("动态摘要 · 故事");
    expect(text).toContain("2024年1月1日");
    expect(text).toContain("事件 0 — *阿达、Acme*");
    expect(text).toContain("提及最多");
  });

  it("given more than fits, then takes at most three messages, each within Discord's limits, and says how many more", () => {
    const long = "Lorem ipsum dolor sit amet ".repeat(8);
    const events = Array.from({ length: 400 }, (_, i) => ev(i, { title: { en: `${i} ${long}`, zh: null }, entities: [ada, acme, bob] }));
    const parts = renderDigest(digest(events), "en");
    expect(parts).toHaveLength(DIGEST_MAX_MESSAGES);
    for (const p of parts) expect(checkMessage(p)).toEqual([]);
    const shown = parts.flatMap((p) => lines(textOf(p))).length;
    const last = textOf(parts.at(-1));
    expect(last).toContain(`…and ${400 - shown} more — see \`/timeline\``);
    expect(textOf(parts[1])).toContain("(2/3)");
    // A continued day gets its heading again at the top of the next message.
    expect((parts[1]!.embeds![0]!.description ?? "").startsWith("**")).toBe(true);
  });

  it("stays within Discord's limits whatever the text holds", () => {
    const nasty = ["@everyone *bold* `code` ||spoiler|| [x](https://evil)", "字".repeat(3000), "👩‍👩‍👧‍👦".repeat(400), "\n# heading\n> quote"];
    const events = nasty.map((title, i) =>
      ev(i, { title: { en: title, zh: title }, entities: [{ ...bob, name: { en: title, zh: null } }] }, `https://example.org/(${"a".repeat(i * 300)})`),
    );
    for (const lang of ["en", "zh"] as const) {
      for (const p of renderDigest({ ...digest(events), story: { ...story, title: { en: nasty[1]!, zh: null } } }, lang)) expect(checkMessage(p)).toEqual([]);
    }
    expect(textOf(renderDigest(digest(events), "en")[0])).toContain("\\*bold\\*");
  });

  it("marks each event with its status and outlet count, and explains the marks under the list", () => {
    const one = { ...ev(0), standing: { status: "reported" as const, note: null, outlets: 1 } };
    const two = { ...ev(1), standing: { status: "corroborated" as const, note: null, outlets: 2 } };
    const confirmed = { ...ev(2), standing: { status: "confirmed" as const, note: "Seen by our reporter", outlets: 3 } };
    const text = textOf(renderDigest(digest([one, two, confirmed]), "en")[0]);
    expect(lines(text)).toEqual([
      "• Event 0 — *Ada* · [Source 0](https://example.org/0) · ○1",
      "• Event 1 — *Ada* · [Source 1](https://example.org/1) · ◉2",
      "• Event 2 — *Ada* · [Source 2](https://example.org/2) · ✔3",
    ]);
    expect(text).toContain("○ reported by one outlet · ◉ corroborated");
    expect(text).not.toContain("Seen by our reporter");
    expect(textOf(renderDigest(digest([two]), "zh")[0])).toContain("◉ 多方证实");
    expect(textOf(renderDigest(digest([ev(0)]), "en")[0])).not.toContain("◉ corroborated");
  });

  it("renders nothing when nothing is new", () => {
    expect(renderDigest(digest([]), "en")).toEqual([]);
  });
});

describe("most mentioned", () => {
  it("ranks by mentions, then people before organisations, then first mention", () => {
    const events = [ev(0, { entities: [acme, bob] }), ev(1, { entities: [acme, ada] }), ev(2, { entities: [ada] })].map((e) => e.event);
    expect(mostMentioned(events).map((m) => [m.entity.key, m.mentions])).toEqual([
      ["ada", 2],
      ["acme", 2],
      ["bob", 1],
    ]);
    expect(mostMentioned(events, 1)).toHaveLength(1);
  });
});

describe("recap markers", () => {
  it("are short, stable for one part of one slot, and different for any other", () => {
    const n = recapMarker(7, 1_717_232_400_000, 0);
    expect(n.length).toBeLessThanOrEqual(25);
    expect(recapMarker(7, 1_717_232_400_000, 0)).toBe(n);
    const others = [recapMarker(7, 1_717_232_400_000, 1), recapMarker(8, 1_717_232_400_000, 0), recapMarker(7, 1_717_318_800_000, 0)];
    expect(new Set([n, ...others]).size).toBe(4);
  });
});
