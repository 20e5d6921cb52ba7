import { ButtonStyle, ComponentType } from "discord.js";
import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { checkChoices, checkMessage } from "../src/render/check.ts";
import { embedLength, fitChoices, fitMessage } from "../src/render/fit.ts";
import { ELLIPSIS, LIMITS, graphemes, takeGraphemes, takeLastGraphemes, truncate } from "../src/render/limits.ts";
import { stripControl } from "../src/text/clean.ts";
import { joinCapped } from "../src/render/lists.ts";
import type { Reply } from "../src/render/reply.ts";

const FAMILY = "👩‍👩‍👧‍👦";
const FLAG = "🇨🇳";
const E_ACUTE = "e\u0301";
const andMore = (n: number) => `…and ${n} more`;

/** Deterministic random texts mixing plain letters, Chinese, emoji, flags, marks, jamo and CR LF. */
function randomTexts(count: number): { text: string; max: number }[] {
  const pieces = ["a", " ", "中", "文", FAMILY, FLAG, "🇺", E_ACUTE, "\u0301", "\u200d", "❤️", "👍🏽", "\r\n", "ᄀ", "ᅡ", "각", "क्", "ष", "©", "\uFE0F"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => {
    const text = Array.from({ length: 40 }, () => pieces[Math.floor(next() * pieces.length)]).join("");
    return { text, max: 1 + Math.floor(next() * text.length) };
  });
}

/** The text without a trailing ellipsis, split into graphemes. */
function keptGraphemes(cut: string): string[] {
  return graphemes(cut.endsWith(ELLIPSIS) ? cut.slice(0, -ELLIPSIS.length) : cut);
}

describe("truncate", () => {
  it("leaves text that fits untouched", () => {
    expect(truncate("hello", 5)).toBe("hello");
    expect(truncate("", 3)).toBe("");
  });

  it("cuts long text and ends it with an ellipsis inside the limit", () => {
    const out = truncate("abcdefghij", 5);
    expect(out).toBe("abcd…");
    expect(out.length).toBeLessThanOrEqual(5);
  });

  it("never splits a Chinese character", () => {
    const text = "萨姆·奥尔特曼被董事会罢免";
    for (let max = 1; max <= text.length; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(text.startsWith(out.replace(/…$/, ""))).toBe(true);
    }
  });

  it("keeps a ZWJ family emoji whole or drops it", () => {
    const text = FAMILY.repeat(5);
    for (let max = 1; max < text.length; max++) {
      const out = truncate(text, max);
      expect(out.length).toBeLessThanOrEqual(max);
      for (const g of keptGraphemes(out)) expect(g).toBe(FAMILY);
    }
  });

  it("keeps combining accents with their letter", () => {
    const text = E_ACUTE.repeat(10);
    for (let max = 1; max < text.length; max++) {
      for (const g of keptGraphemes(truncate(text, max))) expect(g).toBe(E_ACUTE);
    }
  });

  it("keeps flags as pairs of regional indicators", () => {
    const text = FLAG.repeat(6);
    for (let max = 1; max < text.length; max++) {
      for (const g of keptGraphemes(truncate(text, max))) expect(g).toBe(FLAG);
    }
  });

  it("never leaves half a surrogate pair", () => {
    const text = "a😀".repeat(20);
    for (let max = 1; max < text.length; max++) {
      expect(truncate(text, max)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    }
  });

  it("drops the whitespace before the ellipsis", () => {
    expect(truncate("one two three", 5)).toBe("one…");
  });

  it("cuts exactly where a full grapheme segmentation would, on random mixed text", () => {
    for (const { text: raw, max } of randomTexts(400)) {
      // truncate drops control characters first (CR LF becomes LF).
      const text = stripControl(raw);
      let kept = "";
      for (const g of graphemes(text)) {
        if (kept.length + g.length > max - 1) break;
        kept += g;
      }
      expect(truncate(raw, max)).toBe(text.length <= max ? text : kept.trimEnd() + ELLIPSIS);
    }
  });

  it("takes whole graphemes from the start as a full segmentation would, CR LF included", () => {
    for (const { text, max } of randomTexts(400)) {
      let kept = "";
      for (const g of graphemes(text)) {
        if (kept.length + g.length > max) break;
        kept += g;
      }
      expect(takeGraphemes(text, max)).toBe(kept);
    }
  });

  it("returns nothing when not even the ellipsis fits", () => {
    expect(truncate("abc", 0)).toBe("");
  });
});

describe("takeLastGraphemes", () => {
  it("keeps the same graphemes from the end as a full segmentation would", () => {
    for (const { text, max } of randomTexts(400)) {
      let kept = "";
      for (const g of graphemes(text).reverse()) {
        if (kept.length + g.length > max) break;
        kept = g + kept;
      }
      expect(takeLastGraphemes(text, max)).toBe(kept);
    }
  });
});

describe("joinCapped", () => {
  it("joins everything when it fits", () => {
    expect(joinCapped(["a", "b"], ", ", 100, andMore)).toBe("a, b");
  });

  it("stops at the limit and counts what was left out", () => {
    const items = Array.from({ length: 50 }, (_, i) => `item ${i}`);
    const out = joinCapped(items, "\n", 60, andMore);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out).toMatch(/…and \d+ more$/);
    const shown = out.split("\n").length - 1;
    expect(out).toContain(`…and ${50 - shown} more`);
  });

  it("counts extra items the caller did not pass", () => {
    expect(joinCapped(["a"], "\n", 100, andMore, 4)).toBe("a\n…and 4 more");
  });
});

describe("checkMessage", () => {
  it("accepts an ordinary message", () => {
    expect(checkMessage({ content: "hi", embeds: [{ title: "t", fields: [{ name: "n", value: "v" }] }] })).toEqual([]);
  });

  it("reports each broken limit", () => {
    const reply: Reply = {
      content: "x".repeat(2001),
      embeds: [{ title: "t".repeat(257), fields: [{ name: "", value: " " }] }],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.Button, style: ButtonStyle.Primary, label: "l".repeat(81), custom_id: "c".repeat(101) }],
        },
      ],
    };
    const problems = checkMessage(reply);
    expect(problems).toEqual(
      expect.arrayContaining([
        "content: 2001 > 2000",
        "embeds[0].title: 257 > 256",
        "embeds[0].fields[0].name: empty",
        "embeds[0].fields[0].value: empty",
        "components[0].components[0].custom_id: 101 > 100",
        "components[0].components[0].label: 81 > 80",
      ]),
    );
  });

  it("reports a message with nothing in it", () => {
    expect(checkMessage({})).toEqual(["message: nothing to send"]);
  });

  it("reports more than 6000 characters across embeds", () => {
    const embeds: APIEmbed[] = [{ description: "a".repeat(4000) }, { description: "b".repeat(4000) }];
    expect(checkMessage({ embeds })).toContain("embeds: 8000 characters in all > 6000");
  });

  it("reports a broken surrogate pair", () => {
    expect(checkMessage({ content: "ok \uD83D" })).toContain("content: broken surrogate pair");
  });
});

describe("fitMessage", () => {
  it("brings every oversized part inside its limit", () => {
    const long = `${FAMILY}中文 **bold** `.repeat(2000);
    const reply: Reply = {
      content: long,
      embeds: Array.from({ length: 12 }, () => ({
        title: long,
        description: long,
        footer: { text: long },
        author: { name: long },
        fields: Array.from({ length: 30 }, () => ({ name: long, value: long })),
      })),
    };
    const fitted = fitMessage(reply);
    expect(checkMessage(fitted)).toEqual([]);
    expect(fitted.embeds?.length).toBeGreaterThan(0);
  });

  it("cuts the description before touching the fields", () => {
    const fields = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}`, value: "v".repeat(500) }));
    const fitted = fitMessage({ embeds: [{ description: "d".repeat(4096), fields }] });
    const [embed] = fitted.embeds ?? [];
    expect(embedLength(embed!)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embed?.fields?.map((f) => f.value.length)).toEqual([500, 500, 500, 500]);
    expect(embed?.description?.endsWith(ELLIPSIS)).toBe(true);
  });

  it("drops trailing fields when cutting texts is not enough", () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `${i}`.padEnd(256, "n"), value: "v".repeat(1024) }));
    const fitted = fitMessage({ embeds: [{ description: "d".repeat(4096), fields }] });
    expect(checkMessage(fitted)).toEqual([]);
    const names = fitted.embeds?.[0]?.fields?.map((f) => f.name.slice(0, 2)) ?? [];
    expect(names[0]).toBe("0n");
    expect(names.length).toBeLessThan(25);
  });

  it("fills empty field names and values, which Discord rejects", () => {
    const fitted = fitMessage({ embeds: [{ fields: [{ name: "", value: "" }] }] });
    expect(checkMessage(fitted)).toEqual([]);
  });

  it("drops a button whose custom_id is too long instead of cutting it", () => {
    const fitted = fitMessage({
      content: "x",
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "ok", custom_id: "ok" },
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "bad", custom_id: "x".repeat(101) },
          ],
        },
      ],
    });
    expect(fitted.components?.[0]?.components).toHaveLength(1);
    expect(checkMessage(fitted)).toEqual([]);
  });

  it("does not change a message that already fits", () => {
    const reply: Reply = { content: "hello", embeds: [{ title: "t", description: "d", fields: [{ name: "n", value: "v", inline: true }] }] };
    expect(fitMessage(reply)).toEqual(reply);
  });
});

describe("fitChoices", () => {
  it("keeps at most 25 choices with names and values Discord accepts", () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `${FAMILY}名字`.repeat(30) + i, value: `v${i}` }));
    choices.push({ name: "too long a value", value: "v".repeat(101) }, { name: "", value: "empty-name" });
    const fitted = fitChoices(choices);
    expect(fitted).toHaveLength(25);
    expect(checkChoices(fitted)).toEqual([]);
  });

  it("drops choices whose value is too long or repeated, and names empty ones by their value", () => {
    const fitted = fitChoices([
      { name: "a", value: "x".repeat(101) },
      { name: "b", value: "same" },
      { name: "c", value: "same" },
      { name: "  ", value: "named-by-value" },
    ]);
    expect(fitted).toEqual([
      { name: "b", value: "same" },
      { name: "named-by-value", value: "named-by-value" },
    ]);
  });
});
