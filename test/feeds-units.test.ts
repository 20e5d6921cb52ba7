import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedError } from "../src/feeds/errors.ts";
import { fetchFeed } from "../src/feeds/fetch.ts";
import { itemKey } from "../src/feeds/keys.ts";
import { parseKeywords } from "../src/feeds/keywords.ts";
import { buildMatcher, findName } from "../src/feeds/match.ts";
import { parseFeedText, type ParsedItem } from "../src/feeds/parse.ts";
import { isDue } from "../src/feeds/poller.ts";
import { plainText } from "../src/feeds/text.ts";
import { normalizeLink, parseFeedUrl } from "../src/feeds/url.ts";
import { FIXTURES } from "./helpers/feed-server.ts";

const names = [
  { entityId: 1, name: "sam altman" },
  { entityId: 1, name: "altman" },
  { entityId: 1, name: "奥特曼" },
  { entityId: 2, name: "openai" },
  { entityId: 3, name: "microsoft" },
  { entityId: 3, name: "ms" },
  { entityId: 3, name: "微软" },
  { entityId: 4, name: "adam d angelo" },
  { entityId: 4, name: "d angelo" },
];
const match = buildMatcher(names, []);

describe("matching items to a story", () => {
  it("matches Latin names as whole words only", () => {
    expect(match("An Altmanesque turn")).toBeNull();
    expect(match("OpenAI's chief")?.entityIds).toEqual([2]);
    expect(match("Reopenaire")).toBeNull();
    expect(match("SAM ALTMAN returns")?.entityIds).toEqual([1]);
    expect(match("Ex-Altman ally")?.entityIds).toEqual([1]);
  });

  it("matches names with accents and punctuation the way lookup normalises them", () => {
    expect(match("Adam D’Angelo stays")?.entityIds).toEqual([4]);
    expect(match("Sám Áltman")?.entityIds).toEqual([1]);
  });

  it("matches Chinese names anywhere, also next to Latin words", () => {
    expect(match("微软聘请奥特曼")?.entityIds).toEqual([3, 1]);
    expect(match("据报道OpenAI和微软")?.entityIds).toEqual([2, 3]);
  });

  it("lists entities in the order they first appear, once each", () => {
    expect(match("Microsoft hires Altman; Sam Altman and Microsoft")?.entityIds).toEqual([3, 1]);
  });

  it("ignores Latin names too short to mean anything", () => {
    expect(match("Ms. Smith says hello")).toBeNull();
  });

  it("matches a feed's keywords with the same rules", () => {
    const withWords = buildMatcher([], ["Silicon Valley", "董事会"]);
    expect(withWords("Silicon Valley reacts")).toEqual({ entityIds: [], keywords: ["silicon valley"] });
    expect(withWords("Siliconvalleyish")).toBeNull();
    expect(withWords("公司董事会开会")?.keywords).toEqual(["董事会"]);
  });

  it("finds a name at the very start and end of a text", () => {
    expect(findName("altman", "altman")).toBe(0);
    expect(findName("met altman", "altman")).toBe(4);
    expect(findName("altmans", "altman")).toBe(-1);
  });
});

describe("feed addresses and links", () => {
  it("accepts http(s) addresses and refuses the rest with a reason", () => {
    expect(parseFeedUrl(" HTTPS://Example.COM/feed.xml#top ")).toEqual({ url: "https://example.com/feed.xml" });
    expect(parseFeedUrl("ftp://example.com/feed")).toEqual({ problem: "scheme" });
    expect(parseFeedUrl("javascript:alert(1)")).toEqual({ problem: "scheme" });
    expect(parseFeedUrl("not a url")).toEqual({ problem: "malformed" });
    expect(parseFeedUrl("https://user:pw@example.com/feed")).toEqual({ problem: "credentials" });
    expect(parseFeedUrl(`https://example.com/${"a".repeat(3000)}`)).toEqual({ problem: "too-long" });
  });

  it("normalises links: host lower-cased, fragment and utm_* dropped, relative ones resolved", () => {
    expect(normalizeLink("https://SHARED.example/letter?utm_campaign=b&id=3#top")).toBe("https://shared.example/letter?id=3");
    expect(normalizeLink("https://shared.example/letter?utm_source=a")).toBe("https://shared.example/letter");
    expect(normalizeLink("/a?q=x%20y", "https://site.example/feed")).toBe("https://site.example/a?q=x+y");
    expect(normalizeLink("mailto:someone@example.com")).toBeNull();
    expect(normalizeLink("")).toBeNull();
  });

  it("keys items by guid, else link, else title and date", () => {
    const item = (over: Partial<ParsedItem>): ParsedItem => ({ guid: null, link: null, title: "T", summary: "", rawDate: null, at: null, ...over });
    expect(itemKey(item({ guid: "g-1", link: "https://x.example/1" }), "https://x.example/")).toBe("g:g-1");
    expect(itemKey(item({ link: "https://X.example/1#c" }), "https://x.example/")).toBe("l:https://x.example/1");
    const a = itemKey(item({ rawDate: "Mon, 20 Nov 2023" }), "https://x.example/");
    expect(a).toMatch(/^h:/);
    expect(itemKey(item({ rawDate: "Mon, 20 Nov 2023", summary: "changed" }), "https://x.example/")).toBe(a);
    expect(itemKey(item({ rawDate: "Tue, 21 Nov 2023" }), "https://x.example/")).not.toBe(a);
  });

  it("reads keywords split by Latin or Chinese commas, without repeats or blanks", () => {
    expect(parseKeywords(" OpenAI , openai,,  board   crisis，董事会、 ")).toEqual(["OpenAI", "board crisis", "董事会"]);
    expect(parseKeywords(Array.from({ length: 30 }, (_, i) => `w${i}`).join(","))).toHaveLength(20);
  });
});

describe("feed texts", () => {
  it("reduces HTML to its words: no links, images, scripts or shouting headings", () => {
    expect(
      plainText('<h1>Big</h1><p>Hello <a href="https://x">OpenAI</a><img src="p.jpg" alt="pic"></p><script>x()</script><ul><li>a</li><li>b</li></ul>', 500),
    ).toBe("Big Hello OpenAI a b");
    expect(plainText("AT&amp;T &lt; 5   points\n\n new", 500)).toBe("AT&T < 5 points new");
  });

  it("caps long texts with an ellipsis", () => {
    const text = plainText("word ".repeat(500), 50);
    expect(text.length).toBeLessThanOrEqual(50);
    expect(text.endsWith("…")).toBe(true);
  });

  it("reads every format the same way", () => {
    const read = (name: string) => parseFeedText(readFileSync(join(FIXTURES, name), "utf8"));
    expect(read("rss.xml")).toMatchObject({ format: "rss", title: "Tech Wire" });
    expect(read("atom.xml")).toMatchObject({
      format: "atom",
      title: "Daily Ledger",
      items: [{ guid: "urn:uuid:ledger-1", link: "https://ledger.example/brockman" }, {}],
    });
    expect(read("feed.json")).toMatchObject({ format: "json", title: "Json Times", items: [{ guid: "jt-1", summary: "The CTO takes the helm." }, {}] });
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://r.example/"><title>RDF News</title><link>https://r.example/</link><description>d</description></channel>
      <item rdf:about="https://r.example/1"><title>OpenAI item</title><link>https://r.example/1</link><dc:date>2023-11-20T10:00:00Z</dc:date></item></rdf:RDF>`;
    expect(parseFeedText(rdf)).toMatchObject({
      format: "rdf",
      title: "RDF News",
      items: [{ guid: "https://r.example/1", title: "OpenAI item", at: Date.parse("2023-11-20T10:00:00Z") }],
    });
  });

  it("tells a broken feed from something that is no feed", () => {
    expect(() => parseFeedText(readFileSync(join(FIXTURES, "malformed.xml"), "utf8"))).toThrow(expect.objectContaining({ kind: "malformed" }));
    expect(() => parseFeedText("<html><body>hi</body></html>")).toThrow(expect.objectContaining({ kind: "not-a-feed" }));
    expect(() => parseFeedText('{"hello": 1}')).toThrow(FeedError);
  });

  it("decodes a feed in the charset its XML declaration names", async () => {
    const head = Buffer.from('<?xml version="1.0" encoding="GBK"?><rss version="2.0"><channel><title>');
    // "微软" in GBK.
    const body = Buffer.concat([head, Buffer.from([0xce, 0xa2, 0xc8, 0xed]), Buffer.from("</title></channel></rss>")]);
    const fakeFetch = (async () => new Response(body, { status: 200, headers: { "content-type": "application/xml" } })) as typeof fetch;
    const r = await fetchFeed({ url: "https://gbk.example/feed", limits: { timeoutMs: 1000, maxBytes: 10_000, maxRedirects: 3 }, fetch: fakeFetch });
    expect(r.status === "ok" && parseFeedText(r.body).title).toBe("微软");
  });
});

describe("the poller's timing", () => {
  it("is due at once, then once the interval has passed", () => {
    expect(isDue(null, 0, 10)).toBe(true);
    expect(isDue(0, 5 * 60_000, 10)).toBe(false);
    // A minute tick landing a little early still counts.
    expect(isDue(0, 10 * 60_000 - 500, 10)).toBe(true);
    expect(isDue(0, 90 * 60_000, 90)).toBe(true);
  });
});
