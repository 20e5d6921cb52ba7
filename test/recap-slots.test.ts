import { describe, expect, it } from "vitest";
import { formatTimeOfDay, localDay, parseDay, parseTimeOfDay, slotAfter, slotAtOrBefore, slotOn } from "../src/recap/slots.ts";
import { offsetLabel, resolveZone, suggestZones } from "../src/recap/zones.ts";

const NY = "America/New_York";
const at = (iso: string) => Date.parse(iso);
const time = (text: string) => parseTimeOfDay(text)!;
const slot = (day: string, hhmm: string, zone: string) => new Date(slotOn(parseDay(day), time(hhmm), zone)).toISOString();

describe("times of day", () => {
  it("accepts HH:MM from 00:00 to 23:59, and H:MM", () => {
    expect(parseTimeOfDay("00:00")).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay("23:59")).toEqual({ hour: 23, minute: 59 });
    expect(formatTimeOfDay(parseTimeOfDay(" 9:05 ")!)).toBe("09:05");
  });

  it.each(["25:00", "24:00", "12:60", "9am", "0900", "12:5", "", "12:00:00", "-1:00"])("refuses %j", (text) => {
    expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe("slots", () => {
  it("is the UTC instant of the local date at that time", () => {
    expect(slot("2024-06-01", "09:00", "UTC")).toBe("2024-06-01T09:00:00.000Z");
    expect(slot("2024-06-01", "09:00", "Asia/Shanghai")).toBe("2024-06-01T01:00:00.000Z");
    expect(slot("2024-06-01", "00:30", "Asia/Shanghai")).toBe("2024-05-31T16:30:00.000Z");
    expect(slot("2024-01-15", "09:00", NY)).toBe("2024-01-15T14:00:00.000Z");
    expect(slot("2024-07-15", "09:00", NY)).toBe("2024-07-15T13:00:00.000Z");
    expect(slot("2024-06-01", "09:00", "Asia/Kathmandu")).toBe("2024-06-01T03:15:00.000Z");
  });

  it("puts a time inside the spring-forward gap at the first minute after it", () => {
    // 2024-03-10 in New York: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    expect(slot("2024-03-10", "02:30", NY)).toBe("2024-03-10T07:00:00.000Z");
    expect(slot("2024-03-10", "02:00", NY)).toBe("2024-03-10T07:00:00.000Z");
    expect(slot("2024-03-10", "01:59", NY)).toBe("2024-03-10T06:59:00.000Z");
    expect(slot("2024-03-10", "03:00", NY)).toBe("2024-03-10T07:00:00.000Z");
    expect(slot("2024-03-10", "03:01", NY)).toBe("2024-03-10T07:01:00.000Z");
    expect(slot("2024-03-11", "02:30", NY)).toBe("2024-03-11T06:30:00.000Z");
  });

  it("gives a time that happens twice on the fall-back day one slot, the first", () => {
    // 2024-11-03 in New York: 01:00–01:59 happens in EDT (05:00 UTC) and again in EST (06:00 UTC).
    expect(slot("2024-11-03", "01:30", NY)).toBe("2024-11-03T05:30:00.000Z");
    expect(slot("2024-11-03", "00:59", NY)).toBe("2024-11-03T04:59:00.000Z");
    expect(slot("2024-11-03", "02:00", NY)).toBe("2024-11-03T07:00:00.000Z");
    expect(slotAfter(at("2024-11-03T05:30:00Z"), time("01:30"), NY)).toBe(at("2024-11-04T06:30:00Z"));
    expect(slotAtOrBefore(at("2024-11-03T06:45:00Z"), time("01:30"), NY)).toBe(at("2024-11-03T05:30:00Z"));
  });

  it("works in zones on the other side of the date line and at their DST changes", () => {
    // Sydney falls back on 2024-04-07 (03:00 AEDT → 02:00 AEST) and springs forward on 2024-10-06 (02:00 → 03:00).
    expect(slot("2024-04-07", "02:30", "Australia/Sydney")).toBe("2024-04-06T15:30:00.000Z");
    expect(slot("2024-10-06", "02:30", "Australia/Sydney")).toBe("2024-10-05T16:00:00.000Z");
  });

  it("finds the latest slot at or before a moment and the next one after it", () => {
    const t = time("09:00");
    expect(slotAtOrBefore(at("2024-06-01T09:00:00Z"), t, "UTC")).toBe(at("2024-06-01T09:00:00Z"));
    expect(slotAtOrBefore(at("2024-06-01T08:59:59Z"), t, "UTC")).toBe(at("2024-05-31T09:00:00Z"));
    expect(slotAfter(at("2024-06-01T09:00:00Z"), t, "UTC")).toBe(at("2024-06-02T09:00:00Z"));
    expect(slotAfter(at("2024-06-01T08:59:59Z"), t, "UTC")).toBe(at("2024-06-01T09:00:00Z"));
    // 23:30 in Shanghai is 15:30 UTC the same UTC day.
    expect(slotAfter(at("2024-06-01T16:00:00Z"), time("23:30"), "Asia/Shanghai")).toBe(at("2024-06-02T15:30:00Z"));
  });

  it("never goes back in time from one day's slot to the next, every day of a year in New York and Sydney", () => {
    for (const zone of [NY, "Australia/Sydney", "Europe/London"]) {
      for (const hhmm of ["00:00", "01:30", "02:30", "23:59"]) {
        let previous = -Infinity;
        for (let day = parseDay("2024-01-01"); day <= parseDay("2024-12-31"); day++) {
          const s = slotOn(day, time(hhmm), zone);
          expect(s).toBeGreaterThan(previous);
          expect(previous === -Infinity || s - previous <= 25 * 3_600_000).toBe(true);
          previous = s;
        }
      }
    }
  });

  it("knows the local date of a moment", () => {
    expect(localDay(at("2024-06-01T16:30:00Z"), "Asia/Shanghai")).toBe(parseDay("2024-06-02"));
    expect(localDay(at("2024-06-01T03:30:00Z"), NY)).toBe(parseDay("2024-05-31"));
  });
});

describe("time zones", () => {
  it("resolves IANA names in any case, UTC included, and refuses the rest", () => {
    expect(resolveZone("UTC")).toBe("UTC");
    expect(resolveZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(resolveZone("America/New York")).toBe("America/New_York");
    expect(resolveZone("Asia/Kolkata")).toMatch(/^Asia\/(Kolkata|Calcutta)$/);
    for (const bad of ["Mars/Olympus", "UTC+15", "GMT+8:61", "", "Asia", "Asia/Shanghai; DROP"]) expect(resolveZone(bad)).toBeNull();
  });

  it("suggests the common zones when nothing is typed, UTC first", () => {
    const s = suggestZones("");
    expect(s[0]).toBe("UTC");
    expect(s).toEqual(expect.arrayContaining(["Asia/Shanghai", "Asia/Taipei", "Europe/London", "America/New_York"]));
  });

  it("suggests at most 25 matches, names starting with what was typed first", () => {
    expect(suggestZones("a").length).toBe(25);
    expect(suggestZones("AMERICA/")[0]).toMatch(/^America\//);
    expect(suggestZones("york")).toContain("America/New_York");
    const lon = suggestZones("lon");
    expect(lon.indexOf("Europe/London")).toBeGreaterThanOrEqual(0);
    expect(suggestZones("shang")[0]).toBe("Asia/Shanghai");
    expect(suggestZones("zzzz")).toEqual([]);
  });

  it("labels a zone with its offset at a moment", () => {
    expect(offsetLabel("Asia/Shanghai", at("2024-06-01T00:00:00Z"))).toBe("UTC+08:00");
    expect(offsetLabel(NY, at("2024-01-01T00:00:00Z"))).toBe("UTC−05:00");
    expect(offsetLabel("UTC", 0)).toBe("UTC");
  });
});
