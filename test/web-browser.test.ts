/**
 * The story pages in a real browser (headless Chromium): the story page, an event's
 * permalink, a person's page, the Chinese version and a search, reached by clicking the
 * links between them; the timeline picture with a mark per event; hostile stored text shown
 * as text (nothing it holds runs: the page has no script, and none is added); no console
 * error, including no Content-Security-Policy violation.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../tools/browser.ts";
import { SLUG, webFixture, type WebFixture, XSS } from "./helpers/web.ts";

let web: WebFixture;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  web = await webFixture();
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
}, 30_000);
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** Nothing the stored text holds became an element: no script, image or foreign svg anywhere. */
async function expectInert(p: Page): Promise<void> {
  expect(await p.locator("script, img, iframe, b, i").count()).toBe(0);
  expect(await p.locator("svg").count()).toBeLessThanOrEqual(1);
  const hrefs = await p.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) expect(href).toMatch(/^(\/|https:\/\/)/);
}

describe("in a browser", () => {
  it("the story page shows the summary, the timeline with a mark per event and every event by day; hostile text is text", async () => {
    await page.goto(`${web.base}/s/${SLUG}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe(`Hostile "story" ${XSS}`);
    expect(await page.locator("p.lead").textContent()).toBe("A story <i>about</i> escaping.");
    expect(await page.locator("svg.timeline").isVisible()).toBe(true);
    expect(await page.locator("svg.timeline circle.mark").count()).toBe(7);
    expect(await page.locator("svg.timeline rect.bar.busiest").count()).toBe(1);
    expect(await page.locator("section.day").count()).toBe(4);
    expect(await page.locator("article.event").count()).toBe(7);
    expect(await page.locator("#e-ev-1 .source").first().textContent()).toBe("Source 1 <img src=x onerror=alert(1)>");
    await expectInert(page);
    expect(await page.title()).toBe(`Hostile "story" ${XSS} · Storyline`);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(`Hostile "story" ${XSS}`);
    expect(problems).toEqual([]);
  });

  it("an event's title leads to its permalink, a person's name to their page, the switch to Chinese and back", async () => {
    await page.goto(`${web.base}/s/${SLUG}`);
    await page.locator("#e-ev-2 h3 a").click();
    await page.waitForURL(/\/e\/ev-2/);
    expect(await page.locator("h1").textContent()).toBe(`Event 2 ${XSS}`);
    expect(await page.locator("blockquote p").textContent()).toBe(`I said </blockquote>${XSS}`);
    await expectInert(page);

    await page.locator("blockquote footer a", { hasText: "Alice" }).click();
    await page.waitForURL(/\/p\/alice/);
    expect(await page.locator("h1.person").textContent()).toBe("Alice");
    expect(await page.locator("article.event").count()).toBe(1);

    await page.locator("a.lang").click();
    await page.waitForURL(/lang=zh/);
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    expect(await page.locator("h1.person").textContent()).toBe("爱丽丝");
    expect(await page.locator("p.role").textContent()).toBe("身份：防守者");
    await page.locator("p.crumbs a").click();
    await page.waitForURL(new RegExp(`/s/${SLUG}\\?lang=zh$`));
    expect(await page.locator("h1").textContent()).toBe(`恶意事件 ${XSS}`);
    expect(await page.locator("section.day h2").first().textContent()).toBe("2024年3月1日");
    await expectInert(page);
    expect(problems).toEqual([]);
  });

  it("the search form finds an event, and its result links to the permalink", async () => {
    await page.goto(`${web.base}/s/${SLUG}?lang=en`);
    await page.locator("form.search input[name=q]").fill("zebra");
    await page.locator("form.search button").click();
    await page.waitForURL(/\/search\?q=zebra/);
    expect(await page.locator("p.results").textContent()).toBe("1 event found for “zebra”.");
    await page.locator("article.event h3 a").click();
    await page.waitForURL(/\/e\/ev-6/);
    expect(await page.locator("h1").textContent()).toBe("Zebra crossing opened");
    expect(problems).toEqual([]);
  });
});
