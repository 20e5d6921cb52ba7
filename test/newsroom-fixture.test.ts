/** The newsroom fixture is what the benchmark says it is: enough items, languages, developments and outlets, labelled against the story. */
import { describe, expect, it } from "vitest";
import { loadFixture, loadStory } from "../tools/bench/newsroom-fixture.ts";
import { ROOT } from "./helpers/spawn.ts";

const story = loadStory(ROOT);
const keys = new Set(story.events.map((e) => e.key));
const HAN = /\p{Script=Han}/u;

describe("the newsroom fixture", () => {
  const tuning = loadFixture(ROOT, "items.yaml");
  const heldOut = loadFixture(ROOT, "heldout.yaml");

  it("has at least 120 tuning items, about a third in Chinese, over 10+ developments from 8+ outlets", () => {
    expect(tuning.length).toBeGreaterThanOrEqual(120);
    const zh = tuning.filter((i) => HAN.test(i.title)).length / tuning.length;
    expect(zh).toBeGreaterThan(0.28);
    expect(zh).toBeLessThan(0.4);
    expect(new Set(tuning.map((i) => i.dev)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(tuning.map((i) => i.outlet)).size).toBeGreaterThanOrEqual(8);
  });

  it("labels items about the story's events with real event keys, and the rest as new developments", () => {
    for (const item of [...tuning, ...heldOut]) {
      if (item.event) {
        expect(keys.has(item.event)).toBe(true);
        expect(item.dev).toBe(item.event);
      } else expect(keys.has(item.dev)).toBe(false);
      expect(Number.isFinite(item.at)).toBe(true);
    }
    expect(tuning.filter((i) => i.event).length).toBeGreaterThan(30);
    expect(tuning.filter((i) => !i.event).length).toBeGreaterThan(30);
  });

  it("keeps the held-out part apart: its own items and developments the tuning part does not have", () => {
    const tuningIds = new Set(tuning.map((i) => i.id));
    expect(heldOut.some((i) => tuningIds.has(i.id))).toBe(false);
    const tuningDevs = new Set(tuning.filter((i) => !i.event).map((i) => i.dev));
    expect(heldOut.filter((i) => !i.event && tuningDevs.has(i.dev))).toEqual([]);
    expect(heldOut.length).toBeGreaterThanOrEqual(40);
  });
});
