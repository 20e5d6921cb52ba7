import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeCommandInput, InteractionHandle, InteractionOutcome } from "../tools/fake-discord/index.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { seeded, sleep } from "./helpers/drills.ts";

const COMMANDS: FakeCommandInput[] = [
  { name: "help" },
  { name: "latest", options: { count: 3 } },
  { name: "who", options: { name: "ilya" } },
  { name: "search", options: { query: "board" } },
  { name: "timeline" },
  { name: "story", subcommand: "list" },
  { name: "recap", subcommand: "status" },
  { name: "event", options: { id: "nonexistent-event" } },
];

describe("drill: the gateway drops the connection 20 times during a stream of commands", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot();
  });
  afterAll(async () => {
    await t.stop();
  });

  it("answers every one of at least 100 commands exactly once", async () => {
    const random = seeded(Number(process.env.DRILL_SEED ?? 4242));
    const handles: InteractionHandle[] = [];
    const outcomes: Promise<InteractionOutcome>[] = [];
    const resumesBefore = t.fake.resumes;
    // Each drop hits a live connection, at a random moment once the last one is resumed.
    let drops = 0;
    const dropper = (async () => {
      while (drops < 20) {
        while (t.fake.connections === 0 || t.fake.resumes - resumesBefore < drops) await sleep(10);
        await sleep(random() * 250);
        t.fake.dropConnections();
        drops++;
      }
    })();
    let dropping = true;
    void dropper.finally(() => (dropping = false));
    while (handles.length < 100 || dropping) {
      const input = COMMANDS[Math.floor(random() * COMMANDS.length)]!;
      const handle = await t.fake.command({ ...input, locale: random() < 0.5 ? "en-US" : "zh-CN" });
      handles.push(handle);
      outcomes.push(handle.settled({ timeoutMs: 15_000 }));
      await sleep(random() * 120);
    }
    await dropper;
    for (let waited = 0; t.fake.resumes - resumesBefore < 20 && waited < 5000; waited += 10) await sleep(10);
    const settled = await Promise.allSettled(outcomes);
    expect(drops).toBe(20);
    const unanswered = settled.flatMap((s, i) => (s.status === "rejected" ? [`#${i} ${String(s.reason)}`] : []));
    expect(unanswered).toEqual([]);

    await sleep(300);
    const callbacks = new Map<string, number>();
    for (const r of t.fake.requests) {
      const id = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path)?.[1];
      if (id && r.status < 300) callbacks.set(id, (callbacks.get(id) ?? 0) + 1);
    }
    expect(handles.filter((h) => callbacks.get(h.id) !== 1).map((h) => `${h.id}: ${callbacks.get(h.id) ?? 0} callbacks`)).toEqual([]);
    const refused = t.fake.requests.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.path} ${r.status}`);
    expect(refused).toEqual([]);
    expect(t.fake.resumes - resumesBefore).toBe(20);
    expect(t.bot.client.isReady()).toBe(true);
  }, 60_000);
});
