/**
 * `npm run screenshot`: the bundled story's page, as a reader sees it in Debian's Chromium,
 * saved as docs/images/story-page.png for the README. Built from the story files in a
 * temporary database, served by the real web server on 127.0.0.1; nothing else is touched.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/index.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { syncStories } from "../src/story/import.ts";
import { startWebServer } from "../src/web/server.ts";
import { launchBrowser } from "./browser.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "docs", "images", "story-page.png");

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "storyline-screenshot-"));
  const path = join(dir, "screenshot.db");
  const db = openDatabase(path);
  syncStories(db, join(ROOT, "stories"));
  db.close();
  const server = await startWebServer({ host: "127.0.0.1", port: 0, databasePath: path, log: createLogger("warn") });
  const browser = await launchBrowser({ viewport: { width: 1100, height: 1400 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.localUrl}/s/${BUNDLED_STORY}?lang=en`);
    mkdirSync(dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    process.stdout.write(`${OUT}\n`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshot failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
