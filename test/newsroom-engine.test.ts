/** The newsroom engine: where reports go, why, across polls and restarts, and on bad input. */
import { describe, expect, it } from "vitest";
import { buildNewsroom, classifyAll, Newsroom, restoreAll, type NewsItem, type Placement } from "../src/newsroom/index.ts";
import { EntityMatcher } from "../src/newsroom/entities.ts";
import { extractFeatures } from "../src/newsroom/features.ts";
import { emptyProfile } from "../src/newsroom/profile.ts";
import { similarity } from "../src/newsroom/similarity.ts";
import { itemVector } from "../src/newsroom/vectors.ts";
import { Stats } from "../src/newsroom/stats.ts";
import { loadStory } from "../tools/bench/newsroom-fixture.ts";
import { ROOT } from "./helpers/spawn.ts";

const story = loadStory(ROOT);
const H = 3_600_000;
const NOV = (day: number, hour = 12): number => Date.UTC(2023, 10, day, hour);
const engine = (): Newsroom => new Newsroom(story.entities, story.events);
const at = (day: number, hour?: number) => ({ now: NOV(day, hour) + H });

const RESIGNATIONS: NewsItem[] = [
  {
    id: "r1",
    at: NOV(18, 6),
    title: "Three senior OpenAI researchers resign",
    summary: "Jakub Pachocki, Aleksander Madry and Szymon Sidor are quitting after the CEO was fired.",
  },
  {
    id: "r2",
    at: NOV(18, 9),
    title: "OpenAI research director Jakub Pachocki quits",
    summary: "Pachocki, Aleksander Madry and Szymon Sidor resigned a day after the board's move.",
  },
  { id: "r3", at: NOV(18, 12), title: "OpenAI三名资深研究员辞职", summary: "研究总监Jakub Pachocki、Aleksander Madry和Szymon Sidor已提出辞职。" },
  { id: "r4", at: NOV(18, 15), title: "离职潮：Jakub Pachocki等研究员离开OpenAI", summary: "Jakub Pachocki、Aleksander Madry和Szymon Sidor宣布离开。" },
];

describe("similarity", () => {
  it("finds a Chinese report closer to the event it reports than to another event with the same people", () => {
    const m = new EntityMatcher(story.entities);
    const stats = new Stats();
    const profileOf = (key: string) => {
      const ev = story.events.find((e) => e.key === key)!;
      const p = emptyProfile(0, "event", key);
      for (const lang of ["en", "zh"] as const) {
        const f = extractFeatures({ title: ev.title[lang] ?? "", summary: ev.summary[lang], at: ev.at }, m);
        stats.addDoc(Object.keys(f.terms));
        p.docs++;
        p.times.push(ev.at);
        const bucket = p.terms.get(lang) ?? new Map<string, number>();
        for (const [t, c] of Object.entries(f.terms)) bucket.set(t, (bucket.get(t) ?? 0) + c);
        p.terms.set(lang, bucket);
        for (const e of ev.entityIds) p.entities.set(e, (p.entities.get(e) ?? 0) + 1);
        for (const a of f.anchors) p.anchors.set(a, 1);
      }
      return p;
    };
    const stock = profileOf("microsoft-stock-record");
    const hire = profileOf("microsoft-hires-altman");
    for (let i = 0; i < 3; i++) stats.addTarget();
    const f = extractFeatures({ title: "微软股价收于377.44美元，创历史新高", summary: "招揽奥尔特曼后，微软股价上涨逾2%。", at: NOV(20, 22) }, m);
    const v = itemVector(f, stats);
    const toStock = similarity(f, v, stock, stats);
    const toHire = similarity(f, v, hire, stats);
    expect(toStock.score).toBeGreaterThan(toHire.score);
    expect(toStock.sharedAnchors).toContain("#377.44");
    expect(toStock.days).toBeLessThan(1);
  });
});

describe("classifying reports", () => {
  it("attaches a Chinese report to an event the story tells only in English", () => {
    const events = story.events.filter((e) => e.key !== "microsoft-stock-record");
    const nr = new Newsroom(story.entities, [
      ...events,
      {
        key: "ed_1",
        at: NOV(20, 21),
        title: { en: "Microsoft stock closes at a record $377.44 after the Altman hire", zh: null },
        summary: { en: "Shares rose more than 2%, beating the record close of about $376.20 set on Thursday.", zh: null },
        entityIds: [story.ids.get("microsoft")!, story.ids.get("sam-altman")!],
      },
    ]);
    const d = nr.classify(
      {
        id: "zh1",
        at: NOV(21, 0),
        title: "招揽奥尔特曼后，微软股价创历史新高",
        summary: "周一微软股价上涨逾2%，收于每股377.44美元，打破上周四约376.20美元的纪录。",
      },
      at(21),
    );
    expect(d.lang).toBe("zh");
    expect(d.fate).toBe("attached");
    expect(d.event).toBe("ed_1");
    expect(d.group).toBe("event:ed_1");
    expect(d.shared.entities).toContain("Microsoft");
    expect(d.shared.anchors).toContain("377.44美元");
  });

  it("attaches an English report to the event it reports and explains why", () => {
    const d = engine().classify(
      {
        id: "e1",
        at: NOV(17, 21),
        title: "OpenAI ousts CEO Sam Altman, says he was not consistently candid",
        summary: "Mira Murati becomes interim chief executive.",
      },
      at(17, 21),
    );
    expect(d.fate).toBe("attached");
    expect(d.event).toBe("altman-fired");
    expect(d.reason).toMatch(/^attached to altman-fired: shares .*Sam Altman.*"consistently candid".*; similarity 0\.\d\d; same day$/);
  });

  it("does not attach a report that names the same people but tells something else", () => {
    const nr = engine();
    const shear = nr.classify(
      {
        id: "d1",
        at: NOV(20, 19),
        title: "Emmett Shear's old posts on slowing down AI resurface",
        summary: "The interim OpenAI chief once wrote he favoured slowing AI to a speed of 1 or 2 out of 10.",
      },
      at(20, 19),
    );
    const worldcoin = nr.classify(
      {
        id: "d2",
        at: NOV(14, 16),
        title: "Sam Altman's Worldcoin pauses orb sign-ups in India",
        summary: "The eye-scanning crypto project co-founded by Altman stopped enrolling new users.",
      },
      at(14, 16),
    );
    expect(shear.fate).not.toBe("attached");
    expect(shear.newGroup).toBe(true);
    expect(worldcoin.fate).toBe("suggested");
    expect(worldcoin.event).toBeUndefined();
  });

  it("puts reports of a new development, over several polls and in both languages, in one group with its new names", () => {
    const nr = engine();
    const first = nr.classify(RESIGNATIONS[0]!, at(18, 6));
    expect(first.fate).toBe("suggested");
    expect(first.newGroup).toBe(true);
    const later = [nr.classify(RESIGNATIONS[1]!, at(18, 9)), nr.classify(RESIGNATIONS[2]!, at(18, 12)), nr.classify(RESIGNATIONS[3]!, at(18, 15))];
    for (const d of later) {
      expect(d.fate).toBe("suggested");
      expect(d.group).toBe(first.group);
      expect(d.newGroup).toBe(false);
    }
    const view = nr.group(first.group)!;
    expect(view.items).toEqual(["r1", "r2", "r3", "r4"]);
    expect(view.newNames).toEqual(expect.arrayContaining(["Jakub Pachocki", "Aleksander Madry", "Szymon Sidor"]));
    expect(later[0]!.reason).toMatch(/^joins g:r1 \(1 reports\): shares /);
  });

  it("lists a name as new only once two reports of the development give it", () => {
    const nr = engine();
    const a = nr.classify(
      {
        id: "n1",
        at: NOV(18, 20),
        title: "OpenAI investors led by Thrive Capital push to bring back Altman",
        summary: "Khosla Ventures also wants the board to reinstate him.",
      },
      at(18, 20),
    );
    expect(nr.group(a.group)!.newNames).toEqual([]);
    nr.classify(
      {
        id: "n2",
        at: NOV(18, 22),
        title: "Thrive Capital presses OpenAI board to reinstate Altman",
        summary: "Investors are weighing legal action against the directors.",
      },
      at(18, 22),
    );
    expect(nr.group(a.group)!.newNames).toEqual(["Thrive Capital"]);
  });

  it("takes the same report carried by twenty feeds as one report", () => {
    const nr = engine();
    const decisions = Array.from({ length: 20 }, (_, i) =>
      nr.classify({ id: `same${i}`, at: RESIGNATIONS[0]!.at, title: RESIGNATIONS[0]!.title, summary: RESIGNATIONS[0]!.summary }, at(18, 7)),
    );
    const [first, ...rest] = decisions;
    for (const d of rest) {
      expect(d.duplicateOf).toBe("same0");
      expect(d.group).toBe(first!.group);
    }
    expect(nr.group(first!.group)!.newNames).toEqual([]);
  });

  it("answers a second call for the same item without changing anything", () => {
    const nr = engine();
    const d = nr.classify(RESIGNATIONS[0]!, at(18, 6));
    const before = nr.counts();
    const again = nr.classify(RESIGNATIONS[0]!, at(18, 7));
    expect(again.group).toBe(d.group);
    expect(again.reason).toBe("already classified");
    expect(nr.counts()).toEqual(before);
  });
});

describe("editors' decisions and restarts", () => {
  it("attaches later reports to a development once it is published as an event", () => {
    const nr = engine();
    const d = nr.classify(RESIGNATIONS[0]!, at(18, 6));
    nr.classify(RESIGNATIONS[1]!, at(18, 9));
    nr.publishGroup(d.group, {
      key: "researchers-quit",
      at: NOV(18),
      title: { en: "Three senior researchers quit OpenAI", zh: "三名资深研究员辞职" },
      summary: { en: null, zh: null },
      entityIds: [story.ids.get("openai")!],
    });
    expect(nr.group(d.group)).toBeNull();
    const next = nr.classify(RESIGNATIONS[2]!, at(18, 12));
    expect(next.fate).toBe("attached");
    expect(next.event).toBe("researchers-quit");
  });

  it("marks later reports of a rejected development as rejected", () => {
    const nr = engine();
    const d = nr.classify(RESIGNATIONS[0]!, at(18, 6));
    nr.rejectGroup(d.group);
    const next = nr.classify(RESIGNATIONS[1]!, at(18, 9));
    expect(next.group).toBe(d.group);
    expect(next.rejected).toBe(true);
  });

  it("rebuilds from stored placements, so a report after a restart joins the development it joined before", async () => {
    const before = engine();
    const stored: { item: NewsItem; placement: Placement }[] = [];
    for (const item of RESIGNATIONS.slice(0, 2)) {
      const d = before.classify(item, at(18, 9));
      stored.push({ item, placement: d.fate === "attached" ? { event: d.event! } : { group: d.group } });
    }
    const after = await buildNewsroom(story.entities, story.events);
    expect(await restoreAll(after, stored, { now: NOV(18, 10) })).toBe(2);
    expect(after.group("g:r1")!.items).toEqual(["r1", "r2"]);
    const next = after.classify(RESIGNATIONS[2]!, at(18, 12));
    expect(next.group).toBe("g:r1");
  });
});

describe("bad input", () => {
  it("classifies an item with no date, saying so", () => {
    const d = engine().classify({ id: "nodate", title: "OpenAI ousts CEO Sam Altman, says he was not consistently candid", at: null }, at(17, 21));
    expect(d.parts.days).toBeNull();
    expect(d.reason).toMatch(/no date$/);
  });

  it("takes a date far in the future as the time of classifying", () => {
    const now = NOV(17, 22);
    const d = engine().classify({ id: "future", title: "OpenAI ousts CEO Sam Altman, says he was not consistently candid", at: now + 365 * 24 * H }, { now });
    expect(d.parts.days).not.toBeNull();
    expect(d.parts.days!).toBeLessThan(1);
    expect(d.fate).toBe("attached");
  });

  it("classifies a title with no summary", () => {
    const d = engine().classify({ id: "title", title: "Greg Brockman quits OpenAI", at: NOV(18, 1) }, at(18, 1));
    expect(d.event ?? d.group).toBeTruthy();
    expect(["attached", "probable", "suggested"]).toContain(d.fate);
  });

  it("classifies 100 KB of HTML in a summary", () => {
    const html = `<div>${"<p>Sam Altman <b>was fired</b> by the OpenAI board &amp; Mira Murati named interim CEO.</p>".repeat(1200)}</div>`;
    expect(html.length).toBeGreaterThan(100_000);
    const d = engine().classify({ id: "html", title: "OpenAI fires Altman", summary: html, at: NOV(17, 21) }, at(17, 21));
    expect(d.fate).not.toBe("suggested");
    expect(d.event).toBe("altman-fired");
  });

  it("classifies items in no detectable language, or with no text at all", () => {
    const nr = engine();
    const noise = nr.classify({ id: "noise", title: "!!! 12345 ### ???", at: NOV(20) }, at(20));
    expect(noise.lang).toBe("other");
    expect(noise.fate).toBe("suggested");
    const empty = nr.classify({ id: "empty", title: "", summary: null, at: Number.NaN }, at(20));
    expect(empty.fate).toBe("suggested");
    expect(empty.parts.days).toBeNull();
  });

  it("classifies 10,000 items of one feed in slices, letting other work run in between", async () => {
    const nr = engine();
    const items: NewsItem[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk${i}`,
      at: NOV(18) + (i % 500) * 60_000,
      title: `Item ${i}: OpenAI staff update number ${i % 300} on topic ${i % 97}`,
      summary: i % 3 === 0 ? `第${i % 40}号消息：OpenAI员工动态` : null,
    }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const decisions = await classifyAll(nr, items, { now: NOV(19), sliceMs: 4 });
    clearInterval(timer);
    expect(decisions).toHaveLength(10_000);
    expect(new Set(decisions.map((d) => d.item)).size).toBe(10_000);
    expect(ticks).toBeGreaterThan(10);
  });
});
