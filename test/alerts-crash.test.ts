import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { pendingOutbox } from "../db/outbox.ts";
import { latestDeliveries } from "../db/recap-deliveries.ts";
import { TEST_TOKEN } from "./helpers/bot.ts";
import { startAlertWorld, storyEvent, type AlertWorld } from "./helpers/alerts.ts";
import { kill9, query, runNode, sleep } from "./helpers/drills.ts";
import type { Spawned } from "./helpers/spawn.ts";

/** Discord remembers a nonce this long here (minutes on Discord), so the tests can outwait it. */
const NONCE_WINDOW_MS = 150;

let w: AlertWorld | undefined;
let child: Spawned | undefined;
afterEach(async () => {
  if (child) await kill9(child);
  child = undefined;
  await w?.stop();
  w = undefined;
});

interface OutboxRow {
  state: string;
  attempted_at: number | null;
  message_id: string | null;
}

describe("alerts exactly once", () => {
  it("given a crash between sending and recording, and a restart past Discord's nonce window, then the alert is found, not posted again", async () => {
    w = await startAlertWorld({
      nonceWindowMs: NONCE_WINDOW_MS,
      hooks: {
        afterSend: () => {
          throw new Error("killed between sending and recording");
        },
      },
    });
    await w.alertsCommand({ channel: w.alerts });
    w.addEvents(storyEvent("once", "Posted once", 5));
    await w.courier.tick();
    expect(w.posts(w.alerts)).toHaveLength(1);
    const [pending] = pendingOutbox(w.db, "alert");
    expect(pending?.attemptedAt).not.toBeNull();
    await sleep(NONCE_WINDOW_MS * 2);
    await w.restart();
    await w.courier.tick();
    await w.courier.tick();
    const posts = w.posts(w.alerts);
    expect(posts).toHaveLength(1);
    expect(query<OutboxRow>(w.dbPath, "SELECT state, attempted_at, message_id FROM outbox")).toEqual([
      { state: "sent", attempted_at: pending!.attemptedAt, message_id: posts[0]!.id },
    ]);
    expect(latestDeliveries(w.db, w.guildId)[0]).toMatchObject({ result: "posted", messageId: posts[0]!.id });
  });

  it("given the bot killed -9 right after Discord confirmed an alert, then the restarted bot posts nothing twice", async () => {
    w = await startAlertWorld({ nonceWindowMs: NONCE_WINDOW_MS });
    await w.alertsCommand({ channel: w.alerts });
    // This process stands down: the child is the only one posting until it dies.
    await w.courier.stop();
    await w.t.bot.stop();
    const env = { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: w.t.fake.apiBase, DATABASE_PATH: w.dbPath, LOG_LEVEL: "info" };
    child = runNode("test/helpers/alert-kill-child.ts", [], env, process.cwd());
    await child.waitFor(/child ready/, 30_000);
    w.addEvents(storyEvent("kill", "Posted before the kill", 5));
    expect(await child.exited).toBe("SIGKILL");
    child = undefined;
    expect(w.posts(w.alerts)).toHaveLength(1);
    const db = openDatabase(w.dbPath, { readonly: true });
    const [left] = pendingOutbox(db, "alert");
    db.close();
    expect(left?.attemptedAt).not.toBeNull();
    await sleep(NONCE_WINDOW_MS * 2);
    await w.restart();
    await w.courier.tick();
    const posts = w.posts(w.alerts);
    expect(posts).toHaveLength(1);
    expect(query<OutboxRow>(w.dbPath, "SELECT state, attempted_at, message_id FROM outbox")).toEqual([
      { state: "sent", attempted_at: left!.attemptedAt, message_id: posts[0]!.id },
    ]);
  }, 60_000);

  it("given Discord failing every attempt, then the alert is given up after 5 attempts, each in /recap log, and never posted", async () => {
    w = await startAlertWorld();
    await w.alertsCommand({ channel: w.alerts });
    w.t.fake.failNext("POST", new RegExp(`^/channels/${w.alerts}/messages$`), 502, 5 * 4);
    w.addEvents(storyEvent("doomed", "Never arrives", 5));
    for (let i = 0; i < 7; i++) await w.courier.tick();
    expect(w.posts(w.alerts)).toEqual([]);
    expect(query<{ state: string; attempts: number }>(w.dbPath, "SELECT state, attempts FROM outbox")).toEqual([{ state: "failed", attempts: 5 }]);
    const log = latestDeliveries(w.db, w.guildId);
    expect(log.map((d) => [d.result, d.attempt])).toEqual([5, 4, 3, 2, 1].map((n) => ["failed", n]));
  });
});
