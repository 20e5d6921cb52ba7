import { SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandText, langFromLocale, localized, pick, pickOr, pickOther, t, type CommandKey } from "../src/i18n/index.ts";
import { en } from "../src/i18n/en.ts";
import { zh } from "../src/i18n/zh.ts";

/** Discord's rule for command and option names. */
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const keys = Object.keys(commandText) as CommandKey[];

describe("langFromLocale", () => {
  it("answers Chinese for every Chinese locale", () => {
    for (const locale of ["zh-CN", "zh-TW", "zh", "zh-HK", "zh_Hant", "ZH-cn"]) expect(langFromLocale(locale)).toBe("zh");
  });

  it("answers English for everything else, including no locale", () => {
    for (const locale of ["en-US", "en-GB", "fr", "ja", "zhx", "", null, undefined]) expect(langFromLocale(locale)).toBe("en");
  });
});

describe("pick", () => {
  it("returns the text in the language asked for", () => {
    expect(pick({ en: "Board", zh: "董事会" }, "zh")).toBe("董事会");
    expect(pick({ en: "Board", zh: "董事会" }, "en")).toBe("Board");
  });

  it("falls back to the other language when the text is missing or blank", () => {
    expect(pick({ en: "Board", zh: null }, "zh")).toBe("Board");
    expect(pick({ en: "  ", zh: "董事会" }, "en")).toBe("董事会");
  });

  it("returns an empty string only when both are missing, and pickOr fills that in", () => {
    expect(pick({ en: null, zh: null }, "en")).toBe("");
    expect(pickOr({ en: null, zh: null }, "en", "(none)")).toBe("(none)");
  });

  it("gives the other-language text only when it differs", () => {
    expect(pickOther({ en: "Sam Altman", zh: "萨姆·奥尔特曼" }, "en")).toBe("萨姆·奥尔特曼");
    expect(pickOther({ en: "OpenAI", zh: "OpenAI" }, "zh")).toBeNull();
    expect(pickOther({ en: "OpenAI", zh: null }, "zh")).toBeNull();
  });
});

describe("strings", () => {
  it("has the same keys in English and Chinese", () => {
    const shape = (o: object): unknown => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === "object" && v !== null ? shape(v) : typeof v]));
    expect(shape(zh)).toEqual(shape(en));
  });

  it("has no empty string in either language", () => {
    const walk = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : typeof v === "object" && v !== null ? walk(v) : []));
    for (const s of [...walk(en), ...walk(zh)]) expect(s.trim()).not.toBe("");
  });

  it("names the expected date format in the bad-date error", () => {
    expect(t("en").errors.badDate("20/11/2023")).toContain("YYYY-MM-DD");
    expect(t("zh").errors.badDate("20/11/2023")).toContain("YYYY-MM-DD");
  });

  it("writes calendar dates the way each language does", () => {
    expect(t("en").dates.day(2023, 11, 20)).toBe("Nov 20, 2023");
    expect(t("zh").dates.day(2023, 11, 20)).toBe("2023年11月20日");
  });

  it("translates the entity kinds", () => {
    expect(t("zh").kinds).toEqual({ person: "人物", organization: "机构", place: "地点", other: "其他" });
  });
});

describe("command localizations", () => {
  it("covers every command, subcommand and option the bot registers", () => {
    for (const key of [
      "help",
      "who",
      "who.name",
      "latest",
      "latest.count",
      "event",
      "event.id",
      "timeline",
      "timeline.who",
      "timeline.from",
      "timeline.to",
      "search",
      "search.query",
      "story.list",
      "story.use",
      "story.use.slug",
      "recap.now",
      "recap.now.hours",
      "recap.schedule",
      "recap.schedule.channel",
      "recap.schedule.time",
      "recap.schedule.timezone",
      "recap.off",
      "recap.status",
      "editor.add",
      "editor.edit",
      "editor.edit.id",
      "editor.remove",
      "editor.remove.id",
      "editor.history",
      "editor.history.id",
      "feed.add",
      "feed.add.url",
      "feed.add.story",
      "feed.add.keywords",
      "feed.add.trusted",
      "feed.list",
      "feed.remove",
      "feed.remove.url",
      "review",
    ]) {
      expect(keys).toContain(key);
    }
  });

  it("gives every name in every locale a form Discord accepts: lower case, 1–32 letters, digits, - or _", () => {
    for (const key of keys) {
      const l = localized(key);
      for (const name of [l.name, l.nameLocalizations["zh-CN"], l.nameLocalizations["zh-TW"]]) {
        expect(name, key).toMatch(NAME);
        expect(name, key).toBe(name.toLowerCase());
      }
    }
  });

  it("gives every description in every locale 1–100 characters", () => {
    for (const key of keys) {
      const l = localized(key);
      for (const d of [l.description, l.descriptionLocalizations["zh-CN"], l.descriptionLocalizations["zh-TW"]]) {
        expect(d.trim().length, key).toBeGreaterThan(0);
        expect(d.length, key).toBeLessThanOrEqual(100);
      }
    }
  });

  it("keeps option names unique within each command in every locale", () => {
    const parents = new Set(keys.map((k) => k.split(".").slice(0, -1).join(".")).filter(Boolean));
    for (const parent of parents) {
      const children = keys.filter((k) => k.startsWith(`${parent}.`) && k.split(".").length === parent.split(".").length + 1);
      for (const nameIn of [
        (k: CommandKey) => localized(k).name,
        (k: CommandKey) => localized(k).nameLocalizations["zh-CN"],
        (k: CommandKey) => localized(k).nameLocalizations["zh-TW"],
      ]) {
        const names = children.map(nameIn);
        expect(new Set(names).size, parent).toBe(names.length);
      }
    }
  });

  it("keeps command and subcommand names English in every locale, and localizes option names", () => {
    expect(localized("story.use").nameLocalizations).toEqual({ "zh-CN": "use", "zh-TW": "use" });
    expect(localized("search.query").nameLocalizations).toEqual({ "zh-CN": "关键词", "zh-TW": "關鍵字" });
  });

  it("fits the discord.js command builder, which validates names and descriptions", () => {
    const who = localized("who");
    const name = localized("who.name");
    const json = new SlashCommandBuilder()
      .setName(who.name)
      .setDescription(who.description)
      .setNameLocalizations(who.nameLocalizations)
      .setDescriptionLocalizations(who.descriptionLocalizations)
      .addStringOption((o) =>
        o
          .setName(name.name)
          .setDescription(name.description)
          .setNameLocalizations(name.nameLocalizations)
          .setDescriptionLocalizations(name.descriptionLocalizations),
      )
      .toJSON();
    expect(json.options?.[0]?.name_localizations?.["zh-CN"]).toBe("名字");
  });
});
