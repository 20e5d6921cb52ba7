import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getFeed, listFeeds } from "../db/feeds.ts";
import { latestEvents, searchEvents } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { SANDBOX_USER_ID, type FakeMessage } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { feedEvents, memoryLog, testPoller } from "./helpers/feeds.ts";
import { fixture, startFeedServer, status, type FeedServer } from "./helpers/feed-server.ts";
import { modalValues, typedInputs } from "./helpers/editor.ts";

const OUTSIDER = { id: "1310000000000000077", username: "outsider" };

let t: TestBot;
let server: FeedServer;
let storyId: number;
beforeAll(async () => {
  server = await startFeedServer();
  t = await startTestBot({ config: { EDITOR_USER_IDS: [SANDBOX_USER_ID] } });
  storyId = getStoryBySlug(t.db, BUNDLED_STORY)!.id;
  // The fixtures report the story's own events, which they would attach to: without them (all but one from 2019) each starts a development.
  t.db.prepare("DELETE FROM events WHERE story_id = ? AND origin = 'file' AND key <> 'openai-lp-structure-2019'").run(storyId);
});
afterAll(async () => {
  await t.stop();
  await server.stop();
});
beforeEach(() => {
  // Each test starts with no feeds and no feed events.
  t.db.exec(`DELETE FROM event_fts WHERE rowid IN (SELECT search_key FROM events WHERE origin = 'feed' AND search_key IS NOT NULL);
    DELETE FROM events WHERE origin = 'feed'; DELETE FROM feed_links; DELETE FROM feed_items; DELETE FROM feeds;`);
});

const feed = async (subcommand: string, options: Record<string, string | boolean> = {}, user?: typeof OUTSIDER, locale = "en-US") =>
  (await t.fake.command({ name: "feed", subcommand, options, user, admin: true, locale })).settled({ timeoutMs: 15_000 });
const review = async (user?: typeof OUTSIDER) => (await t.fake.command({ name: "review", user, admin: true })).settled();
const click = async (message: FakeMessage, customId: string, user?: typeof OUTSIDER) =>
  (await t.fake.click({ message, customId, user, admin: true })).settled();

/** The custom_ids of a message's buttons, by label. */
function buttons(m: FakeMessage | undefined): Record<string, string> {
  const rows = (m?.components ?? []) as { components: { label?: string; custom_id?: string }[] }[];
  return Object.fromEntries(rows.flatMap((r) => r.components.map((c) => [c.label ?? "", c.custom_id ?? ""])));
}

describe("/feed", () => {
  it("given a feed address, then it is saved, fetched once and its title and matches are shown", async () => {
    const out = await feed("add", { url: server.url("/f/rss.xml") });
    expect(out.ephemeral).toBe(true);
    const text = textOf(out.reply);
    expect(text).toContain("Now following");
    expect(text).toContain("First fetch: **Tech Wire**, 6 items, 4 matched the story, 4 new events.");
    expect(text).toContain("/review");
    expect(listFeeds(t.db)).toHaveLength(1);
    expect(feedEvents(t.db).map((e) => e.status)).toEqual(["pending", "pending", "pending", "pending"]);
  });

  it.each([
    ["ftp://files.example/feed.xml", "Only http:// and https://"],
    ["just some words", "not a web address"],
    ["https://me:secret@example.com/feed", "user name and password"],
  ])("given %s, then it is refused with a reason and nothing is saved", async (url, reason) => {
    const out = await feed("add", { url });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain(reason);
    expect(listFeeds(t.db)).toEqual([]);
  });

  it("given an unknown story, then it is refused", async () => {
    const out = await feed("add", { url: server.url("/f/rss.xml"), story: "no-such-story" });
    expect(out.reply?.content).toContain("no-such-story");
    expect(listFeeds(t.db)).toEqual([]);
  });

  it("given a feed whose first fetch fails, then it is saved and the error is shown", async () => {
    server.route("/gone.xml", status(404));
    const out = await feed("add", { url: server.url("/gone.xml") });
    expect(textOf(out.reply)).toContain("The first fetch failed: the server answered HTTP 404");
    expect(listFeeds(t.db)[0]).toMatchObject({ lastError: "http", failures: 1 });
  });

  it("lists feeds with their story, last fetch, counts and keywords, in Chinese too", async () => {
    await feed("add", { url: server.url("/f/atom.xml"), keywords: "silicon valley, 董事会", trusted: true });
    const out = await feed("list");
    const text = textOf(out.reply);
    expect(text).toContain("Daily Ledger");
    expect(text).toContain(server.url("/f/atom.xml"));
    expect(text).toMatch(/Last fetch: <t:\d+:R>/);
    expect(text).toContain("2 items seen, 1 event");
    expect(text).toContain("trusted");
    expect(text).toContain("silicon valley, 董事会");
    const zh = textOf((await feed("list", {}, undefined, "zh-CN")).reply);
    expect(zh).toContain("上次获取");
  });

  it("given a feed paused after five failures, then the list says so and adding it again resumes it", async () => {
    server.route("/flaky.xml", status(500));
    await feed("add", { url: server.url("/flaky.xml") });
    const { log } = memoryLog();
    const poller = testPoller(t.db, log);
    for (let i = 0; i < 20; i++) await poller.pollNow();
    await poller.stop();
    const paused = textOf((await feed("list")).reply);
    expect(paused).toContain("Paused after repeated failures (the server answered HTTP 500)");
    server.route("/flaky.xml", fixture("rss.xml"));
    const again = await feed("add", { url: server.url("/flaky.xml") });
    expect(textOf(again.reply)).toContain("it is active again");
    expect(listFeeds(t.db)[0]).toMatchObject({ pausedAt: null, failures: 0, lastError: null, title: "Tech Wire" });
    expect(textOf((await feed("list")).reply)).not.toContain("Paused");
  });

  it("removes a feed chosen by autocomplete, and adding it back does not bring its items back", async () => {
    await feed("add", { url: server.url("/f/feed.json") });
    const choices = await (
      await t.fake.autocomplete({ name: "feed", subcommand: "remove", options: { url: "json" }, focused: "url", value: "json", admin: true })
    ).settled();
    expect(choices.choices?.[0]?.name).toContain("Json Times");
    const out = await feed("remove", { url: String(choices.choices?.[0]?.value) });
    expect(out.reply?.content).toContain("Stopped following");
    expect(listFeeds(t.db)).toEqual([]);
    const back = await feed("add", { url: server.url("/f/feed.json") });
    expect(textOf(back.reply)).toContain("0 new events");
    expect(feedEvents(t.db)).toHaveLength(1);
  });

  it("given someone who is not an editor, then /feed refuses them, even with Manage Server, and changes nothing", async () => {
    for (const [sub, options] of [
      ["add", { url: server.url("/f/rss.xml") }],
      ["list", {}],
      ["remove", { url: "1" }],
    ] as const) {
      const out = await feed(sub, options, OUTSIDER);
      expect(out.ephemeral).toBe(true);
      expect(out.reply?.content).toContain("Only the story editors");
    }
    expect(listFeeds(t.db)).toEqual([]);
    const choices = await (
      await t.fake.autocomplete({ name: "feed", subcommand: "remove", options: { url: "" }, focused: "url", value: "", admin: true, user: OUTSIDER })
    ).settled();
    expect(choices.choices).toEqual([]);
  });

  it("is registered for Manage Server members by default", () => {
    const registered = t.fake.commandsFor(t.fake.defaultGuild().id) as { name: string; default_member_permissions?: string }[];
    for (const name of ["feed", "review"]) expect(registered.find((c) => c.name === name)?.default_member_permissions).toBe("32");
  });
});

describe("/review", () => {
  beforeEach(async () => {
    await feed("add", { url: server.url("/f/rss.xml") });
  });

  it("shows the pending events one at a time; approving publishes one and shows the next", async () => {
    const out = await review();
    expect(out.ephemeral).toBe(true);
    expect(textOf(out.reply)).toContain("OpenAI's board ousts Sam Altman");
    expect(textOf(out.reply)).toContain("Suggestion 1 of 4 waiting for review");
    const ids = buttons(out.reply);
    // The buttons, then the "Merge into…" select (no label).
    expect(Object.keys(ids)).toEqual(["Approve", "Edit", "Reject", "Skip", "Merge into another event…", ""]);
    const first = feedEvents(t.db)[0]!;
    const before = Date.now();

    const approved = await click(out.reply!, ids.Approve!);
    expect(approved.reply?.content).toContain("✅ Published: **OpenAI's board ousts Sam Altman**");
    expect(textOf(approved.reply)).toContain("Suggestion 1 of 3");
    expect(textOf(approved.reply)).toContain("Big hire in Redmond");
    const row = feedEvents(t.db)[0]!;
    expect(row.status).toBe("published");
    expect(row.added_at).toBeGreaterThanOrEqual(before);
    expect(row.id).toBe(first.id);

    expect(latestEvents(t.db, storyId, 100).map((e) => e.id)).toContain(first.id);
    expect(searchEvents(t.db, storyId, "ousts", 100).hits.map((h) => h.event.id)).toContain(first.id);

    // The undated item (dated at its fetch) is the newest event once approved.
    const ilya = await click(approved.reply!, buttons(approved.reply).Skip!);
    expect(textOf(ilya.reply)).toContain("Ilya Sutskever expresses regret");
    await click(ilya.reply!, buttons(ilya.reply).Approve!);
    const latest = await (await t.fake.command({ name: "latest" })).settled();
    expect(textOf(latest.reply).split("\n")[2]).toContain("Ilya Sutskever expresses regret");
  });

  it("rejecting keeps the event out for good, even when the feed is read again in full", async () => {
    const out = await review();
    const rejected = await click(out.reply!, buttons(out.reply).Reject!);
    expect(rejected.reply?.content).toContain("🗑️ Rejected");
    const first = feedEvents(t.db)[0]!;
    expect(first.status).toBe("rejected");
    t.db.prepare("UPDATE feeds SET etag = NULL, last_modified = NULL").run();
    const { log } = memoryLog();
    const poller = testPoller(t.db, log);
    expect((await poller.pollNow()).created).toBe(0);
    await poller.stop();
    expect(
      feedEvents(t.db)
        .filter((e) => e.title_en === first.title_en)
        .map((e) => e.status),
    ).toEqual(["rejected"]);
    expect(searchEvents(t.db, storyId, "ousts", 100).hits.map((h) => h.event.id)).not.toContain(first.id);
  });

  it("skips to the next one and wraps round", async () => {
    const out = await review();
    const skipped = await click(out.reply!, buttons(out.reply).Skip!);
    expect(textOf(skipped.reply)).toContain("Suggestion 2 of 4");
    let m = skipped.reply!;
    for (let i = 0; i < 3; i++) m = (await click(m, buttons(m).Skip!)).reply!;
    expect(textOf(m)).toContain("Suggestion 1 of 4");
  });

  it("edits a suggestion with the editor's form; it stays pending until approved", async () => {
    const out = await review();
    const opened = await click(out.reply!, buttons(out.reply).Edit!);
    expect(opened.modal?.title).toBeTruthy();
    expect(modalValues(opened).title).toBe("OpenAI's board ousts Sam Altman");
    const fields = typedInputs(opened, { title: "Board removes Sam Altman as CEO" });
    const saved = await (await t.fake.submitModal({ customId: opened.modal!.custom_id, fields, admin: true })).settled();
    expect(saved.reply?.content).toContain("✏️ Corrected: **Board removes Sam Altman as CEO**");
    expect(textOf(saved.reply)).toContain("Suggestion 1 of 4");
    const edited = feedEvents(t.db)[0]!;
    expect(edited).toMatchObject({ title_en: "Board removes Sam Altman as CEO", status: "pending" });
    const found = () => searchEvents(t.db, storyId, "removes Altman", 100).hits.map((h) => h.event.id);
    expect(found()).not.toContain(edited.id);
    await click(saved.reply!, buttons(saved.reply).Approve!);
    expect(found()).toContain(edited.id);
  });

  it("says so when nothing waits", async () => {
    t.db.exec("UPDATE events SET status = 'rejected' WHERE origin = 'feed'");
    const out = await review();
    expect(out.reply?.content).toContain("Nothing waits for review");
    expect(out.reply?.components).toEqual([]);
  });

  it("given someone who is not an editor, then /review and forged clicks are refused and change nothing", async () => {
    const refused = await review(OUTSIDER);
    expect(refused.reply?.content).toContain("Only the story editors");
    const out = await review();
    const forged = await click(out.reply!, buttons(out.reply).Approve!, OUTSIDER);
    expect(forged.ephemeral).toBe(true);
    expect(forged.reply?.content).toContain("Only the story editors");
    expect(feedEvents(t.db).map((e) => e.status)).toEqual(["pending", "pending", "pending", "pending"]);
  });

  it("given a tampered button naming a published event, then nothing changes", async () => {
    const out = await review();
    const file = t.db.prepare("SELECT id, added_at FROM events WHERE origin = 'file' LIMIT 1").get() as { id: number; added_at: number };
    const tampered = async (customId: string) =>
      (
        await t.fake.sendInteraction({
          type: 3,
          data: { custom_id: customId, component_type: 2 },
          message: t.fake.apiMessage(out.reply!),
          channel_id: out.reply!.channelId,
          guild_id: t.fake.defaultGuild().id,
        })
      ).settled();
    for (const customId of [`rv:no:${file.id}`, `rv:ok:${file.id}`]) expect(textOf((await tampered(customId)).reply)).toContain("already reviewed");
    expect(t.db.prepare("SELECT status, added_at FROM events WHERE id = ?").get(file.id)).toEqual({ status: "published", added_at: file.added_at });
    for (const customId of ["rv:ok:abc", "rv:ok:999999999", "rv:zap:1"]) {
      const bad = await tampered(customId);
      expect(bad.ephemeral).toBe(true);
      expect(bad.reply?.content).toMatch(/expired|not valid/);
    }
    expect(getFeed(t.db, listFeeds(t.db)[0]!.id)?.eventsMade).toBe(4);
  });
});
