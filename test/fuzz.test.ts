import { SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/index.ts";
import { searchEvents } from "../db/events.ts";
import { getStoryBySlug } from "../db/stories.ts";
import type { Command } from "../src/context.ts";
import { runFuzz } from "../tools/fuzz/driver.ts";
import { formatReport, visible } from "../tools/fuzz/report.ts";
import { tamperCustomId } from "../tools/fuzz/tamper.ts";
import { Rng } from "../tools/fuzz/prng.ts";
import { checkMessage, truncate } from "../src/render/index.ts";
import { importFiles } from "../src/story/import.ts";
import { miniStory, tempDir } from "./helpers/tmp.ts";

/** A fixed seed keeps the suite repeatable; FUZZ_SEED tries another. */
const SEED = Number(process.env.FUZZ_SEED ?? 20231117);

describe("npm run fuzz", () => {
  it("given 500 random and adversarial interactions, then every one is answered in time, inside the limits, pinging nobody, with no error logged", async () => {
    const report = await runFuzz({ seed: SEED, runs: 500 });
    expect(report.failures, formatReport(report)).toEqual([]);
    expect(report.interactions).toBeGreaterThanOrEqual(480);
    for (const kind of ["command", "tamperedCommand", "autocomplete", "click", "tamperedClick", "modal", "tamperedModal"] as const) {
      expect(report.byKind[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    expect(Object.keys(report.byCommand).length).toBeGreaterThan(10);
  }, 90_000);

  it("given a command that breaks every rule, then the fuzzer reports each broken invariant with its input", async () => {
    const broken: Command = {
      data: new SlashCommandBuilder()
        .setName("broken")
        .setDescription("misbehaves on purpose")
        .addStringOption((o) =>
          o
            .setName("mode")
            .setDescription("how")
            .setRequired(true)
            .addChoices(...["throw", "throw-again", "long", "ping", "silent"].map((m) => ({ name: m, value: m }))),
        ),
      async execute(i) {
        const how = i.options.getString("mode", true);
        if (how.startsWith("throw")) throw new Error("broken on purpose");
        if (how === "long") return i.reply({ content: "x".repeat(2500) });
        if (how === "ping") return i.reply({ content: "@everyone look", allowedMentions: { parse: ["everyone"] } });
        return undefined;
      },
    };
    const help: Command = { data: new SlashCommandBuilder().setName("help").setDescription("help"), execute: (i) => i.reply({ content: "help" }) };
    const report = await runFuzz({
      seed: SEED,
      runs: 40,
      commands: new Map([
        ["broken", broken],
        ["help", help],
      ]),
    });
    const found = new Set(report.failures.map((f) => f.invariant));
    expect([...found].sort()).toEqual(expect.arrayContaining(["can mention", "error log", "refused by Discord", "unanswered in 3 s"]));
    const thrown = report.failures.find((f) => f.invariant === "error log" && f.detail.includes("broken on purpose"));
    expect(thrown, formatReport(report)).toBeDefined();
    expect(String((thrown?.case?.input.options as { mode?: string } | undefined)?.mode)).toMatch(/^throw/);
    expect(formatReport(report)).toContain(`--seed ${SEED}`);
  }, 90_000);
});

describe("the fuzzer's inputs", () => {
  it("shows invisible, bidi and broken characters escaped in reports", () => {
    expect(visible("a\u200B\u202E\uD800b")).toBe("a\\u{200b}\\u{202e}\\u{d800}b");
    expect(visible("x".repeat(300), 10)).toBe("xxxxxxxxxx…(300 chars)");
  });

  it("tampers custom_ids in many ways, up to 200 characters", () => {
    const rng = new Rng(7);
    const v = { names: ["Ada"], entityIds: [], eventIds: [], eventKeys: [], slugs: [], storyIds: [], titles: [], urls: [] };
    const ids = new Set(Array.from({ length: 200 }, () => tamperCustomId(rng, "tl:1:-:20231117:-:2", ["tl", "who", "ed"], v)));
    expect(ids.size).toBeGreaterThan(50);
    expect([...ids].some((id) => id.length === 200)).toBe(true);
    expect([...ids].some((id) => !id.startsWith("tl:"))).toBe(true);
  });
});

describe("what the fuzzer found", () => {
  it("given text with half a surrogate pair (echoed user input), then truncate makes it well-formed, so Discord accepts it", () => {
    expect(truncate("bad \uD83D input", 100)).toBe("bad \uFFFD input");
    expect(truncate("\uDC00x", 100)).toBe("\uFFFDx");
    expect(truncate("fine 😀", 100)).toBe("fine 😀");
    expect(checkMessage({ content: truncate("quote: \uD800", 2000) })).toEqual([]);
  });

  it("given an event dated in the year 9999, then it is imported, indexed and found", () => {
    const tmp = tempDir();
    const db = openDatabase(":memory:");
    try {
      const far = `  - id: far-future
    at: "9999-12-31"
    title: "Faraway milestone"
    sources: [{ name: "Almanac" }]
`;
      const out = importFiles(db, [tmp.file("s.yaml", miniStory("mini-story", far))]);
      expect(out.ok).toBe(true);
      const story = getStoryBySlug(db, "mini-story")!;
      expect(searchEvents(db, story.id, "faraway").hits.map((h) => h.event.key)).toEqual(["far-future"]);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });
});
