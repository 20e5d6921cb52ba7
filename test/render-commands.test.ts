import { ComponentType } from "discord.js";
import type { APIButtonComponentWithCustomId, APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import type { EntityMatch, EntityProfile, EntityRef, EventDetail, EventSummary, SearchHit, Story, TimelinePage } from "../db/types.ts";
import { md } from "../src/i18n/index.ts";
import { formatWhen } from "../src/render/format.ts";
import {
  checkMessage,
  entityChoices,
  eventChoices,
  renderError,
  renderEvent,
  renderHelp,
  renderLatest,
  renderNoMatch,
  renderSearch,
  renderStoryList,
  renderTimeline,
  renderWho,
  renderWhoChoices,
  storyColor,
  type Reply,
} from "../src/render/index.ts";

// ---------- fixtures: a slice of the bundled OpenAI story ----------

const story: Story = {
  id: 1,
  slug: "openai-board-crisis-2023",
  language: "zh",
  eventCount: 4,
  title: { en: "OpenAI's board crisis", zh: "OpenAI董事会风波" },
  summary: { en: "In November 2023 OpenAI's board removed CEO Sam Altman.", zh: "2023年11月，OpenAI董事会罢免了CEO萨姆·奥尔特曼。" },
};
const ref = (id: number, key: string, kind: EntityRef["kind"], en: string | null, zh: string | null): EntityRef => ({ id, key, kind, name: { en, zh } });
const sam = ref(1, "sam-altman", "person", "Sam Altman", "萨姆·奥尔特曼");
const ilya = ref(2, "ilya-sutskever", "person", "Ilya Sutskever", "伊利亚·苏茨克维");
const mira = ref(3, "mira-murati", "person", "Mira Murati", "米拉·穆拉蒂");
const board = ref(4, "openai-board", "organization", "OpenAI board of directors", "OpenAI董事会");
const employees = ref(5, "openai-employees", "other", "OpenAI employees", null);
const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

const summary = (
  id: number,
  key: string,
  at: number,
  en: string,
  zh: string | null,
  importance: number,
  entities: EntityRef[],
  precision: "date" | "datetime" = "date",
): EventSummary => ({ id, storyId: 1, key, at, precision, title: { en, zh }, importance, origin: "file", addedAt: at, entities });
const fired = summary(10, "altman-fired", day(2023, 11, 17), "OpenAI's board fires Sam Altman", "OpenAI董事会解雇萨姆·奥尔特曼", 5, [sam, board, mira]);
const regret = summary(11, "ilya-regrets", day(2023, 11, 20), "Ilya Sutskever says he regrets his part", "伊利亚·苏茨克维表示后悔", 3, [ilya]);
const deal = summary(
  12,
  "altman-returns",
  Date.parse("2023-11-21T12:22:00+08:00"),
  "Altman to return as CEO",
  "奥尔特曼将重返CEO职位",
  4,
  [sam, board],
  "datetime",
);
const record = summary(13, "msft-record", day(2023, 11, 16), "Microsoft closes at a record", null, 1, []);

const firedDetail: EventDetail = {
  ...fired,
  updatedAt: 0,
  summary: { en: "OpenAI announced that its board had removed Sam Altman as chief executive.", zh: "OpenAI宣布董事会罢免萨姆·奥尔特曼的CEO职务。" },
  quotes: [
    { by: sam, text: { en: "I loved my time at OpenAI.", zh: "我很珍惜在OpenAI的时光。" } },
    { by: null, text: { en: "We lost confidence.", zh: null } },
  ],
  sources: [
    { name: "OpenAI blog", url: "https://openai.com/blog/openai-announces-leadership-transition" },
    { name: "智药局 (WeChat)", url: null },
  ],
};
const ilyaProfile: EntityProfile = {
  entity: { ...ilya, storyId: 1, aliases: ["ilya"], mentions: 7, role: { en: "OpenAI co-founder and chief scientist", zh: "OpenAI联合创始人、首席科学家" } },
  events: [regret, fired],
  totalEvents: 7,
  quotes: [{ text: { en: "I deeply regret my participation in the board's actions.", zh: "我对自己参与董事会的行动深感遗憾。" }, event: regret }],
  sources: [
    { name: "Ilya Sutskever's post on X", url: "https://x.com/ilyasut/status/1" },
    { name: "The Information", url: null },
  ],
};

// ---------- helpers ----------

function expectValid(reply: Reply): void {
  expect(checkMessage(reply)).toEqual([]);
  for (const e of reply.embeds ?? []) for (const f of e.fields ?? []) expect(f.value.trim()).not.toBe("");
}
function embedOf(reply: Reply): APIEmbed {
  expectValid(reply);
  const e = reply.embeds?.[0];
  if (!e) throw new Error("no embed");
  return e;
}
function textOf(e: APIEmbed): string {
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join("\n");
}
function buttons(reply: Reply): APIButtonComponentWithCustomId[] {
  return (reply.components ?? [])
    .flatMap((r) => r.components)
    .filter((c): c is APIButtonComponentWithCustomId => c.type === ComponentType.Button && "custom_id" in c);
}
const field = (e: APIEmbed, name: string) => e.fields?.find((f) => f.name === name)?.value ?? "";

// ---------- formatting ----------

describe("formatting", () => {
  it("writes a date-precision time as its calendar day and a date-time as a Discord timestamp", () => {
    expect(formatWhen(day(2023, 11, 20), "date", "en")).toBe("Nov 20, 2023");
    expect(formatWhen(day(2023, 11, 20), "date", "zh")).toBe("2023年11月20日");
    expect(formatWhen(Date.UTC(2023, 10, 21, 4, 22), "datetime", "en")).toBe("<t:1700540520:f>");
  });

  it("escapes Markdown that would change how stored text looks, leaving mentions alone", () => {
    expect(md("# Big\n> quoted\n- item\n1. first\n-# small")).toBe("\\# Big\n\\> quoted\n\\- item\n1\\. first\n\\-# small");
    expect(md("a_b *c* ~~d~~ ||e|| `f` [g](h) \\")).toBe("a\\_b \\*c\\* \\~\\~d\\~\\~ \\|\\|e\\|\\| \\`f\\` \\[g\\](h) \\\\");
    expect(md("@everyone <@&123> <t:1:R> 中文 - x")).toBe("@everyone <@&123> <t:1:R> 中文 - x");
  });
});

// ---------- /who ----------

describe("renderWho", () => {
  it("shows the name in both languages, the reader's language first", () => {
    expect(embedOf(renderWho(ilyaProfile, story, "en", { eventLimit: 10 })).title).toBe("Ilya Sutskever · 伊利亚·苏茨克维");
    expect(embedOf(renderWho(ilyaProfile, story, "zh", { eventLimit: 10 })).title).toBe("伊利亚·苏茨克维 · Ilya Sutskever");
  });

  it("shows the kind, the role and how many events mention them", () => {
    const zh = embedOf(renderWho(ilyaProfile, story, "zh", { eventLimit: 10 }));
    expect(zh.description).toContain("**人物** · OpenAI联合创始人、首席科学家");
    expect(zh.description).toContain("共在 7 个事件中出现。");
    expect(embedOf(renderWho(ilyaProfile, story, "en", { eventLimit: 10 })).description).toContain("Mentioned in 7 events.");
  });

  it("lists their events oldest first, with date-precision events as calendar dates", () => {
    const d = embedOf(renderWho(ilyaProfile, story, "en", { eventLimit: 10 })).description ?? "";
    expect(d.indexOf("Nov 17, 2023")).toBeLessThan(d.indexOf("Nov 20, 2023"));
    expect(d).not.toContain("<t:");
    expect(embedOf(renderWho(ilyaProfile, story, "zh", { eventLimit: 10 })).description).toContain("**2023年11月17日** · ❗ OpenAI董事会解雇萨姆·奥尔特曼");
  });

  it("counts the events it leaves out", () => {
    expect(embedOf(renderWho(ilyaProfile, story, "en", { eventLimit: 1 })).description).toContain("…and 6 more");
  });

  it("shows quotes with their event and sources as links", () => {
    const e = embedOf(renderWho(ilyaProfile, story, "en", { eventLimit: 10 }));
    expect(field(e, "Quotes")).toContain("“I deeply regret my participation in the board's actions.”");
    expect(field(e, "Quotes")).toContain("Nov 20, 2023 · Ilya Sutskever says he regrets his part");
    expect(field(e, "Sources")).toBe("[Ilya Sutskever's post on X](https://x.com/ilyasut/status/1)\nThe Information");
  });

  it("offers a Full timeline button with the caller's custom_id only when events are left out", () => {
    const more = renderWho(ilyaProfile, story, "zh", { eventLimit: 10, timelineCustomId: "who:timeline:2" });
    expect(buttons(more).map((b) => [b.label, b.custom_id])).toEqual([["完整时间线", "who:timeline:2"]]);
    const all = renderWho({ ...ilyaProfile, totalEvents: 2 }, story, "en", { eventLimit: 10, timelineCustomId: "x" });
    expect(buttons(all)).toEqual([]);
  });

  it("falls back to the other language when a text is missing", () => {
    const profile = { ...ilyaProfile, entity: { ...ilyaProfile.entity, role: { en: "Chief scientist", zh: null } } };
    expect(embedOf(renderWho(profile, story, "zh", { eventLimit: 10 })).description).toContain("Chief scientist");
  });

  it("counts the events when none are listed", () => {
    expect(embedOf(renderWho({ ...ilyaProfile, events: [] }, story, "en", { eventLimit: 0 })).description).toContain("…and 7 more");
  });

  it("has no quote or source fields when there are none, and says when no events mention them", () => {
    const e = embedOf(renderWho({ ...ilyaProfile, events: [], totalEvents: 0, quotes: [], sources: [] }, story, "en", { eventLimit: 5 }));
    expect(e.fields).toEqual([]);
    expect(e.description).toContain("No events mention them yet.");
  });

  it("uses the story's colour and its title as footer", () => {
    const e = embedOf(renderWho(ilyaProfile, story, "zh", { eventLimit: 5 }));
    expect(e.color).toBe(storyColor(story.slug));
    expect(e.footer?.text).toBe("OpenAI董事会风波");
  });
});

describe("renderWhoChoices", () => {
  const match = (entity: EntityRef): EntityMatch => ({ entity, mentions: 3, rank: "prefix", matched: "x" });

  it("offers one button per match with the caller's custom_ids", () => {
    const r = renderWhoChoices([match(sam), match(mira)], story, "zh", (id) => `who:pick:${id}`);
    expectValid(r);
    expect(buttons(r).map((b) => [b.label, b.custom_id])).toEqual([
      ["萨姆·奥尔特曼 · Sam Altman (人物)", "who:pick:1"],
      ["米拉·穆拉蒂 · Mira Murati (人物)", "who:pick:3"],
    ]);
  });

  it("offers at most five and says how many more there are", () => {
    const many = Array.from({ length: 8 }, (_, i) => match(ref(100 + i, `p${i}`, "person", `Person ${i}`, null)));
    const r = renderWhoChoices(many, story, "en", (id) => `who:pick:${id}`);
    expectValid(r);
    expect(buttons(r)).toHaveLength(5);
    expect(r.content).toContain("…and 3 more");
  });
});

describe("renderNoMatch", () => {
  it("names what was typed and the story, suggests the closest names, and is ephemeral", () => {
    const r = renderNoMatch("ilia", story, [ilya, sam], "en");
    expectValid(r);
    expect(r.ephemeral).toBe(true);
    expect(r.content).toContain("“ilia”");
    expect(r.content).toContain("OpenAI's board crisis");
    expect(r.content).toContain("**Ilya Sutskever · 伊利亚·苏茨克维**");
    expect(r.content).toContain("/search");
  });

  it("escapes Markdown in what was typed", () => {
    expect(renderNoMatch("**x**", story, [], "zh").content).toContain("\\*\\*x\\*\\*");
  });
});

// ---------- /latest, /event, /timeline ----------

describe("renderLatest", () => {
  it("lists events newest first with date, title and people", () => {
    const d = embedOf(renderLatest([record, fired, deal, regret], story, "en")).description ?? "";
    const order = ["Altman to return", "Ilya Sutskever says", "OpenAI's board fires", "Microsoft closes"].map((s) => d.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(d).toContain("**Nov 17, 2023** · ❗ OpenAI's board fires Sam Altman — *Sam Altman, Mira Murati, OpenAI board of directors*");
  });

  it("marks only events of importance 4 or more, and explains the marker", () => {
    const lines = (embedOf(renderLatest([fired, deal, regret, record], story, "en")).description ?? "").split("\n");
    expect(lines.filter((l) => l.includes(" · ❗ "))).toHaveLength(2);
    expect(lines.find((l) => l.includes("Ilya Sutskever says"))).not.toContain("❗");
    expect(lines.at(-1)).toBe("❗ = major development");
  });

  it("shows a date-time event as a Discord timestamp and a date event as a date, never a midnight time", () => {
    const d = embedOf(renderLatest([fired, deal], story, "zh")).description ?? "";
    expect(d).toContain(`<t:${Math.floor(deal.at / 1000)}:f>`);
    expect(d).toContain("**2023年11月17日**");
    expect(d).not.toContain(`<t:${Math.floor(fired.at / 1000)}`);
  });

  it("uses Chinese names for zh and falls back to English titles", () => {
    const d = embedOf(renderLatest([fired, record], story, "zh")).description ?? "";
    expect(d).toContain("萨姆·奥尔特曼、米拉·穆拉蒂、OpenAI董事会");
    expect(d).toContain("Microsoft closes at a record");
  });

  it("says when there is nothing yet", () => {
    expect(embedOf(renderLatest([], story, "zh")).description).toBe("暂无事件。");
  });
});

describe("renderEvent", () => {
  it("shows title with marker, date, summary, people and organisations", () => {
    const e = embedOf(renderEvent(firedDetail, story, "en"));
    expect(e.title).toBe("❗ OpenAI's board fires Sam Altman");
    expect(field(e, "When")).toBe("Nov 17, 2023");
    expect(e.description).toBe("OpenAI announced that its board had removed Sam Altman as chief executive.");
    expect(field(e, "People")).toBe("Sam Altman, Mira Murati");
    expect(field(e, "Organizations")).toBe("OpenAI board of directors");
  });

  it("shows quotes with who said them, and every source, linked when it has a URL", () => {
    const e = embedOf(renderEvent(firedDetail, story, "zh"));
    expect(field(e, "引述")).toContain("“我很珍惜在OpenAI的时光。”\n— **萨姆·奥尔特曼**");
    expect(field(e, "引述")).toContain("“We lost confidence.”\n— **未具名**");
    expect(field(e, "来源")).toBe("[OpenAI blog](https://openai.com/blog/openai-announces-leadership-transition)\n智药局 (WeChat)");
  });

  it("shows a date-time event as an absolute and a relative timestamp", () => {
    const e = embedOf(renderEvent({ ...firedDetail, at: deal.at, precision: "datetime" }, story, "en"));
    const s = Math.floor(deal.at / 1000);
    expect(field(e, "When")).toBe(`<t:${s}:f> (<t:${s}:R>)`);
  });

  it("lists other kinds of entity separately and falls back to the other language", () => {
    const e = embedOf(renderEvent({ ...firedDetail, entities: [employees], summary: { en: "Staff revolt.", zh: null } }, story, "zh"));
    expect(field(e, "其他相关")).toBe("OpenAI employees");
    expect(e.description).toBe("Staff revolt.");
    expect(e.fields?.map((f) => f.name)).not.toContain("人物");
  });

  it("leaves out empty sections rather than sending empty fields", () => {
    const e = embedOf(renderEvent({ ...firedDetail, entities: [], quotes: [], sources: [], importance: 2 }, story, "en"));
    expect(e.fields?.map((f) => f.name)).toEqual(["When"]);
    expect(e.title).toBe("OpenAI's board fires Sam Altman");
  });

  it("escapes Markdown in stored texts and keeps brackets out of link names", () => {
    const e = embedOf(
      renderEvent(
        { ...firedDetail, title: { en: "*Board* _fires_ `Altman`", zh: null }, sources: [{ name: "A [b] c", url: "https://e.com/a_(b)" }] },
        story,
        "en",
      ),
    );
    expect(e.title).toBe("❗ \\*Board\\* \\_fires\\_ \\`Altman\\`");
    expect(field(e, "Sources")).toBe("[A \\[b\\] c](https://e.com/a_%28b%29)");
  });

  it("does not link a source whose URL is not http(s)", () => {
    const e = embedOf(renderEvent({ ...firedDetail, sources: [{ name: "Bad", url: "javascript:alert(1)" }] }, story, "en"));
    expect(field(e, "Sources")).toBe("Bad");
  });
});

describe("renderTimeline", () => {
  const page = (n: number, pageCount: number): TimelinePage => ({ events: [record, fired, regret], page: n, pageCount, total: 3 * pageCount });

  it("shows the page indicator and disables Previous on the first page", () => {
    const r = renderTimeline(page(0, 3), story, "en", { prevId: null, nextId: "tl:next" });
    expect(embedOf(r).description).toContain("*Page 1 of 3 · 9 events*");
    expect(buttons(r).map((b) => [b.label, b.custom_id, b.disabled])).toEqual([
      ["◀ Previous", "noop:prev", true],
      ["Next ▶", "tl:next", false],
    ]);
  });

  it("disables Next on the last page and enables both in the middle", () => {
    expect(buttons(renderTimeline(page(2, 3), story, "zh", { prevId: "p", nextId: null })).map((b) => b.disabled)).toEqual([false, true]);
    expect(buttons(renderTimeline(page(1, 3), story, "zh", { prevId: "p", nextId: "n" })).map((b) => [b.custom_id, b.disabled])).toEqual([
      ["p", false],
      ["n", false],
    ]);
  });

  it("has no buttons for a single page", () => {
    expect(renderTimeline(page(0, 1), story, "en", { prevId: null, nextId: null }).components).toEqual([]);
  });

  it("keeps the events in the page's order and names the filter", () => {
    const e = embedOf(renderTimeline(page(0, 1), story, "zh", { filterLabel: "萨姆·奥尔特曼", prevId: null, nextId: null }));
    expect(e.title).toBe("时间线 · 萨姆·奥尔特曼");
    const d = e.description ?? "";
    expect(d.indexOf("2023年11月16日")).toBeLessThan(d.indexOf("2023年11月17日"));
    expect(d).toContain("第 1 / 1 页");
  });

  it("says when a filter leaves nothing", () => {
    const e = embedOf(renderTimeline({ events: [], page: 0, pageCount: 0, total: 0 }, story, "en", { filterLabel: "Nov 1–2", prevId: null, nextId: null }));
    expect(e.description).toContain("No events for Nov 1–2.");
  });
});

// ---------- /search ----------

describe("renderSearch", () => {
  const hit = (event: EventSummary, summaryText: { en: string | null; zh: string | null }, quotes: SearchHit["quotes"] = []): SearchHit => ({
    event,
    summary: summaryText,
    quotes,
  });
  const long =
    "The board said it no longer had confidence in his ability to continue leading OpenAI, after a review found that Sam Altman was not consistently candid in his communications with the board, hindering its ability to exercise its responsibilities.";

  it("lists hits newest first with date and title, and says how many there are", () => {
    const d =
      embedOf(
        renderSearch("board", { hits: [hit(fired, { en: "The board acted.", zh: null }), hit(deal, { en: "A new board.", zh: null })], total: 5 }, story, "en"),
      ).description ?? "";
    expect(d.indexOf("Altman to return")).toBeLessThan(d.indexOf("OpenAI's board fires"));
    expect(d).toContain("Newest 2 of 5 matches.");
  });

  it("bolds the first matching term whatever its case, in a short snippet around it", () => {
    const d = embedOf(renderSearch("CANDID", { hits: [hit(fired, { en: long, zh: null })], total: 1 }, story, "en")).description ?? "";
    const line = d.split("\n").find((l) => l.startsWith("> ")) ?? "";
    expect(line).toContain("**candid**");
    expect(line.startsWith("> …")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBeLessThanOrEqual(130);
  });

  it("finds Chinese terms as substrings and bolds them", () => {
    const d =
      embedOf(
        renderSearch(
          "奥尔特曼",
          { hits: [hit(fired, { en: long, zh: "OpenAI宣布董事会罢免萨姆·奥尔特曼的CEO职务，称其沟通时不够坦诚。" })], total: 1 },
          story,
          "zh",
        ),
      ).description ?? "";
    expect(d).toContain("> OpenAI宣布董事会罢免萨姆·**奥尔特曼**的CEO职务，称其沟通时不够坦诚。");
  });

  it("takes the snippet from a quote or the title when the summary does not have the term", () => {
    const fromQuote = embedOf(
      renderSearch("loved", { hits: [hit(fired, { en: "Nothing here.", zh: null }, [{ en: "I loved my time.", zh: null }])], total: 1 }, story, "en"),
    );
    expect(fromQuote.description).toContain("> I **loved** my time.");
    const fromTitle = embedOf(renderSearch("fires", { hits: [hit(fired, { en: "Nothing here.", zh: null })], total: 1 }, story, "en"));
    expect(fromTitle.description).toContain("> OpenAI's board **fires** Sam Altman");
  });

  it("with no hits, says so for the story and suggests /who or another spelling, ephemerally", () => {
    for (const lang of ["en", "zh"] as const) {
      const r = renderSearch("sutskevr", { hits: [], total: 0 }, story, lang);
      expectValid(r);
      expect(r.ephemeral).toBe(true);
      expect(r.content).toContain("sutskevr");
      expect(r.content).toContain("/who");
    }
  });
});

// ---------- /story list, /help, errors, autocomplete ----------

describe("renderStoryList", () => {
  const other: Story = { ...story, id: 2, slug: "other-story", title: { en: "Another story", zh: null }, summary: { en: null, zh: null }, eventCount: 1 };

  it("lists every story and marks the one this server follows", () => {
    const d = embedOf(renderStoryList([story, other], "openai-board-crisis-2023", "en")).description ?? "";
    expect(d).toContain("**OpenAI's board crisis**\n`openai-board-crisis-2023` · 4 events · ✅ *followed here*");
    expect(d).toContain("**Another story**\n`other-story` · 1 event\n");
    expect(d).toContain("/story use");
  });

  it("writes Chinese for zh and uses the English title when there is no Chinese one", () => {
    const d = embedOf(renderStoryList([story, other], null, "zh")).description ?? "";
    expect(d).toContain("**OpenAI董事会风波**");
    expect(d).toContain("**Another story**");
    expect(d).not.toContain("✅");
  });
});

describe("renderHelp", () => {
  it("explains Storyline, names the story this server follows and lists every command", () => {
    const e = embedOf(renderHelp(story, "en"));
    const text = textOf(e);
    expect(e.description).toContain("follows a developing news story, in English and Chinese");
    expect(e.description).toContain("This server follows **OpenAI's board crisis**.");
    for (const c of [
      "/help",
      "/who",
      "/latest",
      "/event",
      "/timeline",
      "/search",
      "/story list",
      "/story use",
      "/recap now",
      "/recap schedule",
      "/recap off",
      "/recap status",
      "/editor add",
      "/editor edit",
      "/editor remove",
      "/editor history",
      "/feed add",
      "/feed list",
      "/feed remove",
      "/review",
    ]) {
      expect(text).toContain(`\`${c}\` — `);
    }
  });

  it("says how to pick a story when the server has none, in Chinese for zh", () => {
    const e = embedOf(renderHelp(null, "zh"));
    expect(e.description).toContain("本服务器尚未选择要追踪的新闻");
    expect(textOf(e)).toContain("`/who` — 查看人物或机构及其在新闻中的角色");
  });
});

describe("renderError", () => {
  it("gives the error id in the generic error, ephemerally", () => {
    const r = renderError("generic", "en", { errorId: "k3x9" });
    expectValid(r);
    expect(r).toEqual({ content: "⚠️ Something went wrong on our side (error id k3x9). Please try again.", ephemeral: true });
  });

  it("names the expected date format and covers the notices without parameters", () => {
    expect(renderError("badDate", "zh", { value: "11/20" }).content).toContain("YYYY-MM-DD");
    expect(renderError("expired", "en").content).toContain("This button has expired or is not valid any more");
    expect(renderError("needManageGuild", "en").content).toContain("Manage Server");
    expect(renderError("guildOnly", "zh").content).toContain("此命令只能在服务器中使用");
    expect(renderError("storyNotFound", "en", { slug: "nope" }).content).toContain("“nope”");
  });
});

describe("autocomplete choices", () => {
  it("names entities in both languages with their kind", () => {
    expect(entityChoices([sam, board], "zh", (e) => e.key)).toEqual([
      { name: "萨姆·奥尔特曼 · Sam Altman (人物)", value: "sam-altman" },
      { name: "OpenAI董事会 · OpenAI board of directors (机构)", value: "openai-board" },
    ]);
  });

  it("names events by their day and title, valued by id", () => {
    expect(eventChoices([fired], "en")).toEqual([{ name: "Nov 17, 2023 · OpenAI's board fires Sam Altman", value: "10" }]);
  });
});
