/**
 * "Read on the web": with PUBLIC_URL set, /event, /who, /timeline and /recap now end with a
 * link button to the matching story page, and following it gives that page; without
 * PUBLIC_URL there is no such button.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/index.ts";
import { createLogger } from "../src/log.ts";
import { syncStories } from "../src/story/import.ts";
import { startWebServer, type WebServer } from "../src/web/server.ts";
import type { FakeCommandInput, FakeMessage } from "../tools/fake-discord/index.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { tempDir } from "./helpers/tmp.ts";

const SLUG = "openai-board-crisis-2023";

/** The link buttons (style 5) of a message. */
function links(m: FakeMessage | undefined): { label: string; url: string }[] {
  const rows = (m?.components ?? []) as { components: { type: number; style?: number; label?: string; url?: string }[] }[];
  return rows.flatMap((r) => r.components).flatMap((c) => (c.type === 2 && c.style === 5 ? [{ label: c.label ?? "", url: c.url ?? "" }] : []));
}

describe("Read on the web", () => {
  const tmp = tempDir("storyline-web-links-");
  let db: Db;
  let web: WebServer;
  let t: TestBot;
  beforeAll(async () => {
    const path = join(tmp.dir, "bot.db");
    db = openDatabase(path);
    syncStories(db, "stories");
    web = await startWebServer({ host: "127.0.0.1", port: 0, databasePath: path, log: createLogger("silent") });
    t = await startTestBot({ db, config: { PUBLIC_URL: web.localUrl } });
  });
  afterAll(async () => {
    await t.stop();
    await web.close();
    db.close();
    tmp.cleanup();
  });

  const follow = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, text: await res.text() };
  };

  it("/event links to the event's permalink, in the reader's language", async () => {
    const out = await run(t, { name: "event", options: { id: "altman-fired" } });
    const [link] = links(out.reply);
    expect(link).toEqual({ label: "Read on the web", url: `${web.localUrl}/s/${SLUG}/e/altman-fired?lang=en` });
    const page = await follow(link!.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain("<h1>OpenAI");
    const zh = await run(t, { name: "event", options: { id: "altman-fired" }, locale: "zh-CN" });
    expect(links(zh.reply)).toEqual([{ label: "在网页上阅读", url: `${web.localUrl}/s/${SLUG}/e/altman-fired?lang=zh` }]);
  });

  it("/who links to the person's page, beside the Full timeline button", async () => {
    const out = await run(t, { name: "who", options: { name: "ilya" } });
    const [link] = links(out.reply);
    expect(link!.url).toBe(`${web.localUrl}/s/${SLUG}/p/ilya-sutskever?lang=en`);
    const page = await follow(link!.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1 class="person">Ilya Sutskever</h1>');
  });

  it("/timeline links to the story's page, or to the person's page when filtered by one", async () => {
    const all = await run(t, { name: "timeline", options: {} });
    expect(links(all.reply).map((l) => l.url)).toEqual([`${web.localUrl}/s/${SLUG}?lang=en`]);
    expect((await follow(links(all.reply)[0]!.url)).status).toBe(200);
    const ilya = await run(t, { name: "timeline", options: { who: "ilya" } });
    expect(links(ilya.reply).map((l) => l.url)).toEqual([`${web.localUrl}/s/${SLUG}/p/ilya-sutskever?lang=en`]);
  });

  it("/recap now ends with a link to the story's page", async () => {
    const out = await run(t, { name: "recap", subcommand: "now", options: { hours: 24 } });
    const messages = [out.reply, ...out.followUps];
    expect(links(messages.at(-1)).map((l) => l.url)).toEqual([`${web.localUrl}/s/${SLUG}?lang=en`]);
  });

  it("without PUBLIC_URL, no reply has a link button", async () => {
    const plain = await startTestBot();
    try {
      const inputs: FakeCommandInput[] = [
        { name: "event", options: { id: "altman-fired" } },
        { name: "who", options: { name: "ilya" } },
        { name: "timeline", options: {} },
      ];
      for (const input of inputs) {
        const out = await run(plain, input);
        expect(out.reply, input.name).toBeDefined();
        expect(links(out.reply), input.name).toEqual([]);
      }
    } finally {
      await plain.stop();
    }
  });
});
