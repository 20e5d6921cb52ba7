import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkChoices, checkMessage, fitChoices, truncate } from "../src/render/index.ts";
import { fitMessage } from "../src/render/fit.ts";
import { hasControl, stripControl } from "../src/text/clean.ts";
import { startTestBot, textOf, type TestBot } from "./helpers/bot.ts";
import { expectWithinLimits, run } from "./helpers/commands.ts";

/** Every C0 and C1 control but the line feed, and DEL. */
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => i).filter((i) => i !== 10), ...Array.from({ length: 33 }, (_, i) => 127 + i)].map((c) =>
  String.fromCharCode(c),
);
const DIRTY = "\0ilya\u0007 \u001b[31mred\u009b\tend\r\nnext\u0085";

/** Every string anywhere in a JSON-like value. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

describe("stripControl", () => {
  it("removes every C0 and C1 control character except the line feed, and turns a tab into a space", () => {
    for (const c of CONTROLS) expect(hasControl(stripControl(`a${c}b`)), `U+${c.charCodeAt(0).toString(16)}`).toBe(false);
    expect(stripControl(DIRTY)).toBe("ilya [31mred end\nnext");
    expect(stripControl("a\tb")).toBe("a b");
    expect(stripControl("one\rtwo\r\nthree\n")).toBe("one\ntwo\nthree\n");
  });

  it("leaves ordinary text, Chinese, emoji and line feeds alone", () => {
    const text = "萨姆·奥尔特曼 👩‍👩‍👧‍👦 e\u0301 \u200b\n**bold**";
    expect(stripControl(text)).toBe(text);
  });
});

describe("the fitter", () => {
  it("strips control characters from every text of a message and from choice names", () => {
    const reply = fitMessage({
      content: DIRTY,
      embeds: [{ title: DIRTY, description: DIRTY, fields: [{ name: DIRTY, value: DIRTY }], footer: { text: DIRTY }, author: { name: DIRTY } }],
      components: [
        { type: 1, components: [{ type: 2, style: 1, custom_id: "b", label: DIRTY }] },
        { type: 1, components: [{ type: 3, custom_id: "s", placeholder: DIRTY, options: [{ label: DIRTY, value: "v", description: DIRTY }] }] },
      ],
    });
    expect(strings(reply).filter(hasControl)).toEqual([]);
    expect(reply.embeds?.[0]?.title).toBe("ilya [31mred end\nnext");
    expect(strings(fitChoices([{ name: DIRTY, value: "v" }])).filter(hasControl)).toEqual([]);
    expect(truncate("\0\u0001", 10)).toBe("");
  });

  it("names a control character as a broken limit, so the fuzzer and the tests catch one", () => {
    expect(checkMessage({ content: "ilya\0" })).toEqual(["content: control character U+0000"]);
    expect(checkMessage({ embeds: [{ title: "a\u009bb" }] })).toEqual(["embeds[0].title: control character U+009B"]);
    expect(checkChoices([{ name: "x\u0007", value: "x" }])).toEqual(["choices[0].name: control character U+0007"]);
    expect(checkMessage({ content: "line\nbreak" })).toEqual([]);
  });
});

describe("stored or typed control characters never reach Discord", () => {
  let t: TestBot;
  let eventKey: string;
  beforeAll(async () => {
    t = await startTestBot();
    // As a database written before imports refused them (or by hand) would hold them.
    const row = t.db.prepare<[], { id: number; key: string }>("SELECT id, key FROM events ORDER BY at DESC LIMIT 1").get()!;
    eventKey = row.key;
    t.db
      .prepare("UPDATE events SET title_en = ? || title_en || ?, summary_en = ? || summary_en, title_zh = title_zh || ? WHERE id = ?")
      .run("\0\u001b[2J", "\u0007\u009b", "\u0008\t", "\u0000", row.id);
    t.db.prepare("UPDATE entities SET name_en = ? || name_en, role_en = role_en || ? WHERE key = 'ilya-sutskever'").run("\u0001", "\0\u0085");
    t.db.prepare("UPDATE sources SET name = name || ? WHERE event_id = ?").run("\u0000", row.id);
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every string the bot sent to Discord after `from` (request bodies), with control characters. */
  const dirtySince = (from: number) =>
    t.fake.requests
      .slice(from)
      .flatMap((r) => strings(r.body))
      .filter(hasControl);

  it("given stored titles, names and summaries with NUL and escapes, then /latest, /event, /who and /timeline send none", async () => {
    const from = t.fake.requests.length;
    for (const locale of ["en-US", "zh-CN"]) {
      const latest = await run(t, { name: "latest", options: { count: 3 }, locale });
      // The title is still shown, only its control characters are gone.
      if (locale === "en-US") expect(textOf(latest.reply)).toContain("[2J");
      expectWithinLimits(latest.reply);
      const event = await run(t, { name: "event", options: { id: eventKey }, locale });
      expectWithinLimits(event.reply);
      const who = await run(t, { name: "who", options: { name: "ilya" }, locale });
      expectWithinLimits(who.reply);
      expect(textOf(who.reply)).toContain("Sutskever");
      const timeline = await run(t, { name: "timeline", options: { who: "ilya" }, locale });
      expectWithinLimits(timeline.reply);
    }
    expect(dirtySince(from)).toEqual([]);
  });

  it('given /search query:"ilya\\0", then the echoed query has no NUL', async () => {
    const from = t.fake.requests.length;
    const hit = await run(t, { name: "search", options: { query: "ilya\0" } });
    expectWithinLimits(hit.reply);
    const none = await run(t, { name: "search", options: { query: "zzqq\0\u0007" } });
    expect(none.reply?.content).toContain("zzqq");
    expectWithinLimits(none.reply);
    expect(dirtySince(from)).toEqual([]);
  });

  it("given a stored name with a control character, then autocomplete choice names have none", async () => {
    const from = t.fake.requests.length;
    const out = await (await t.fake.autocomplete({ name: "who", focused: "name", value: "ilya", options: { name: "ilya" } })).settled();
    expect(out.choices?.length).toBeGreaterThan(0);
    expect(out.choices?.map((c) => c.name).join("\n")).toContain("Sutskever");
    expect(checkChoices((out.choices ?? []).map((c) => ({ name: c.name, value: String(c.value) })))).toEqual([]);
    expect(dirtySince(from)).toEqual([]);
  });
});
