/**
 * `npm run feeds -- <command>` for operators, on the same database as the bot:
 *   add <url> [--story <slug>] [--keywords a,b] [--trusted | --untrusted]   follow (fetches once)
 *   list                                                                   every feed and its health
 *   remove <url>                                                           stop following
 *   poll                                                                   poll every due feed now
 *   items [--story <slug>] [--feed <url>] [--json]                         every delivered item, newest first, and where it went
 * plus `--db <path>` (default: DATABASE_PATH). Exits 1 on a refusal, saying why.
 */
import { parseArgs } from "node:util";
import { DatabaseOpenError, openDatabase, type Db } from "../../db/index.ts";
import { getFeed, getFeedByUrl, listFeeds, removeFeed, saveFeed, type Feed } from "../../db/feeds.ts";
import { listNewsItems } from "../../db/news-items.ts";
import { getStoryBySlug } from "../../db/stories.ts";
import { itemLine, itemReport } from "./items.ts";
import { ConfigError, loadConfig, type Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { errorKind } from "./errors.ts";
import { DEFAULT_LIMITS } from "./fetch.ts";
import { parseKeywords } from "./keywords.ts";
import { pollFeed, type FeedPollResult } from "./poll-feed.ts";
import { startFeedPoller } from "./poller.ts";
import { parseFeedUrl } from "./url.ts";

const USAGE = `usage: npm run feeds -- add <url> [--story <slug>] [--keywords a,b] [--trusted | --untrusted] [--db <path>]
       npm run feeds -- list | remove <url> | poll [--db <path>]
       npm run feeds -- items [--story <slug>] [--feed <url>] [--json] [--db <path>]`;

class Refusal extends Error {}

function describe(r: FeedPollResult): string {
  if (r.outcome === "failed") return `fetch failed: ${errorKind(r.error?.kind ?? null)}${r.error?.detail ? ` (${r.error.detail})` : ""}`;
  if (r.outcome === "not-modified") return "not modified";
  if (r.outcome === "skipped") return "skipped (backing off)";
  return `"${r.title ?? "?"}": ${r.items} items, ${r.newItems} new, ${r.matched} matched, ${r.created} events (${r.published} published), ${r.attached} attached to events, ${r.joined} joined developments`;
}

function line(f: Feed): string {
  const state = f.pausedAt !== null ? "PAUSED" : f.lastError ? `failing x${f.failures}` : "ok";
  const last = f.lastFetchAt === null ? "never fetched" : `last fetch ${new Date(f.lastFetchAt).toISOString()}`;
  const error = f.lastError ? ` — last error: ${f.lastError}${f.lastErrorDetail ? ` (${f.lastErrorDetail})` : ""}` : "";
  const extras = [f.trusted ? "trusted" : "", f.keywords.length ? `keywords: ${f.keywords.join(", ")}` : ""].filter(Boolean).join("; ");
  return `${f.id}\t${f.url}\n\t${f.title ?? "(no title yet)"} · story ${f.storySlug} · ${state} · ${last} · ${f.itemsSeen} items, ${f.eventsMade} events${extras ? ` · ${extras}` : ""}${error}`;
}

function feedArg(db: Db, value: string | undefined): Feed {
  if (!value) throw new Refusal(`a feed's url (or id) is needed\n${USAGE}`);
  const parsed = /^\d+$/.test(value) ? null : parseFeedUrl(value);
  const feed = parsed === null ? getFeed(db, Number(value)) : "url" in parsed ? getFeedByUrl(db, parsed.url) : null;
  if (!feed) throw new Refusal(`no feed ${value} is being followed (see: npm run feeds -- list)`);
  return feed;
}

async function run(db: Db, config: Config, cmd: string | undefined, rest: string[], v: Record<string, string | boolean | undefined>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const out = (s: string) => process.stdout.write(`${s}\n`);
  if (cmd === "list") {
    const feeds = listFeeds(db);
    out(feeds.length ? feeds.map(line).join("\n") : "No feeds are being followed.");
  } else if (cmd === "remove") {
    const feed = feedArg(db, rest[0]);
    removeFeed(db, feed.id, Date.now());
    out(`Stopped following ${feed.url}.`);
  } else if (cmd === "add") {
    const parsed = parseFeedUrl(rest[0] ?? "");
    if ("problem" in parsed) throw new Refusal(`not a feed address we can follow (${parsed.problem}): ${rest[0] ?? "(none)"}\n${USAGE}`);
    const slug = typeof v.story === "string" ? v.story : config.DEFAULT_STORY;
    if (!getStoryBySlug(db, slug)) throw new Refusal(`there is no story "${slug}" in the database`);
    const trusted = v.trusted ? true : v.untrusted ? false : null;
    const keywords = typeof v.keywords === "string" ? parseKeywords(v.keywords) : null;
    const { feed, created } = saveFeed(db, { url: parsed.url, storySlug: slug, keywords, trusted, addedBy: null }, Date.now());
    out(`${created ? "Following" : "Updated"} ${feed.url} for ${slug}.`);
    out(`First fetch: ${describe(await pollFeed({ db, log, now: Date.now, limits: DEFAULT_LIMITS }, feed, { conditional: false }))}`);
  } else if (cmd === "poll") {
    const poller = startFeedPoller({ db, log, config, now: Date.now, schedule: false });
    const report = await poller.pollNow();
    await poller.stop();
    for (const r of report.results) out(`${r.url}: ${describe(r)}`);
    out(`${report.results.length} feeds, ${report.created} new events (${report.published} published), ${report.failed} failed.`);
  } else if (cmd === "items") {
    const story = typeof v.story === "string" ? getStoryBySlug(db, v.story) : null;
    if (typeof v.story === "string" && !story) throw new Refusal(`there is no story "${v.story}" in the database`);
    const feed = typeof v.feed === "string" ? feedArg(db, v.feed) : null;
    const items = listNewsItems(db, { storyId: story?.id ?? null, feedId: feed?.id ?? null }).map(itemReport);
    if (v.json) out(JSON.stringify(items, null, 2));
    else out(items.length ? items.map(itemLine).join("\n") : "The feeds have delivered no items yet.");
  } else {
    throw new Refusal(USAGE);
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        db: { type: "string" },
        story: { type: "string" },
        keywords: { type: "string" },
        trusted: { type: "boolean" },
        untrusted: { type: "boolean" },
        feed: { type: "string" },
        json: { type: "boolean" },
      },
    });
  } catch (err) {
    process.stderr.write(`feeds: ${(err as Error).message}\n${USAGE}\n`);
    process.exit(1);
  }
  let config: Config;
  let db: Db;
  try {
    config = loadConfig();
    db = openDatabase(args.values.db ?? config.DATABASE_PATH);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof DatabaseOpenError) {
      process.stderr.write(`feeds: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const [cmd, ...rest] = args.positionals;
  try {
    await run(db, config, cmd, rest, args.values);
  } catch (err) {
    process.stderr.write(`feeds: ${err instanceof Refusal ? err.message : (err as Error).stack}\n`);
    process.exitCode = 1;
  } finally {
    db.close();
  }
}

void main();
