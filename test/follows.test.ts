import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { followsOf, getFollowUser } from "../db/follows.ts";
import { latestPublicationSeq } from "../db/publications.ts";
import { BUNDLED_STORY } from "../src/config.ts";
import { FOLLOW_BUNDLE_MS, HOUR_MS } from "../src/courier/follows-limits.ts";
import type { FollowCourier } from "../src/courier/follows.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { CHINESE, expectWithinLimits, run } from "./helpers/commands.ts";
import { EDITOR, addEvent } from "./helpers/editor.ts";
import { READER, READER2, dmTexts, dmsTo, testCourier } from "./helpers/follows.ts";

/** Later than the story import at start (which uses the real clock). */
const START = Date.UTC(2031, 0, 1, 9, 0);
let clock = START;
let t: TestBot;
let courier: FollowCourier;
let n = 0;

beforeAll(async () => {
  t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id], PUBLIC_URL: "https://storyline.example" }, now: () => clock });
});
afterAll(async () => {
  await courier?.stop();
  await t.stop();
});
beforeEach(async () => {
  await courier?.stop();
  courier = testCourier(t, { perHour: 3 });
  // Each test starts with nobody following, an hour after the last one's DMs.
  t.db.exec("DELETE FROM follows; DELETE FROM follow_users; DELETE FROM follow_queue;");
  clock += 2 * HOUR_MS;
});

const follow = async (options: Record<string, string>, user = READER, locale = "en-US") => run(t, { name: "follow", options, user, locale });

/** An event added by the editor with `/editor add`, naming `people`. */
async function published(people: string, importance = "3"): Promise<string> {
  n++;
  const title = `Follow test event ${n}`;
  const out = await addEvent(t, { title, when: "2023-11-25", summary: "A test.", people, source: "Wire | https://example.com/x", importance });
  expect(out.reply?.content).toContain("ed_");
  return title;
}

/** Runs the courier: queues, then (past the bundle window) bundles and sends. */
async function deliver(): Promise<void> {
  await courier.tick();
  clock += FOLLOW_BUNDLE_MS;
  await courier.tick();
}

describe("/follow", () => {
  it("given a name, then follows that person privately from the latest publication on, in the user's language", async () => {
    const out = await follow({ who: "ilya" });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain("You now follow **Ilya Sutskever**");
    expect(out.reply?.content).toContain("at most 6 messages an hour");
    const [f] = followsOf(t.db, READER.id);
    expect(f).toMatchObject({ story: { slug: BUNDLED_STORY }, entity: { key: "ilya-sutskever" }, sinceSeq: latestPublicationSeq(t.db) });
    expect(getFollowUser(t.db, READER.id)).toMatchObject({ locale: "en-US", pausedAt: null });
    expect((await follow({ who: "ilya-sutskever" })).reply?.content).toContain("You already follow **Ilya Sutskever**");
  });

  it("given an ambiguous or unknown name, then refuses with the names to pick from and saves nothing", async () => {
    expect((await follow({ who: "amodei" })).reply?.content).toContain("Several names match");
    const none = await follow({ who: "zzqx" });
    expect(none.ephemeral).toBe(true);
    expect(none.reply?.content).toContain("Nobody called “zzqx”");
    expect(followsOf(t.db, READER.id)).toEqual([]);
  });

  it("works in a direct message with the bot, on the default story", async () => {
    const out = await run(t, { name: "follow", options: { who: "ilya" }, user: READER, guildId: null });
    expect(out.ephemeral).toBe(true);
    expect(out.reply?.content).toContain("You now follow **Ilya Sutskever**");
    const list = await run(t, { name: "following", user: READER, guildId: null });
    expect(textOf(list.reply)).toContain("Ilya Sutskever");
  });

  it("offers the story's names as /who does, and /unfollow offers only what the user follows", async () => {
    const names = await (await t.fake.autocomplete({ name: "follow", focused: "who", value: "ily", user: READER })).settled();
    expect(names.choices?.[0]?.name).toContain("Ilya Sutskever");
    await follow({ who: "ilya" });
    const mine = await (await t.fake.autocomplete({ name: "unfollow", focused: "who", value: "", user: READER })).settled();
    expect(mine.choices?.map((c) => c.name)).toEqual([expect.stringContaining("Ilya Sutskever")]);
  });
});

describe("follow DMs", () => {
  it("given an editor adds an event naming the person, then the follower gets one DM, exactly once", async () => {
    await follow({ who: "ilya" });
    const title = await published("ilya, sam altman");
    await courier.tick();
    expect(dmsTo(t, READER.id)).toHaveLength(0); // still inside the bundle window
    clock += FOLLOW_BUNDLE_MS;
    await courier.tick();
    await courier.tick();
    const dms = dmsTo(t, READER.id);
    expect(dms).toHaveLength(1);
    expectWithinLimits(dms[0]);
    const text = textOf(dms[0]);
    expect(text).toContain(title);
    expect(text).toContain("You follow **Ilya Sutskever**");
    expect(text).toMatch(/`\/event id:ed_\d+`/);
    expect(text).toMatch(/ref [0-9a-z]+/);
    expect(text).toContain("Nov 25, 2023");
    expect(text).toMatch(/\[on the web\]\(https:\/\/storyline\.example\/s\/openai-board-crisis-2023\/e\/ed_\d+\?lang=en\)/);
  });

  it("given a story follow, then only its major developments (importance 4–5) arrive", async () => {
    await follow({ story: BUNDLED_STORY }, READER2);
    const minor = await published("emmett", "3");
    const major = await published("emmett", "5");
    await deliver();
    const texts = dmTexts(t, READER2.id);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain(major);
    expect(texts[0]).not.toContain(`**${minor}**`);
    expect(texts[0]).toContain("You follow the major developments of");
  });

  it("given an event that matches two of someone's follows, then it reaches them once", async () => {
    await follow({ who: "ilya" });
    await follow({ who: "sam altman" });
    await follow({});
    const before = dmsTo(t, READER.id).length;
    const title = await published("ilya, sam altman", "5");
    await deliver();
    await deliver();
    const dms = dmTexts(t, READER.id).slice(before);
    expect(dms).toHaveLength(1);
    expect(dms[0]!.split(title)).toHaveLength(2);
    expect(dms[0]).toContain("You follow **Ilya Sutskever**, **Sam Altman**");
  });

  it("given two events within the bundle window, then they arrive in one DM", async () => {
    await follow({ who: "ilya" });
    const before = dmsTo(t, READER.id).length;
    const a = await published("ilya");
    await courier.tick();
    clock += FOLLOW_BUNDLE_MS / 2;
    const b = await published("ilya");
    clock += FOLLOW_BUNDLE_MS / 2;
    await courier.tick();
    await courier.tick();
    const dms = dmTexts(t, READER.id).slice(before);
    expect(dms).toHaveLength(1);
    expect(dms[0]).toContain("2 new events on what you follow");
    expect(dms[0]!.indexOf(a)).toBeLessThan(dms[0]!.indexOf(b));
  });

  it("given more DMs than the hourly cap, then the rest wait and go out bundled in the next allowed DM, none dropped", async () => {
    await follow({ who: "ilya" });
    const before = dmsTo(t, READER.id).length;
    const titles: string[] = [];
    for (let i = 0; i < 5; i++) {
      titles.push(await published("ilya"));
      await deliver();
    }
    const capped = dmTexts(t, READER.id).slice(before);
    expect(capped).toHaveLength(3);
    clock += HOUR_MS;
    await courier.tick();
    const all = dmTexts(t, READER.id).slice(before);
    expect(all).toHaveLength(4);
    expect(all[3]).toContain(titles[3]);
    expect(all[3]).toContain(titles[4]);
    for (const title of titles) expect(all.filter((d) => d.includes(`**${title}**`))).toHaveLength(1);
  });

  it("given the follower uses Chinese, then the DM is in Chinese", async () => {
    await follow({ who: "伊利亚" }, READER2, "zh-CN");
    await published("ilya");
    await deliver();
    const text = dmTexts(t, READER2.id).at(-1) ?? "";
    expect(text).toMatch(CHINESE);
    expect(text).toContain("你关注了 **伊利亚·苏茨克维**");
    expect(text).toContain("编号");
    expect(text).toContain("2023年11月25日");
  });
});

describe("/following and /unfollow", () => {
  it("lists what the user follows per story, and /unfollow stops a follow and the DMs waiting for it", async () => {
    await follow({ who: "ilya" });
    await follow({});
    const list = await run(t, { name: "following", user: READER });
    expect(list.ephemeral).toBe(true);
    const text = textOf(list.reply);
    expect(text).toContain("Follow messages are on");
    expect(text).toContain("major developments (importance 4–5)");
    expect(text).toContain("Ilya Sutskever");
    expectWithinLimits(list.reply);

    const before = dmsTo(t, READER.id).length;
    await published("ilya");
    await courier.tick();
    const off = await run(t, { name: "unfollow", options: { who: "ilya" }, user: READER });
    expect(off.reply?.content).toContain("You no longer follow **Ilya Sutskever**");
    clock += FOLLOW_BUNDLE_MS;
    await courier.tick();
    expect(dmsTo(t, READER.id)).toHaveLength(before);
    expect((await run(t, { name: "unfollow", options: { who: "ilya" }, user: READER })).reply?.content).toContain("You don't follow");
    expect(followsOf(t.db, READER.id).map((f) => f.entity)).toEqual([null]);
  });

  it("answers in Chinese for a Chinese client", async () => {
    const empty = await run(t, { name: "following", user: READER, locale: "zh-CN" });
    expect(empty.reply?.content).toContain("你还没有关注任何内容");
    await follow({ who: "ilya" }, READER, "zh-CN");
    const list = textOf((await run(t, { name: "following", user: READER, locale: "zh-CN" })).reply);
    expect(list).toContain("你的关注");
    expect(list).toContain("伊利亚·苏茨克维");
    expect(getFollowUser(t.db, READER.id)?.locale).toBe("zh-CN");
  });
});
