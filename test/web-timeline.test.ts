/** The timeline picture: a dot per event inside the picture, long empty stretches cut, the busiest day marked. */
import { describe, expect, it } from "vitest";
import type { EventMark } from "../db/pages.ts";
import { MAX_DOTS, timelineSvg } from "../src/web/timeline-svg.ts";

const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);
const marks = (dates: number[]): EventMark[] => dates.map((t, i) => ({ id: i + 1, key: `k${i}`, at: t, importance: (i % 5) + 1 }));
const cx = (svg: string) => [...svg.matchAll(/<circle[^>]* cx="([\d.]+)"/g)].map((m) => Number(m[1]));

describe("the timeline picture", () => {
  it("gives a lone early event and a busy week each room, with a break between, and marks the busiest day", () => {
    const dates = [at(2019, 3, 11), ...Array.from({ length: 12 }, (_, i) => at(2023, 11, 16 + (i % 7)) + i * 1000), at(2023, 11, 20)];
    const svg = timelineSvg(marks(dates), "en", (k) => `/e/${k}`)!.text;
    const xs = cx(svg);
    expect(xs).toHaveLength(dates.length);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(24);
      expect(x).toBeLessThanOrEqual(936);
    }
    // Without the cut, the week would take 7 of ~1,700 days: under 4 px of 912.
    const week = xs.slice(1);
    expect(Math.max(...week) - Math.min(...week)).toBeGreaterThan(500);
    expect(svg.match(/class="label middle break"/g)).toHaveLength(1);
    expect(svg).toContain("▲ Nov 20, 2023: 3 events");
    // Given out of order, drawn in time order all the same.
    expect(timelineSvg(marks([...dates].reverse()), "en", (k) => `/e/${k}`)!.text.match(/<circle/g)).toHaveLength(dates.length);
    expect(new Set(xs).size).toBe(xs.length);
  });

  it("draws at most MAX_DOTS dots, the most important, while the bars still count every event", () => {
    const many = marks(Array.from({ length: MAX_DOTS + 500 }, (_, i) => at(2020, 1, 1) + i * 3_600_000));
    const svg = timelineSvg(many, "zh", (k) => `/e/${k}`)!.text;
    expect(cx(svg)).toHaveLength(MAX_DOTS);
    expect(svg).not.toContain('class="mark i1"');
    const counted = [...svg.matchAll(/：?(\d+) 条进展<\/title><\/rect>/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(MAX_DOTS + 500);
    expect(svg).toContain(`共 ${MAX_DOTS + 500} 条进展`);
  });

  it("draws nothing for a story without events", () => {
    expect(timelineSvg([], "en", () => "/")).toBeNull();
  });
});
