/**
 * A story whose stored texts are hostile (markup, quotes, `javascript:` links) in a real
 * SQLite file, with the story pages served over it on 127.0.0.1 through a read-only handle.
 */
import { join } from "node:path";
import { importStory } from "../../db/import.ts";
import { openDatabase, type Db } from "../../db/index.ts";
import type { EventInput, StoryInput } from "../../db/types.ts";
import { createLogger } from "../../src/log.ts";
import { startWebServer, type WebServer } from "../../src/web/server.ts";
import { tempDir } from "./tmp.ts";

export const SLUG = "hostile-story";
export const XSS = `<script>alert("xss")</script>`;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 1, 12);

/** Seven events over four days (two on the busiest), every text a trap. */
export function hostileStory(): StoryInput {
  const event = (i: number, day: number, extra: Partial<EventInput> = {}): EventInput => ({
    key: `ev-${i}`,
    at: T0 + day * DAY + i * 60_000,
    precision: "date",
    title: { en: `Event ${i} ${XSS}`, zh: `第${i}条进展 ${XSS}` },
    summary: { en: `Summary ${i} with "quotes" & <b>tags</b>`, zh: `第${i}条摘要` },
    importance: (i % 5) + 1,
    entityKeys: ["mallory"],
    quotes: [],
    sources: [
      { name: `Source ${i} <img src=x onerror=alert(1)>`, url: "javascript:alert(1)" },
      { name: "Good source", url: `https://news.example.org/${i}?a=1&b="2"` },
    ],
    ...extra,
  });
  return {
    slug: SLUG,
    title: { en: `Hostile "story" ${XSS}`, zh: `恶意事件 ${XSS}` },
    summary: { en: `A story <i>about</i> escaping.`, zh: "一个关于转义的事件。" },
    language: "en",
    entities: [
      { key: "mallory", kind: "person", name: { en: `Mallory "><svg onload=alert(1)>`, zh: "马洛里" }, role: { en: "Attacker", zh: "攻击者" }, aliases: [] },
      { key: "alice", kind: "person", name: { en: "Alice", zh: "爱丽丝" }, role: { en: "Defender", zh: "防守者" }, aliases: [] },
    ],
    events: [
      event(1, 0),
      event(2, 0, { entityKeys: ["mallory", "alice"], quotes: [{ byKey: "alice", text: { en: `I said </blockquote>${XSS}`, zh: "我说过" } }] }),
      event(3, 1),
      event(4, 2),
      event(5, 2),
      event(6, 2, { title: { en: "Zebra crossing opened", zh: "斑马线开通" } }),
      event(7, 3),
    ],
  };
}

export interface WebFixture {
  /** A writable handle, as the bot has. */
  db: Db;
  base: string;
  server: WebServer;
  close(): Promise<void>;
}

export async function webFixture(opts: { publicUrl?: string; cache?: boolean } = {}): Promise<WebFixture> {
  const tmp = tempDir("storyline-web-");
  const path = join(tmp.dir, "web.db");
  const db = openDatabase(path);
  importStory(db, hostileStory(), T0);
  const server = await startWebServer({
    host: "127.0.0.1",
    port: 0,
    databasePath: path,
    publicUrl: opts.publicUrl,
    log: createLogger("silent"),
    cache: opts.cache,
  });
  return {
    db,
    base: server.localUrl,
    server,
    close: async () => {
      await server.close();
      db.close();
      tmp.cleanup();
    },
  };
}
