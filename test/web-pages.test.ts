/**
 * The story pages over HTTP: what each page holds, stored text shown as text, the strict
 * Content-Security-Policy, ETags that change with the database, 404s in both languages,
 * the language chosen, the cards' tags, and both feeds read back by the project's own parser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveEventStatus } from "../db/event-sources.ts";
import { importStory } from "../db/import.ts";
import { parseFeedText } from "../src/feeds/parse.ts";
import { openDatabase } from "../db/index.ts";
import { createLogger } from "../src/log.ts";
import { CONTENT_SECURITY_POLICY, createWebApp } from "../src/web/app.ts";
import { chooseLang } from "../src/web/lang.ts";
import { hostileStory, SLUG, webFixture, type WebFixture } from "./helpers/web.ts";

let web: WebFixture;
beforeAll(async () => {
  web = await webFixture({ publicUrl: "https://pages.example.org/" });
});
afterAll(() => web.close());

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`${web.base}${path}`, { headers });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

/** Every href and src value in a page. */
const links = (text: string) => [...text.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
const meta = (text: string, prop: string) => new RegExp(`<meta (?:property|name)="${prop}" content="([^"]*)">`).exec(text)?.[1];

describe("the story page", () => {
  it("lists every published event by day with its people and sources, under the story's summary", async () => {
    const r = await get(`/s/${SLUG}`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(r.text).toContain("A story &lt;i&gt;about&lt;/i&gt; escaping.");
    expect(r.text.match(/<article class="event/g)).toHaveLength(7);
    expect(r.text.match(/<section class="day"/g)).toHaveLength(4);
    expect(r.text).toContain(`href="/s/${SLUG}/p/alice?lang=en"`);
    expect(r.text).toContain(`href="/s/${SLUG}/e/ev-6?lang=en"`);
    expect(r.text).toContain("Importance 2 of 5");
    expect(r.text.match(/<circle class="mark/g)).toHaveLength(7);
  });

  it("shows every hostile stored text as text: no tag, attribute or javascript: link comes from the database", async () => {
    for (const path of [`/s/${SLUG}`, `/s/${SLUG}/e/ev-2`, `/s/${SLUG}/p/mallory`, `/s/${SLUG}/search?q=event`, `/s/${SLUG}?lang=zh`, "/"]) {
      const { text } = await get(path);
      expect(text, path).not.toMatch(/<script|<img|<svg onload|<b>|<i>|<\/blockquote>&lt;script/);
      expect(text, path).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
      for (const link of links(text)) expect(link, path).toMatch(/^(\/|https:\/\/)/);
    }
    const source = await get(`/s/${SLUG}/e/ev-1`);
    expect(source.text).toContain('<span class="source">Source 1 &lt;img src=x onerror=alert(1)&gt;</span>');
    expect(source.text).toContain('href="https://news.example.org/1?a=1&amp;b=%222%22"');
  });

  it("is sent with a strict Content-Security-Policy that allows no script at all", async () => {
    const r = await get(`/s/${SLUG}`);
    expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe/);
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("answers 304 to a reader who has it, and a new ETag once the story changes", async () => {
    const first = await get(`/s/${SLUG}`);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${web.base}/s/${SLUG}`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    const story = hostileStory();
    story.events[0]!.title.en = "Event 1, retitled";
    importStory(web.db, story);
    const changed = await get(`/s/${SLUG}`, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(changed.text).toContain("Event 1, retitled");
  });
});

describe("the other pages", () => {
  it("an event's permalink has its summary, quotes with who said them, sources and its place in the timeline", async () => {
    const r = await get(`/s/${SLUG}/e/ev-2`);
    expect(r.status).toBe(200);
    expect(r.text).toContain("Summary 2 with &quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;");
    expect(r.text).toContain(`<a href="/s/${SLUG}/p/alice?lang=en">Alice</a></footer></blockquote>`);
    expect(r.text).toContain("Event 2 of 7");
  });

  it("a person's page has their role, their events and their quotes", async () => {
    const r = await get(`/s/${SLUG}/p/alice`);
    expect(r.status).toBe(200);
    expect(r.text).toContain("Role: Defender");
    expect(r.text).toContain("Appears in 1 event");
    expect(r.text).toContain("I said &lt;/blockquote&gt;");
  });

  it("the story's search finds what /search finds, and says when nothing matched", async () => {
    const hit = await get(`/s/${SLUG}/search?q=zebra`);
    expect(hit.text).toContain("1 event found for “zebra”.");
    expect(hit.text).toContain("Zebra crossing opened");
    const none = await get(`/s/${SLUG}/search?q=${encodeURIComponent('"><marquee>')}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain("Nothing found for “&quot;&gt;&lt;marquee&gt;”.");
    expect(none.text).not.toContain("<marquee>");
  });

  it("an unknown story, event, person or address is a 404 page in the reader's language, with no stack trace", async () => {
    for (const path of ["/s/nope", `/s/${SLUG}/e/nope`, `/s/${SLUG}/p/nope`, "/nothing/here", `/s/nope/feed.xml`]) {
      const en = await get(path);
      expect(en.status, path).toBe(404);
      expect(en.text, path).toContain("Page not found");
      expect(en.text, path).not.toMatch(/at .*\.ts:\d+|Error:/);
      const zh = await get(path, { "accept-language": "zh-CN,zh;q=0.9" });
      expect(zh.status, path).toBe(404);
      expect(zh.text, path).toContain('<html lang="zh-CN">');
      expect(zh.text, path).toContain("页面不存在");
    }
  });
});

describe("failures", () => {
  it("a page that cannot be read is a plain 500 page in the reader's language, the error logged, no stack trace", async () => {
    const db = openDatabase(":memory:");
    const lines: string[] = [];
    const log = createLogger("error", { write: (l: string) => void lines.push(l) });
    const app = createWebApp({ db, log, publicUrl: null });
    db.close();
    const res = await app.request(`/s/${SLUG}`, { headers: { "accept-language": "zh-CN" } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toContain("出了点问题");
    expect(text).not.toMatch(/database connection|TypeError|\.ts:\d+/);
    expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(lines.join("")).toContain("web page failed");
  });

  it("HEAD is answered like GET, without a body; other methods find no page", async () => {
    const head = await fetch(`${web.base}/s/${SLUG}`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const post = await fetch(`${web.base}/s/${SLUG}`, { method: "POST" });
    expect(post.status).toBe(404);
  });
});

describe("languages", () => {
  it("?lang wins, then Accept-Language by weight, then English", () => {
    expect(chooseLang("zh", "en")).toBe("zh");
    expect(chooseLang("en", "zh-CN")).toBe("en");
    expect(chooseLang(undefined, "fr-FR,zh-TW;q=0.8,en;q=0.5")).toBe("zh");
    expect(chooseLang(undefined, "en;q=0.3,zh;q=0.9")).toBe("zh");
    expect(chooseLang(undefined, "fr, de")).toBe("en");
    expect(chooseLang("xx", undefined)).toBe("en");
  });

  it("the Chinese page is in Chinese, with <html lang>, Chinese dates and a switch back to English", async () => {
    const r = await get(`/s/${SLUG}?lang=zh`);
    expect(r.text).toContain('<html lang="zh-CN">');
    expect(r.text).toContain("2024年3月1日");
    expect(r.text).toContain("恶意事件");
    expect(r.text).toContain(`<a class="lang" href="/s/${SLUG}?lang=en"`);
    expect(r.text).toContain(`>马洛里</a>、<a href="/s/${SLUG}/p/alice?lang=zh">爱丽丝</a>`);
    const en = await get(`/s/${SLUG}`);
    expect(en.text).toContain("Mar 1, 2024");
    expect(en.text).toContain(`<a class="lang" href="/s/${SLUG}?lang=zh"`);
  });
});

describe("cards and feeds", () => {
  it("every page carries Open Graph and Twitter card tags: the story's title, its latest development, the site name", async () => {
    const r = await get(`/s/${SLUG}`);
    expect(meta(r.text, "og:title")).toBe("Hostile &quot;story&quot; &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(meta(r.text, "og:site_name")).toBe("Storyline");
    expect(meta(r.text, "og:description")).toMatch(/^Latest: Event 7 /);
    expect(meta(r.text, "og:url")).toBe(`https://pages.example.org/s/${SLUG}?lang=en`);
    expect(meta(r.text, "twitter:card")).toBe("summary");
    expect(meta(r.text, "twitter:title")).toBe(meta(r.text, "og:title"));
    const ev = await get(`/s/${SLUG}/e/ev-6`);
    expect(meta(ev.text, "og:title")).toBe("Zebra crossing opened");
  });

  it("the Atom feed and the JSON Feed have one entry per published event, linking to its permalink", async () => {
    for (const [path, format] of [
      [`/s/${SLUG}/feed.xml`, "atom"],
      [`/s/${SLUG}/feed.json`, "json"],
    ] as const) {
      const r = await get(path);
      expect(r.status).toBe(200);
      const feed = parseFeedText(r.text);
      expect(feed.format).toBe(format);
      // The parser reads feeds as plain text: markup is dropped, so the title is what a reader sees.
      expect(feed.title).toBe('Hostile "story"');
      expect(feed.items).toHaveLength(7);
      expect(new Set(feed.items.map((i) => i.link))).toEqual(
        new Set([1, 2, 3, 4, 5, 6, 7].map((i) => `https://pages.example.org/s/${SLUG}/e/ev-${i}?lang=en`)),
      );
      expect(feed.items.map((i) => i.title)).toContain("Zebra crossing opened");
    }
  });
});

describe("an event's status on the pages", () => {
  it("shows how well each event is attested, and an editor's status with its note, escaped", async () => {
    const before = await get(`/s/${SLUG}`);
    expect(before.text).toMatch(/<span class="status st-corroborated">◉ corroborated · \d+ outlets<\/span>/);
    expect(before.text).not.toContain("st-disputed");
    const ev = web.db.prepare("SELECT id, key, title_en AS title FROM events WHERE key = 'ev-3'").get() as { id: number; key: string; title: string };
    const story = web.db.prepare("SELECT id, slug FROM stories WHERE slug = ?").get(SLUG) as { id: number; slug: string };
    const saved = saveEventStatus(web.db, {
      event: ev,
      story,
      verification: "disputed",
      note: "Denied by <b>the company</b>",
      actor: { userId: "1", userName: "editor" },
      now: Date.now(),
    });
    expect(saved).toBe("saved");
    const permalink = await get(`/s/${SLUG}/e/ev-3`);
    expect(permalink.text).toMatch(
      /<span class="status st-disputed">⚠ disputed · \d+ outlets?<\/span> <span class="note">Denied by &lt;b&gt;the company&lt;\/b&gt;<\/span>/,
    );
    const story3 = await get(`/s/${SLUG}`);
    expect(story3.text).toMatch(/<circle class="mark i\d st-disputed" data-key="ev-3"/);
    expect(story3.text.match(/<circle class="mark i\d st-(reported|corroborated|disputed)"/g)).toHaveLength(7);
    const zh = await get(`/s/${SLUG}/e/ev-3?lang=zh`);
    expect(zh.text).toMatch(/<span class="status st-disputed">⚠ [^<·]+ · /);
    expect(zh.text).not.toContain("disputed ·");
  });
});
