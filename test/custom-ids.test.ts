import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventByKey } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import {
  DISABLED_NEXT_ID,
  DISABLED_PREV_ID,
  EDITOR_PREFIX,
  editorCustomId,
  parseEditorArgs,
  parseReviewArgs,
  parseTimelineArgs,
  parseWhoArgs,
  REVIEW_PREFIX,
  reviewCustomId,
  TIMELINE_PREFIX,
  timelineCustomId,
  WHO_PREFIX,
  whoCustomId,
  type EditorAction,
  type ReviewAction,
  type TimelineState,
  type WhoTarget,
} from "../src/custom-ids.ts";
import { startTestBot, type TestBot } from "./helpers/bot.ts";
import { run } from "./helpers/commands.ts";
import { counts, EDITOR, forgedClick, forgedSubmit } from "./helpers/editor.ts";

/** The arguments after the prefix, as the dispatcher hands them to a command. */
const args = (id: string) => id.split(":").slice(1);
const prefixOf = (id: string) => id.split(":")[0];

const BIG = 999_999_999_999_999;
const timelines: TimelineState[] = [
  { storyId: 1, entityId: null, from: null, to: null, page: 1, fresh: false },
  { storyId: BIG, entityId: BIG, from: "2023-11-17", to: "2023-11-22", page: 999_999, fresh: true },
  { storyId: 7, entityId: 3, from: "2024-02-29", to: null, page: 4, fresh: false },
];
const whos: WhoTarget[] = [
  { storyId: 1, entityId: 2 },
  { storyId: BIG, entityId: BIG },
];
const editors: EditorAction[] = [
  { verb: "add", storyId: 1, draftId: null },
  { verb: "add", storyId: 12, draftId: BIG },
  { verb: "edit", storyId: BIG, eventId: BIG, draftId: BIG },
  { verb: "retry", draftId: 5 },
  { verb: "rm", storyId: 3, eventId: 4, updatedAt: 1_700_000_000_123 },
  { verb: "rm", storyId: 3, eventId: 4, updatedAt: 0 },
  { verb: "keep" },
];
const reviews: ReviewAction[] = [
  ...(["ok", "no", "edit", "skip", "merge", "split", "find", "into"] as const).map((verb) => ({ verb, eventId: 42 })),
  { verb: "into", eventId: BIG },
  { verb: "save", eventId: BIG, updatedAt: BIG },
];

describe("the custom_id table", () => {
  it("gives every command its own prefix, and every id it builds carries its prefix", () => {
    const prefixes = [TIMELINE_PREFIX, WHO_PREFIX, EDITOR_PREFIX, REVIEW_PREFIX];
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(timelines.map((s) => prefixOf(timelineCustomId(s)))).toEqual(timelines.map(() => TIMELINE_PREFIX));
    expect(whos.map((w) => prefixOf(whoCustomId(w)))).toEqual(whos.map(() => WHO_PREFIX));
    expect(editors.map((a) => prefixOf(editorCustomId(a)))).toEqual(editors.map(() => EDITOR_PREFIX));
    expect(reviews.map((a) => prefixOf(reviewCustomId(a)))).toEqual(reviews.map(() => REVIEW_PREFIX));
    expect([DISABLED_PREV_ID, DISABLED_NEXT_ID].map(prefixOf).filter((p) => prefixes.includes(p!))).toEqual([]);
  });

  it("reads back every kind of id it builds, the largest ones within 100 characters", () => {
    for (const s of timelines) expect(parseTimelineArgs(args(timelineCustomId(s)))).toEqual(s);
    for (const w of whos) expect(parseWhoArgs(args(whoCustomId(w)))).toEqual(w);
    for (const a of editors) expect(parseEditorArgs(args(editorCustomId(a)))).toEqual(a);
    for (const a of reviews) expect(parseReviewArgs(args(reviewCustomId(a)))).toEqual(a);
    const all = [...timelines.map(timelineCustomId), ...whos.map(whoCustomId), ...editors.map(editorCustomId), ...reviews.map(reviewCustomId)];
    for (const id of all) expect(id.length, id).toBeLessThanOrEqual(100);
  });

  it("refuses tampered timeline ids", () => {
    for (const id of [
      "tl",
      "tl:1:-:-:-",
      "tl:1:-:-:-:1:n:n",
      "tl:1:-:-:-:1:z",
      "tl:0:-:-:-:1",
      "tl:-1:-:-:-:1",
      "tl:01:-:-:-:1",
      "tl:1e3:-:-:-:1",
      "tl:9999999999999999:-:-:-:1",
      "tl:1:x:-:-:1",
      "tl:1:-:20231340:-:1",
      "tl:1:-:2023111:-:1",
      "tl:1:-:20231122:20231117:1",
      "tl:1:-:-:-:x",
      "tl:1:-:-:-:1234567",
      `tl:1:-:-:-:1:${"n".repeat(100)}`,
    ]) {
      expect(parseTimelineArgs(args(id)), id).toBeNull();
    }
  });

  it("refuses tampered who ids", () => {
    for (const id of ["who", "who:1", "who:1:2:3", "who:x:1", "who:1:0", "who:-1:1", "who:1:1.5", "who:1: 2", `who:1:${"9".repeat(120)}`]) {
      expect(parseWhoArgs(args(id)), id).toBeNull();
    }
  });

  it("refuses tampered editor ids", () => {
    for (const id of [
      "ed",
      "ed:",
      "ed:zap:1",
      "ed:keep:1",
      "ed:add",
      "ed:add:0",
      "ed:add:1:0",
      "ed:add:1:2:3",
      "ed:edit:1:2",
      "ed:edit:1:2:x",
      "ed:retry",
      "ed:retry:-5",
      "ed:rm:1:2",
      "ed:rm:1:2:abc",
      "ed:rm:1:2:-1",
      "ed:rm:1:2:3:4",
      `ed:rm:1:2:${"1".repeat(16)}`,
      `ed:add:1:${"1".repeat(100)}`,
    ]) {
      expect(parseEditorArgs(args(id)), id).toBeNull();
    }
  });

  it("refuses tampered review ids", () => {
    for (const id of [
      "rv",
      "rv:ok",
      "rv:ok:0",
      "rv:ok:abc",
      "rv:ok:1:2",
      "rv:zap:1",
      "rv:save:1",
      "rv:save:1:x",
      "rv:save:1:2:3",
      "rv:find",
      "rv:find:0",
      "rv:find:1:2",
      "rv:into:",
      "rv:into:-3",
      "rv:into:1:x",
      "rv:into:ada",
      `rv:ok:${"9".repeat(120)}`,
    ]) {
      expect(parseReviewArgs(args(id)), id).toBeNull();
    }
  });
});

describe("a tampered custom_id sent to the bot", () => {
  let t: TestBot;
  let storyId: number;
  let eventId: number;
  const EXPIRED = /expired or is not valid/;

  beforeAll(async () => {
    t = await startTestBot({ config: { EDITOR_USER_IDS: [EDITOR.id] } });
    storyId = getStoryBySlug(t.db, "openai-board-crisis-2023")!.id;
    eventId = getEventByKey(t.db, storyId, "altman-fired")!.id;
  });
  afterAll(async () => {
    await t.stop();
  });

  it("is answered politely and privately for every prefix, and changes nothing", async () => {
    const message = (await run(t, { name: "latest" })).reply!;
    const before = counts(t.db);
    for (const id of [
      `tl:${storyId}:-:-:-:1:z`,
      `who:${storyId}:${eventId}:1`,
      `ed:rm:${storyId}:${eventId}:abc`,
      `ed:rm:${storyId}:${eventId}`,
      "ed:keep:1",
      "ed:retry:0",
      `ed:add:${storyId}`,
      `rv:ok:${eventId}:1`,
      `rv:no:${eventId}x`,
      `rv:save:${eventId}:1`,
      DISABLED_NEXT_ID,
      "zz:1",
    ]) {
      const out = await forgedClick(t, message, id, EDITOR);
      expect(out.ephemeral, id).toBe(true);
      expect(out.reply?.content, id).toMatch(EXPIRED);
    }
    const fields = { title: "Tampered", when: "2023-11-20", summary: "", people: "", source: "Someone" };
    for (const id of [`ed:add:${storyId}:0`, `ed:edit:${storyId}:${eventId}`, "ed:keep", `rv:save:${eventId}`, `rv:ok:${eventId}`]) {
      const out = await forgedSubmit(t, id, fields, EDITOR);
      expect(out.ephemeral, id).toBe(true);
      expect(out.reply?.content, id).toMatch(EXPIRED);
    }
    expect(counts(t.db)).toEqual(before);
  });
});
