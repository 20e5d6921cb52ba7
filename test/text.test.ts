import { describe, expect, it } from "vitest";
import { hasHan } from "../db/text.ts";

describe("telling Chinese text", () => {
  it("finds Han characters anywhere in a text, and nothing else", () => {
    expect(hasHan("微软")).toBe(true);
    expect(hasHan("OpenAI 董事会 board")).toBe(true);
    expect(hasHan("Sam Altman")).toBe(false);
    expect(hasHan("カタカナ 한국어 ＡＢＣ")).toBe(false);
    expect(hasHan("")).toBe(false);
    expect(hasHan("𠀀")).toBe(true);
  });
});
