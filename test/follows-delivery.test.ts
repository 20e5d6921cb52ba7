/**
 * Follow DMs when Discord refuses them (closed DMs pause, the next command tells why once) and
 * across a crash between sending and recording, restarted after Discord forgot the nonce.
 */
import { afterEach, describe, expect, it } from "vitest";
import { getFollowUser } from "../db/follows.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { CHINESE, run } from "./helpers/commands.ts";
import { EDITOR, addEvent } from "./helpers/editor.ts";
import { storyDb } from "./helpers/feeds.ts";
import { READER, READER2, dmTexts, dmsTo, testCourier } from "./helpers/follows.ts";

const NONCE_WINDOW_MS = 150;
const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.stop();
});

async function bot(opts: Parameters<typeof startTestBot>[0] = {}): Promise<TestBot> {
  const t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] }, ...opts });
  bots.push(t);
  return t;
}

let n = 0;
async function published(t: TestBot, people = "ilya"): Promise<string> {
  const title = `Delivery test event ${++n}`;
  await addEvent(t, { title, when: "2023-11-26", summary: "A test.", people, source: "Wire | https://example.com/d" });
  return title;
}

const queuedFor = (t: TestBot, userId: string) => (t.db.prepare("SELECT count(*) AS n FROM follow_queue WHERE user_id = ?").get(userId) as { n: number }).n;

describe("closed DMs", () => {
  it("given Discord answers 50007, then following pauses, the next command says why once, and nothing more is sent or queued", async () => {
    const t = await bot();
    const courier = testCourier(t, { bundleWindowMs: 0 });
    await run(t, { name: "follow", options: { who: "ilya" }, user: READER });
    await run(t, { name: "follow", options: { who: "ilya" }, user: READER2, locale: "zh-CN" });
    t.fake.setDmsClosed(READER.id);
    t.fake.setDmsClosed(READER2.id);
    const first = await published(t);
    const tick = await courier.tick();
    expect(tick.outcomes).toEqual(["paused", "paused"]);
    expect(getFollowUser(t.db, READER.id)).toMatchObject({ pausedReason: "dm_closed", noticeDue: true });
    expect(dmsTo(t, READER.id)).toEqual([]);

    await published(t);
    expect((await courier.tick()).outcomes).toEqual([]);
    expect(queuedFor(t, READER.id)).toBe(1);

    const told = await run(t, { name: "latest", user: READER });
    expect(told.reply).toBeDefined();
    expect(told.followUps).toHaveLength(1);
    expect(told.followUps[0]?.flags).toBe(64);
    expect(told.followUps[0]?.content).toContain("Your follow messages are paused");
    expect(told.followUps[0]?.content).toContain("DMs are closed");
    expect(told.followUps[0]?.content).toContain("`/following`");
    expect((await run(t, { name: "latest", user: READER })).followUps).toHaveLength(0);

    const zh = await run(t, { name: "who", options: { name: "ilya" }, user: READER2, locale: "zh-CN" });
    expect(zh.followUps[0]?.content).toMatch(CHINESE);
    expect(zh.followUps[0]?.content).toContain("关注通知已暂停");

    // Opened again and resumed with /following: the DM kept for them goes out, once.
    t.fake.setDmsClosed(READER.id, false);
    const list = textOf((await run(t, { name: "following", user: READER })).reply);
    expect(list).toContain("were paused");
    expect(list).toContain("on again");
    await courier.tick();
    await courier.tick();
    const dms = dmTexts(t, READER.id);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain(first);
    expect(dmsTo(t, READER2.id)).toEqual([]);
    await courier.stop();
  });
});

describe("the pause notice", () => {
  it("given the next command answers with a form, then the notice waits for a command that answers with a message", async () => {
    const t = await bot();
    const courier = testCourier(t, { bundleWindowMs: 0 });
    await run(t, { name: "follow", options: { who: "ilya" }, user: EDITOR });
    t.fake.setDmsClosed(EDITOR.id);
    await published(t);
    expect((await courier.tick()).outcomes).toEqual(["paused"]);
    await courier.stop();
    const form = await run(t, { name: "editor", subcommand: "add", user: EDITOR });
    expect(form.modal).toBeDefined();
    expect(form.followUps).toEqual([]);
    expect(getFollowUser(t.db, EDITOR.id)?.noticeDue).toBe(true);
    const told = await run(t, { name: "help", user: EDITOR });
    expect(told.followUps[0]?.content).toContain("Your follow messages are paused");
    expect(getFollowUser(t.db, EDITOR.id)?.noticeDue).toBe(false);
  });
});

describe("exactly once across a crash", () => {
  it("given a crash between sending and recording and a restart after the nonce window, then the DM is found, not sent again", async () => {
    const { db } = storyDb();
    const fake = await FakeDiscord.start({ nonceWindowMs: NONCE_WINDOW_MS });
    try {
      const first = await startTestBot({ db, reuseFake: fake, config: { EDITOR_USER_IDS: [EDITOR.id] } });
      await run(first, { name: "follow", options: { who: "ilya" }, user: READER });
      const crashing = testCourier(first, { bundleWindowMs: 0, hooks: { afterSend: () => crash() } });
      const title = await published(first);
      expect((await crashing.tick()).outcomes).toEqual(["failed"]);
      await crashing.stop();
      await first.stop();
      expect(dmsTo(first, READER.id)).toHaveLength(1);

      await new Promise((r) => setTimeout(r, NONCE_WINDOW_MS * 2));
      const second = await startTestBot({ db, reuseFake: fake, deploy: false });
      const courier = testCourier(second, { bundleWindowMs: 0 });
      expect((await courier.tick()).outcomes).toEqual(["found"]);
      expect((await courier.tick()).outcomes).toEqual([]);
      await courier.stop();
      await second.stop();
      const dms = dmTexts(second, READER.id);
      expect(dms).toHaveLength(1);
      expect(dms[0]).toContain(title);
    } finally {
      await fake.stop();
      db.close();
    }
  });
});

function crash(): never {
  throw new Error("killed between sending and recording");
}
