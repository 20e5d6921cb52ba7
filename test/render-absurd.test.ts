import { describe, expect, it } from "vitest";
import type { EntityMatch, EntityProfile, EntityRef, EventDetail, Lang, SearchHit, Story } from "../db/types.ts";
import {
  checkChoices,
  checkMessage,
  entityChoices,
  eventChoices,
  renderError,
  renderEvent,
  renderHelp,
  renderLatest,
  renderNoMatch,
  renderSearch,
  renderStoryList,
  renderTimeline,
  renderWho,
  renderWhoChoices,
  storyChoices,
  type Reply,
} from "../src/render/index.ts";

// A story built to break things: 10,000-character texts mixing ZWJ emoji, flags, combining
// accents, Chinese, mentions and Markdown; 500 entities on one event; hundreds of quotes
// and sources; empty and missing texts.

const NASTY = "👩‍👩‍👧‍👦 @everyone <@&123> **bold** _it_ `code` ||spoiler|| [x](http://e.com) > quote\n# head\n- item e\u0301 🇨🇳 董事会罢免了CEO ";
const huge = (n = 10_000) => NASTY.repeat(Math.ceil(n / NASTY.length)).slice(0, n);
const LANGS: Lang[] = ["en", "zh"];
const KINDS = ["person", "organization", "place", "other"] as const;

const story: Story = { id: 9, slug: huge(200), title: { en: huge(), zh: huge() }, summary: { en: huge(), zh: null }, language: "en", eventCount: 100000 };
const entities: EntityRef[] = Array.from({ length: 500 }, (_, i) => ({
  id: i + 1,
  key: `e${i}`,
  kind: KINDS[i % 4] ?? "other",
  name: { en: i % 3 ? huge(300) : null, zh: i % 5 ? huge(300) : null },
}));
const blank: EntityRef = { id: 9999, key: "", kind: "person", name: { en: null, zh: null } };
const event = (id: number, at: number): EventDetail => ({
  id,
  storyId: 9,
  key: `k${id}`,
  at,
  precision: id % 2 ? "date" : "datetime",
  title: { en: huge(), zh: id % 3 ? huge() : null },
  importance: id % 6,
  origin: "feed",
  addedAt: at,
  updatedAt: at,
  entities: [...entities, blank],
  summary: { en: huge(), zh: huge() },
  quotes: Array.from({ length: 300 }, (_, i) => ({ by: i % 2 ? (entities[i] ?? null) : null, text: { en: huge(3000), zh: i % 2 ? null : huge(3000) } })),
  sources: Array.from({ length: 300 }, (_, i) => ({ name: huge(500), url: i % 2 ? `https://example.com/${"a(b)".repeat(600)}` : null })),
});
const events = Array.from({ length: 60 }, (_, i) => event(i + 1, Date.UTC(2023, 0, 1) + i * 3_600_000));
const empty: EventDetail = { ...event(100, 0), title: { en: null, zh: null }, summary: { en: null, zh: null }, entities: [], quotes: [], sources: [] };

function expectValid(reply: Reply): void {
  expect(checkMessage(reply)).toEqual([]);
}

describe.each(LANGS)("every renderer stays inside Discord's limits for absurd input (%s)", (lang) => {
  it("renderWho", () => {
    const profile: EntityProfile = {
      entity: { ...entities[1]!, storyId: 9, role: { en: huge(), zh: huge() }, aliases: [], mentions: 1e6 },
      events,
      totalEvents: 1e6,
      quotes: events.map((e) => ({ text: { en: huge(), zh: null }, event: e })),
      sources: events[0]!.sources,
    };
    expectValid(renderWho(profile, story, lang, { eventLimit: 1000, timelineCustomId: "who:tl:2" }));
    expectValid(
      renderWho(
        {
          ...profile,
          entity: { ...profile.entity, ...blank, storyId: 9, role: { en: null, zh: null }, aliases: [], mentions: 0 },
          events: [empty],
          quotes: [],
          sources: [],
        },
        story,
        lang,
        { eventLimit: 5 },
      ),
    );
  });

  it("renderWhoChoices and renderNoMatch", () => {
    const matches: EntityMatch[] = entities.map((entity) => ({ entity, mentions: 1, rank: "fuzzy", matched: huge(50) }));
    expectValid(renderWhoChoices(matches, story, lang, (id) => `who:pick:${id}`));
    expectValid(renderWhoChoices([], story, lang, (id) => `who:pick:${id}`));
    expectValid(renderNoMatch(huge(), story, entities, lang));
    expectValid(renderNoMatch("", story, [blank], lang));
  });

  it("renderLatest, renderEvent and renderTimeline", () => {
    expectValid(renderLatest(events, story, lang));
    for (const e of [events[0]!, events[1]!, empty]) expectValid(renderEvent(e, story, lang));
    expectValid(renderTimeline({ events, page: 4, pageCount: 9, total: 1e6 }, story, lang, { filterLabel: huge(), prevId: "p", nextId: null }));
    expectValid(renderTimeline({ events: [], page: 0, pageCount: 0, total: 0 }, story, lang, { filterLabel: huge(), prevId: null, nextId: null }));
  });

  it("renderSearch", () => {
    const hits: SearchHit[] = events.map((e) => ({ event: e, summary: e.summary, quotes: e.quotes.map((q) => q.text) }));
    for (const q of [huge(), "董事会", "bold", "👩‍👩‍👧‍👦", "**", "e\u0301", ""]) {
      expectValid(renderSearch(q, { hits, total: 1e6 }, story, lang));
      expectValid(renderSearch(q, { hits: [], total: 0 }, story, lang));
    }
  });

  it("renderStoryList, renderHelp and renderError", () => {
    expectValid(
      renderStoryList(
        Array.from({ length: 100 }, (_, i) => ({ ...story, slug: `${huge(80)}${i}\`` })),
        story.slug,
        lang,
      ),
    );
    expectValid(renderStoryList([], null, lang));
    expectValid(renderHelp(story, lang));
    expectValid(renderError("generic", lang, { errorId: huge() }));
    expectValid(renderError("badDate", lang, { value: huge() }));
  });

  it("autocomplete choices", () => {
    expect(checkChoices(entityChoices(entities, lang, (e) => e.key))).toEqual([]);
    expect(checkChoices(eventChoices(events, lang))).toEqual([]);
    expect(checkChoices(storyChoices([story], lang))).toEqual([]);
  });
});

describe("absurd input keeps its shape", () => {
  it("still shows a summary and links after fitting an absurd event", () => {
    const e = renderEvent(events[0]!, story, "en").embeds?.[0];
    expect(e?.description?.length).toBeGreaterThan(500);
    expect(e?.fields?.[0]?.name).toBe("When");
  });

  it("never cuts inside a grapheme: no lone surrogates anywhere", () => {
    const json = JSON.stringify([renderLatest(events, story, "zh"), renderEvent(events[1]!, story, "en")]);
    expect(json).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/i);
  });
});
