import { describe, expect, it } from "vitest";
import { joinList, listSeparator } from "../src/i18n/index.ts";

describe("lists in a sentence", () => {
  it("are joined with a comma in English and the enumeration comma in Chinese", () => {
    expect(joinList(["Altman", "Sutskever", "Murati"], "en")).toBe("Altman, Sutskever, Murati");
    expect(joinList(["奥特曼", "苏茨克维"], "zh")).toBe("奥特曼、苏茨克维");
    expect(joinList(["one"], "zh")).toBe("one");
    expect(joinList([], "en")).toBe("");
    expect(listSeparator("zh")).toBe("、");
  });
});
