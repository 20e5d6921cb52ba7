import { Locale } from "discord.js";
import { describe, expect, it } from "vitest";
import { DEFAULT_FEEDS_PORT, parseSandboxArgs, type SandboxArgs } from "../src/sandbox/args.ts";
import { printMessage } from "../src/sandbox/print.ts";
import { formatTimestamp, showTags, type Viewer } from "../src/sandbox/tags.ts";
import { parseLine, SANDBOX_HELP } from "../src/sandbox/line.ts";

// 2023-11-21T04:22:00Z, a Tuesday.
const AT = 1700540520;
const en: Viewer = { locale: "en-US", timeZone: "UTC", now: (AT + 3 * 3600) * 1000 };
const zh: Viewer = { ...en, locale: "zh-CN" };

describe("the sandbox printer's timestamps", () => {
  it("shows every style as an en-US Discord client in UTC would", () => {
    expect(formatTimestamp(AT, "t", en)).toBe("4:22 AM");
    expect(formatTimestamp(AT, "T", en)).toBe("4:22:00 AM");
    expect(formatTimestamp(AT, "d", en)).toBe("11/21/2023");
    expect(formatTimestamp(AT, "D", en)).toBe("November 21, 2023");
    expect(formatTimestamp(AT, "f", en)).toBe("November 21, 2023 4:22 AM");
    expect(formatTimestamp(AT, "F", en)).toBe("Tuesday, November 21, 2023 4:22 AM");
    expect(formatTimestamp(AT, "R", en)).toBe("3 hours ago");
  });

  it("shows every style in Chinese for zh-CN", () => {
    expect(formatTimestamp(AT, "t", zh)).toBe("04:22");
    expect(formatTimestamp(AT, "T", zh)).toBe("04:22:00");
    expect(formatTimestamp(AT, "d", zh)).toBe("2023/11/21");
    expect(formatTimestamp(AT, "D", zh)).toBe("2023年11月21日");
    expect(formatTimestamp(AT, "f", zh)).toBe("2023年11月21日 04:22");
    expect(formatTimestamp(AT, "F", zh)).toBe("2023年11月21日星期二 04:22");
    expect(formatTimestamp(AT, "R", zh)).toBe("3小时前");
  });

  it("uses the given time zone, and picks the largest unit for relative times", () => {
    expect(formatTimestamp(AT, "f", { ...zh, timeZone: "Asia/Shanghai" })).toBe("2023年11月21日 12:22");
    expect(formatTimestamp(AT, "t", { ...en, timeZone: "America/Los_Angeles" })).toBe("8:22 PM");
    expect(formatTimestamp(AT, "R", { ...en, now: (AT - 90) * 1000 })).toBe("in 2 minutes");
    expect(formatTimestamp(AT, "R", { ...en, now: (AT + 400 * 86400) * 1000 })).toBe("1 year ago");
    expect(formatTimestamp(AT, "R", { ...en, now: (AT + 45 * 86400) * 1000 })).toBe("2 months ago");
  });

  it("replaces timestamp tags, default style f, and mentions it knows, in every part of a message", () => {
    const v: Viewer = { ...en, channels: new Map([["42", "news"]]), users: new Map([["7", "Sandbox User"]]), roles: new Map([["9", "everyone"]]) };
    expect(showTags("<t:1700540520> in <#42> by <@7> <@!7> for <@&9>; <#1> <@2>", v)).toBe(
      "November 21, 2023 4:22 AM in #news by @Sandbox User @Sandbox User for @everyone; <#1> <@2>",
    );
    const printed = printMessage(
      {
        content: "<t:1700540520:d>",
        embeds: [
          { title: "<t:1700540520:D>", description: "<#42>", fields: [{ name: "<t:1700540520:t>", value: "<t:1700540520:R>" }], footer: { text: "<@7>" } },
        ],
      },
      v,
    );
    expect(printed).not.toMatch(/<[t#@]/);
    expect(printed).toContain("11/21/2023");
    expect(printed).toContain("3 hours ago");
  });
});

describe("the sandbox's command line", () => {
  const ok = (argv: string[]) => parseSandboxArgs(argv) as SandboxArgs;

  it("defaults to en-US, UTC and the fixed sample-feeds port", () => {
    expect(ok([])).toMatchObject({ locale: "en-US", timeZone: "UTC", feedsPort: DEFAULT_FEEDS_PORT, admin: false });
    expect(DEFAULT_FEEDS_PORT).toBe(8787);
  });

  it("accepts every locale Discord has, spelt as Discord spells it", () => {
    for (const locale of Object.values(Locale)) expect(ok(["--locale", locale]).locale).toBe(locale);
    expect(ok(["--locale", "zh_tw"]).locale).toBe("zh-TW");
    expect(ok(["--locale", "ES-419"]).locale).toBe("es-419");
  });

  it("refuses what is not a Discord locale, a time zone or a port, saying what would do", () => {
    expect(parseSandboxArgs(["--locale", "en"])).toMatch(/"en" is not a Discord locale; use one of .*en-US/);
    expect(parseSandboxArgs(["--tz", "Mars/Olympus"])).toMatch(/"Mars\/Olympus" is not a time zone/);
    expect(parseSandboxArgs(["--feeds-port", "99999"])).toMatch(/not a port/);
    expect(parseSandboxArgs(["--feeds-port", "x"])).toMatch(/not a port/);
    expect(parseSandboxArgs(["--nope"])).toMatch(/nope/);
    expect(ok(["--tz", "Asia/Shanghai", "--feeds-port", "0", "--as-admin"])).toMatchObject({ timeZone: "Asia/Shanghai", feedsPort: 0, admin: true });
  });
});

describe("the sandbox's places", () => {
  it("reads --context server|dm|group|user-server, in any case, defaulting to the server, and refuses anything else", () => {
    expect((parseSandboxArgs([]) as SandboxArgs).place).toBe("server");
    for (const place of ["dm", "group", "user-server", "server"])
      expect((parseSandboxArgs(["--context", place.toUpperCase()]) as SandboxArgs).place).toBe(place);
    expect(parseSandboxArgs(["--context", "mars"])).toBe('--context "mars" is not a place; use one of server, dm, group, user-server');
    expect(parseSandboxArgs(["--context", "<@everyone>"])).toMatch(/is not a place/);
  });

  it("reads the context verb: alone it asks where, with one place it moves, anything else is refused", () => {
    expect(parseLine("context")).toEqual({ kind: "context", place: null });
    expect(parseLine("  context   DM ")).toEqual({ kind: "context", place: "dm" });
    expect(parseLine("context user-server")).toEqual({ kind: "context", place: "user-server" });
    expect(parseLine("context dm group")).toEqual({ kind: "error", message: 'context: "dm group" is not a place; use one of server, dm, group, user-server' });
    expect(parseLine(`context ${"x".repeat(500)}`).kind).toBe("error");
    expect(SANDBOX_HELP).toContain("context dm|group|user-server");
  });
});
