import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { claimOutbox, getOutboxEntry, markOutboxSent, OUTBOX_KEEP_MS, pruneOutbox, type OutboxEntry } from "../db/outbox.ts";
import { deliverOnce, outboxMarker, type OutboxTarget } from "../src/outbox/deliver.ts";
import { channelTarget } from "../src/outbox/channel.ts";
import { carriesMarker } from "../src/outbox/find.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";

const NONCE_WINDOW_MS = 150;
let tb: TestBot | undefined;

afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

function textTarget(t: TestBot, channelId: string, text: string): OutboxTarget {
  return channelTarget(t.bot.client, channelId, (marker) => ({ content: text, embeds: [{ description: "alert", footer: { text: `ref ${marker}` } }] }));
}

function claim(t: TestBot, key: string, channelId: string): OutboxEntry {
  return claimOutbox(t.db, { key, kind: "alert", guildId: t.fake.defaultGuild().id, targetId: channelId, marker: outboxMarker(key), now: Date.now() });
}

const crashAfterSend = {
  afterSend: () => {
    throw new Error("killed between sending and recording");
  },
};

describe("the outbox ledger", () => {
  it("gives every key a short marker that fits a Discord nonce and differs per key", () => {
    const a = outboxMarker("alert:1:2");
    expect(a.length).toBeLessThanOrEqual(12);
    expect(a).toBe(outboxMarker("alert:1:2"));
    expect(a).not.toBe(outboxMarker("alert:1:3"));
  });

  it("sends once and then answers from the ledger without asking Discord again", async () => {
    tb = await startTestBot({ deploy: false });
    const channel = tb.fake.defaultChannel();
    const target = textTarget(tb, channel.id, "one");
    const first = await deliverOnce(tb.db, claim(tb, "alert:1:1", channel.id), target, Date.now);
    const again = await deliverOnce(tb.db, claim(tb, "alert:1:1", channel.id), target, Date.now);
    expect(first.how).toBe("sent");
    expect(again).toEqual({ ...first, how: "recorded" });
    expect(tb.fake.channelMessages(channel.id)).toHaveLength(1);
  });

  it("after a crash between sending and recording, and past Discord's nonce window, finds the message instead of posting it twice", async () => {
    tb = await startTestBot({ deploy: false, fake: { nonceWindowMs: NONCE_WINDOW_MS } });
    const channel = tb.fake.defaultChannel();
    const target = textTarget(tb, channel.id, "the alert");
    await expect(deliverOnce(tb.db, claim(tb, "alert:1:2", channel.id), target, Date.now, crashAfterSend)).rejects.toThrow(/killed/);
    const pending = claim(tb, "alert:1:2", channel.id);
    expect(pending.state).toBe("pending");
    expect(pending.attemptedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, NONCE_WINDOW_MS * 2));
    const after = await deliverOnce(tb.db, pending, target, Date.now);
    expect(after.how).toBe("found");
    expect(tb.fake.channelMessages(channel.id)).toHaveLength(1);
    expect(getOutboxEntry(tb.db, pending.id)?.messageId).toBe(tb.fake.channelMessages(channel.id)[0]?.id);
  });

  it("shows why the ledger is needed: past the window the nonce alone lets Discord post the same message again", async () => {
    tb = await startTestBot({ deploy: false, fake: { nonceWindowMs: NONCE_WINDOW_MS } });
    const channel = tb.fake.defaultChannel();
    const target = textTarget(tb, channel.id, "the alert");
    const nonce = outboxMarker("alert:1:3");
    await target.send(nonce);
    await target.send(nonce);
    expect(tb.fake.channelMessages(channel.id)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, NONCE_WINDOW_MS * 2));
    await target.send(nonce);
    expect(tb.fake.channelMessages(channel.id)).toHaveLength(2);
  });

  it("sends again when an attempt left no message (the request never reached Discord)", async () => {
    tb = await startTestBot({ deploy: false });
    const channel = tb.fake.defaultChannel();
    const target = textTarget(tb, channel.id, "retry");
    const failing: OutboxTarget = { ...target, send: () => Promise.reject(new Error("socket hang up")) };
    await expect(deliverOnce(tb.db, claim(tb, "alert:1:4", channel.id), failing, Date.now)).rejects.toThrow(/hang up/);
    const out = await deliverOnce(tb.db, claim(tb, "alert:1:4", channel.id), target, Date.now);
    expect(out.how).toBe("sent");
    expect(tb.fake.channelMessages(channel.id)).toHaveLength(1);
  });

  it("recognises the marker in a message's text or embed footer only", () => {
    const marker = outboxMarker("k");
    expect(carriesMarker({ content: `x ${marker}`, embeds: [] }, marker)).toBe(true);
    expect(carriesMarker({ content: "", embeds: [{ footer: { text: `ref ${marker}` } }] } as never, marker)).toBe(true);
    expect(carriesMarker({ content: "ref", embeds: [{ footer: { text: "ref other" } }] } as never, marker)).toBe(false);
  });
});

describe("pruning the outbox ledger", () => {
  it("deletes finished recap and alert entries past the keeping time, and keeps pending, recent and follow entries", () => {
    const db = openDatabase(":memory:");
    const now = Date.UTC(2026, 0, 1);
    const old = now - OUTBOX_KEEP_MS - 1;
    const add = (key: string, kind: "recap" | "alert" | "follow", at: number, sent: boolean) => {
      const e = claimOutbox(db, { key, kind, guildId: null, targetId: "1", marker: outboxMarker(key), now: at });
      if (sent) markOutboxSent(db, { id: e.id, now: at, channelId: "1", messageId: "2" });
      return e.id;
    };
    const gone = [add("alert:1:1", "alert", old, true), add("recap:1:1:0", "recap", old, true)];
    const kept = [add("alert:1:2", "alert", old, false), add("alert:1:3", "alert", now, true), add("follow:1:1", "follow", old, true)];
    expect(pruneOutbox(db, now)).toBe(2);
    expect(gone.map((id) => getOutboxEntry(db, id))).toEqual([null, null]);
    expect(kept.map((id) => getOutboxEntry(db, id)?.id)).toEqual(kept);
    expect(pruneOutbox(db, now)).toBe(0);
    db.close();
  });
});
