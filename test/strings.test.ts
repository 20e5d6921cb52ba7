import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feed } from "../db/feeds.ts";
import type { EventDetail, Lang, Story } from "../db/types.ts";
import { joinList, listSeparator, t } from "../src/i18n/index.ts";
import { renderDigest } from "../src/render/digest.ts";
import { renderHistory, renderRemoveConfirm, renderRemoved } from "../src/render/editor.ts";
import { renderFeedSaved, renderReview } from "../src/render/feeds.ts";
import { errorText, renderNoMatch, renderSearch } from "../src/render/index.ts";
import { renderRecapOff } from "../src/render/recap-status.ts";
import { renderStorySwitched } from "../src/render/stories.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";

/** Markdown a title may hold, and how it must reach Discord: every mark escaped, once. */
const TITLE = "**x** _y_ `z`";
const ONCE = "\\*\\*x\\*\\* \\_y\\_ \\`z\\`";
/** What escaping twice would leave: an escaped backslash before a mark. */
const TWICE = "\\\\";
const LANGS: Lang[] = ["en", "zh"];

/** What Discord renders as Markdown: content, embed titles, descriptions and fields (footers show text as it is). */
function markdownOf(m: { content?: string; embeds?: unknown[] } | undefined): string {
  return textOf({ content: m?.content, embeds: (m?.embeds ?? []).map((e) => ({ ...(e as object), footer: undefined })) });
}

/** The text is shown literally: escaped once, never raw, never twice. */
function expectEscapedOnce(text: string, label: string): void {
  expect(text, label).toContain(ONCE);
  expect(text, label).not.toContain(TWICE);
  expect(text.replaceAll(ONCE, ""), label).not.toContain(TITLE);
}

const story: Story = { id: 1, slug: "s", language: "en", eventCount: 1, title: { en: TITLE, zh: TITLE }, summary: { en: null, zh: null } };
const event: EventDetail = {
  id: 7,
  storyId: 1,
  key: "k",
  at: Date.UTC(2023, 10, 20, 12),
  precision: "date",
  title: { en: TITLE, zh: TITLE },
  importance: 3,
  origin: "editor",
  addedAt: 0,
  entities: [],
  summary: { en: null, zh: null },
  quotes: [],
  sources: [{ name: "Source", url: null }],
  updatedAt: 1,
};
const feed: Feed = {
  id: 1,
  url: "https://example.com/feed.xml",
  storySlug: "s",
  keywords: [TITLE],
  trusted: false,
  title: TITLE,
  etag: null,
  lastModified: null,
  lastFetchAt: null,
  lastOkAt: null,
  lastError: null,
  lastErrorDetail: null,
  failures: 0,
  skipPolls: 0,
  pausedAt: null,
  addedBy: null,
  addedAt: 0,
  itemsSeen: 0,
  eventsMade: 0,
};

describe("lists in a sentence", () => {
  it("are joined with a comma in English and the enumeration comma in Chinese", () => {
    expect(joinList(["Altman", "Sutskever", "Murati"], "en")).toBe("Altman, Sutskever, Murati");
    expect(joinList(["奥特曼", "苏茨克维"], "zh")).toBe("奥特曼、苏茨克维");
    expect(joinList(["one"], "zh")).toBe("one");
    expect(joinList([], "en")).toBe("");
    expect(listSeparator("zh")).toBe("、");
  });
});

describe("text placed in a message", () => {
  it("is escaped by the message functions themselves, in both languages", () => {
    for (const lang of LANGS) {
      const s = t(lang);
      const texts: Record<string, string> = {
        following: s.help.following(TITLE),
        badDate: s.errors.badDate(TITLE),
        storyNotFound: s.errors.storyNotFound(TITLE),
        eventNotFound: s.errors.eventNotFound(TITLE),
        noMatch: s.who.noMatch(TITLE, TITLE),
        emptyFiltered: s.timeline.emptyFiltered(TITLE),
        searchTitle: s.search.title(TITLE),
        searchNone: s.search.none(TITLE, TITLE),
        switched: s.stories.switched(TITLE),
        badWhen: s.editor.problems.badWhen(TITLE),
        sourceNoName: s.editor.problems.sourceNoName(TITLE),
        sourceBadUrl: s.editor.problems.sourceBadUrl(TITLE),
        unknownPerson: s.editor.problems.unknownPerson(TITLE),
        ambiguousPerson: s.editor.problems.ambiguousPerson(TITLE),
        confirmRemove: s.editor.confirmRemove(TITLE),
        removed: s.editor.removed(TITLE),
        historyTitle: s.editor.history.title(TITLE),
        feedAdded: s.feeds.added(TITLE),
        feedUpdated: s.feeds.updated(TITLE),
        storyLine: s.feeds.storyLine(TITLE),
        keywordsLine: s.feeds.keywordsLine([TITLE]),
        firstFetch: s.feeds.firstFetch(TITLE, 1, 1, 1),
        feedRemoved: s.feeds.removed(TITLE),
        feedNotFound: s.feeds.notFound(TITLE),
        http: s.feeds.errors.http(TITLE),
        reviewEmpty: s.feeds.review.empty(TITLE),
        approved: s.feeds.review.approved(TITLE),
        rejected: s.feeds.review.rejected(TITLE),
        edited: s.feeds.review.edited(TITLE),
        digestTitle: s.recap.digestTitle(TITLE),
        mentioned: s.recap.mentioned(TITLE, 2),
        badTime: s.recap.badTime(TITLE),
        badZone: s.recap.badZone(TITLE),
        scheduled: s.recap.scheduled(TITLE, "<#1>", "08:30", "UTC"),
        off: s.recap.off([TITLE]),
        lastFailure: s.recap.status.lastFailure("<t:1:R>", TITLE),
      };
      for (const [name, text] of Object.entries(texts)) expectEscapedOnce(text, `${lang} ${name}`);
    }
  });

  it("keeps slugs and event keys as inline code, whatever they hold", () => {
    expect(t("en").stories.valid(["a`b", "c"])).toBe("Stories you can follow: `aˋb`, `c`.");
    expect(t("zh").stories.valid([])).toBe("可以追踪的新闻：—。");
    expect(t("en").editor.added("x`y", "Nov 19, 2023", 1, 2)).toContain("`xˋy`");
  });

  it("is shown literally by the renderers, escaped once and not twice", () => {
    for (const lang of LANGS) {
      const replies = {
        removed: renderRemoved(event, lang),
        removeConfirm: renderRemoveConfirm(event, lang, "ed:rm:1:7:1", "ed:keep"),
        history: renderHistory(TITLE, [], 0, story, lang),
        reviewEmpty: renderReview(null, story, lang),
        reviewApproved: renderReview(null, story, lang, { kind: "approved", event: { key: "k", title: event.title } }),
        noMatch: renderNoMatch(TITLE, story, [], lang),
        searchNone: renderSearch(TITLE, { hits: [], total: 0 }, story, lang),
        switched: renderStorySwitched(story, [story], lang),
        recapOff: renderRecapOff([{ storyId: 1, story }], lang),
        feedSaved: renderFeedSaved(feed, true, story, { outcome: "ok", title: TITLE, items: 1, matched: 1, created: 0 }, lang),
        digest: renderDigest(
          {
            story,
            since: 0,
            until: 1,
            events: [{ event, source: null }],
            top: [{ entity: { id: 1, key: "p", kind: "person", name: { en: TITLE, zh: null } }, mentions: 2 }],
          },
          lang,
        )[0],
      };
      for (const [name, reply] of Object.entries(replies)) expectEscapedOnce(markdownOf(reply), `${lang} ${name}`);
      expectEscapedOnce(errorText("storyNotFound", lang, { slug: TITLE }), `${lang} errorText`);
    }
  });
});

describe("a title with Markdown sent to the bot", () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await startTestBot();
  });
  afterAll(async () => {
    await tb.stop();
  });

  it("is quoted back literally, escaped once", async () => {
    for (const locale of ["en-US", "zh-CN"]) {
      const who = await run(tb, { name: "who", options: { name: TITLE }, locale });
      expectEscapedOnce(markdownOf(who.reply), `${locale} /who`);
      const search = await run(tb, { name: "search", options: { query: TITLE }, locale });
      expectEscapedOnce(markdownOf(search.reply), `${locale} /search`);
      const timeline = await run(tb, { name: "timeline", options: { from: TITLE }, locale });
      expectEscapedOnce(markdownOf(timeline.reply), `${locale} /timeline`);
    }
  });
});
