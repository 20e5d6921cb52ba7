import { describe, expect, it } from "vitest";
import { fixedOffset, parseTimeOfDay, slotAfter, slotAtOrBefore, localDay, parseDay } from "../src/recap/slots.ts";
import { offsetLabel, resolveZone, suggestZones, zoneSuggestions } from "../src/recap/zones.ts";
import { UserError } from "../src/context.ts";
import { zoneAutocomplete, zoneFromOption } from "../src/resolvers/zone.ts";

const at = (iso: string) => Date.parse(iso);

describe("time zones as typed", () => {
  it.each([
    ["GMT", "UTC"],
    ["gmt", "UTC"],
    ["UTC", "UTC"],
    ["utc+0", "UTC"],
    ["UTC+8", "UTC+08:00"],
    ["GMT+12", "UTC+12:00"],
    ["gmt +12", "UTC+12:00"],
    ["UTC-03:30", "UTC-03:30"],
    ["UTC−5", "UTC-05:00"],
    ["+0530", "UTC+05:30"],
    ["+08:00", "UTC+08:00"],
    ["ＵＴＣ＋８", "UTC+08:00"],
    ["UTC+14", "UTC+14:00"],
    ["UTC-12", "UTC-12:00"],
  ])("reads the offset %j as %s", (typed, zone) => {
    expect(resolveZone(typed)).toBe(zone);
  });

  it.each([
    ["上海", "Asia/Shanghai"],
    ["北京", "Asia/Shanghai"],
    ["北京时间", "Asia/Shanghai"],
    ["香港", "Asia/Hong_Kong"],
    ["台北", "Asia/Taipei"],
    ["臺北", "Asia/Taipei"],
    ["东京", "Asia/Tokyo"],
    ["東京", "Asia/Tokyo"],
    ["纽约", "America/New_York"],
    ["伦敦", "Europe/London"],
    ["巴黎", "Europe/Paris"],
    ["旧金山", "America/Los_Angeles"],
    ["洛杉矶", "America/Los_Angeles"],
    ["新加坡", "Asia/Singapore"],
    ["San Francisco", "America/Los_Angeles"],
    ["beijing", "Asia/Shanghai"],
  ])("reads the city %s as %s", (typed, zone) => {
    expect(resolveZone(typed)).toBe(zone);
  });

  it("reads IANA names in any case, fixed-offset Etc zones included", () => {
    expect(resolveZone("asia/SHANGHAI")).toBe("Asia/Shanghai");
    expect(resolveZone("Etc/GMT-12")).toBe("Etc/GMT-12");
    expect(resolveZone(" europe/london ")).toBe("Europe/London");
  });

  it.each([["UTC+15"], ["UTC-13"], ["GMT+8:61"], ["UTC+"], ["8"], ["火星"], ["Mars/Olympus"], [""], ["🦄"]])("refuses %j", (typed) => {
    expect(resolveZone(typed)).toBeNull();
  });

  it("refuses with a message naming offsets and cities, quoting what was typed", () => {
    expect(() => zoneFromOption("Mars/Olympus", "en")).toThrow(UserError);
    expect(() => zoneFromOption("Mars/Olympus", "en")).toThrow(/“Mars\/Olympus” is not a time zone I know.*UTC\+8.*上海/);
    expect(() => zoneFromOption("火星", "zh")).toThrow(/无法识别时区“火星”/);
    expect(zoneFromOption("GMT+12\0", "en")).toBe("UTC+12:00");
  });
});

describe("time-zone suggestions", () => {
  it("offers the offset typed and its neighbours: gmt+12 → UTC+12:00 first", () => {
    expect(suggestZones("gmt+12")).toEqual(["UTC+12:00", "UTC+12:45"]);
    expect(suggestZones("utc+5")).toEqual(["UTC+05:00", "UTC+05:30", "UTC+05:45"]);
    expect(suggestZones("gmt")[0]).toBe("UTC");
  });

  it("offers cities by their Chinese names, with the city named", () => {
    expect(zoneSuggestions("上海")).toEqual([{ zone: "Asia/Shanghai", city: "上海" }]);
    expect(suggestZones("京")).toEqual(["Asia/Shanghai", "Asia/Tokyo"]);
    expect(zoneAutocomplete("上海", at("2024-06-01T00:00:00Z"))).toEqual([{ name: "上海 · Asia/Shanghai (UTC+08:00)", value: "Asia/Shanghai" }]);
  });

  it("shows an offset once and a zone with its offset now", () => {
    const now = at("2024-01-15T00:00:00Z");
    expect(zoneAutocomplete("gmt+12", now)[0]).toEqual({ name: "UTC+12:00", value: "UTC+12:00" });
    expect(zoneAutocomplete("UTC-03:30", now)[0]).toEqual({ name: "UTC-03:30", value: "UTC-03:30" });
    expect(zoneAutocomplete("new_york", now)[0]).toEqual({ name: "America/New_York (UTC−05:00)", value: "America/New_York" });
  });

  it("offers only what a schedule accepts", () => {
    for (const typed of ["gmt+12", "上海", "京", "utc", "a", "york", "-3", "san"]) {
      for (const zone of suggestZones(typed)) expect(resolveZone(zone), `${typed} → ${zone}`).toBe(zone);
    }
  });
});

describe("recap slots at a fixed offset", () => {
  it("reads the offset of a stored offset zone, and labels it", () => {
    expect(fixedOffset("UTC+05:30")).toBe(330 * 60_000);
    expect(fixedOffset("UTC-03:30")).toBe(-210 * 60_000);
    expect(fixedOffset("Asia/Shanghai")).toBeNull();
    expect(offsetLabel("UTC-03:30", 0)).toBe("UTC−03:30");
    expect(offsetLabel("UTC+12:00", 0)).toBe("UTC+12:00");
  });

  it("posts at the local time of the offset, every day the same UTC instant", () => {
    const time = parseTimeOfDay("08:30")!;
    expect(slotAfter(at("2024-03-10T00:00:00Z"), time, "UTC+05:30")).toBe(at("2024-03-10T03:00:00Z"));
    expect(slotAfter(at("2024-03-10T03:00:00Z"), time, "UTC+05:30")).toBe(at("2024-03-11T03:00:00Z"));
    expect(slotAtOrBefore(at("2024-03-10T11:59:00Z"), time, "UTC-03:30")).toBe(at("2024-03-09T12:00:00Z"));
    expect(slotAfter(at("2024-06-01T00:00:00Z"), time, "UTC+12:00")).toBe(at("2024-06-01T20:30:00Z"));
    expect(localDay(at("2024-06-01T12:00:00Z"), "UTC+12:00")).toBe(parseDay("2024-06-02"));
  });
});
