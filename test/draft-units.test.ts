import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { StoryInput } from "../db/types.ts";
import type { Paragraph } from "../src/draft/analyze.ts";
import { readArticleParts } from "../src/draft/article.ts";
import { findDates } from "../src/draft/dates.ts";
import { type Entity, EntityBook } from "../src/draft/entities.ts";
import { type EventGroup, groupEvents } from "../src/draft/events.ts";
import { type Fact, recovery } from "../src/draft/facts.ts";
import { detectLanguage } from "../src/draft/language.ts";
import { dottedNames, latinNames } from "../src/draft/names.ts";
import { quotesIn } from "../src/draft/quotes.ts";
import { readArticleFile } from "../src/draft/read.ts";
import { sourcesIn } from "../src/draft/sources.ts";
import { sentencesOf, titleFrom } from "../src/draft/text.ts";
import { attributionsIn } from "../src/draft/zh-words.ts";
import { tempDir } from "./helpers/tmp.ts";

const tmp = tempDir("storyline-draft-units-");
afterAll(() => tmp.cleanup());

const at = (text: string, lang: "zh" | "en", ref: string) => findDates(text, lang, ref).dates.map((d) => [d.text, d.at]);

describe("dates, resolved against the article's date", () => {
  it("reads chrono's Chinese forms and ours: 11月20日, 20日, 周一, 上周五, 周一晚上, 周末", () => {
    const ref = "2023-11-21"; // a Tuesday
    expect(at("11月20日,据纽约时报报道", "zh", ref)).toEqual([["11月20日", "2023-11-20"]]);
    expect(at("20日,据连线杂志报道", "zh", ref)).toEqual([["20日", "2023-11-20"]]);
    expect(at("周一,微软的股价收复了失地", "zh", ref)).toEqual([["周一", "2023-11-20"]]);
    expect(at("打破了周四创下的纪录", "zh", ref)).toEqual([["周四", "2023-11-16"]]); // the latest Thursday, not the next
    expect(at("上周五宣布", "zh", ref)).toEqual([["上周五", "2023-11-17"]]);
    expect(at("截至周一晚上", "zh", ref)).toEqual([["周一晚上", "2023-11-20"]]);
    expect(at("25日,公司宣布", "zh", ref)).toEqual([["25日", "2023-10-25"]]); // later than the 21st: last month
    const weekend = findDates("周末有超过 100 名客户", "zh", ref).dates[0]!;
    expect([weekend.at, weekend.approximate]).toEqual(["2023-11-18", "the weekend of 2023-11-18 and 2023-11-19"]);
  });

  it("reads English: Monday, late Tuesday night, last week, a time with its zone", () => {
    const ref = "2024-03-06"; // a Wednesday
    expect(at("On Monday, the board met", "en", ref)).toEqual([["On Monday", "2024-03-04"]]);
    expect(at("late Tuesday night", "en", ref)).toEqual([["Tuesday night", "2024-03-05"]]);
    expect(at("Friday", "en", ref)).toEqual([["Friday", "2024-03-01"]]);
    expect(at("next Monday", "en", ref)).toEqual([["next Monday", "2024-03-11"]]);
    expect(at("at 3 p.m. ET on Monday", "en", ref)).toEqual([["at 3 p.m. ET on Monday", "2024-03-04T15:00:00-05:00"]]);
    expect(findDates("last week", "en", ref).dates[0]!.approximate).toBe("some day in the week of 2024-02-26 to 2024-03-03");
  });

  it("dates nothing by a year or a month alone, nor by a part of the day", () => {
    expect(findDates("早在 2019 年,Altman", "zh", "2023-11-21")).toEqual({ dates: [], coarse: [{ index: 3, text: "2019 年", precision: "year" }] });
    expect(findDates("The bridge opened in 1968.", "en", "2024-03-06").coarse.map((c) => c.precision)).toEqual(["year"]);
    expect(findDates("in March", "en", "2024-03-06").coarse.map((c) => c.precision)).toEqual(["month"]);
    expect(at("12日下午", "zh", "2023-11-21")).toEqual([["12日下午", "2023-11-12"]]);
  });
});

describe("reading the article", () => {
  it("tells Chinese from English, and refuses other languages and too little text", () => {
    expect(detectLanguage("OpenAI的770名员工签署联名信，逼迫董事会集体辞职，召回Sam Altman，否则离职。")).toBe("zh");
    expect(detectLanguage("Harbor City shut the Eastgate Bridge to all traffic late Tuesday night after inspectors found cracks.")).toBe("en");
    expect(() => detectLanguage("Die Stadt hat die alte Brücke am Dienstagabend gesperrt, nachdem Prüfer Risse gefunden hatten.")).toThrow(
      /language other than English or Chinese/,
    );
    expect(() => detectLanguage("Город закрыл старый мост во вторник вечером после того, как инспекторы нашли трещины.")).toThrow(/Cyrillic-script/);
    expect(() => detectLanguage("Hello there.")).toThrow(/too little text/);
  });

  it("refuses white space, unknown encodings, Japanese and a page without text, each with its reason", () => {
    const file = (name: string, content: string | Buffer) => {
      const path = join(tmp.dir, name);
      writeFileSync(path, content);
      return path;
    };
    expect(() => readArticleFile(file("blank.txt", " \n\t\n　\n"))).toThrow(/blank\.txt is empty \(only white space\)/);
    expect(() => readArticleFile(file("odd.txt", Buffer.from([0x41, 0xff, 0xfe, 0xfd, 0x81, 0x20, 0xff, 0x30, 0x41])))).toThrow(/not text in UTF-8 or GB18030/);
    expect(() =>
      detectLanguage(
        "市は火曜日の夜、検査官が鉄骨の支柱二本にひび割れを見つけたため、古い橋を全面的に通行止めにした。住民はここ数週間、橋から大きな音がすると訴えていた。",
      ),
    ).toThrow(/looks Japanese; only Chinese and English articles can be drafted/);
    const page = readArticleFile(file("empty.html", "<html><body><nav><a href='/'>·</a></nav></body></html>"));
    expect(() => readArticleParts(page, "2024-03-06")).toThrow(/empty\.html has no article text/);
  });

  it("decodes UTF-16 with a byte-order mark and GB18030, as well as UTF-8", () => {
    const wide = join(tmp.dir, "wide.txt");
    writeFileSync(wide, Buffer.from("\ufeffHarbor City shut the bridge.", "utf16le"));
    expect(readArticleFile(wide).body).toBe("Harbor City shut the bridge.");
    const gbk = join(tmp.dir, "gbk.txt");
    writeFileSync(gbk, Buffer.from([0xce, 0xa2, 0xc8, 0xed, 0xb1, 0xed, 0xca, 0xbe])); // 微软表示 in GBK
    expect(readArticleFile(gbk).body).toBe("微软表示");
  });

  it("takes the headline, the dateline's date and publisher, and lets --date win", () => {
    const raw = {
      body: "旗下微信矩阵:\n\n标题在这里\n\n2023-11-21 12:22 · 微信公众号:智药局\n\n微软表示：会为所有离职员工安排职位，这一消息让整个行业为之震动，许多人开始重新考虑自己的去向。",
      html: false,
      origin: "a.txt",
      url: null,
    };
    const parts = readArticleParts(raw, null);
    expect([parts.title, parts.publisher, parts.date]).toEqual(["标题在这里", "智药局", { day: "2023-11-21", at: null, from: "dateline" }]);
    expect(parts.paragraphs).toHaveLength(1);
    expect(readArticleParts(raw, "2023-11-22").date.day).toBe("2023-11-22");
  });

  it("refuses a text too long to be one article", () => {
    const many = {
      body: `Harbor City closes its bridge\n\nMarch 6, 2024\n\n${"The council met and the mayor spoke about the bridge again.\n".repeat(2001)}`,
      html: false,
      origin: "many.txt",
      url: null,
    };
    expect(() => readArticleParts(many, null)).toThrow(/many\.txt is too long for one article \(200\d paragraphs/);
  });

  it("splits sentences without cutting quotations or abbreviations", () => {
    expect(sentencesOf('Mr. Chen said the bridge stays shut "until it is safe." About 41,000 cars use it. "We will run ferries," he said.', "en")).toEqual([
      'Mr. Chen said the bridge stays shut "until it is safe."',
      "About 41,000 cars use it.",
      '"We will run ferries," he said.',
    ]);
    expect(sentencesOf("他在推特上发表：“我深感遗憾。我从未想伤害公司。”简单来说就是后悔。", "zh")).toEqual([
      "他在推特上发表：“我深感遗憾。我从未想伤害公司。”",
      "简单来说就是后悔。",
    ]);
  });

  it("makes titles without the date and the attribution that open the sentence", () => {
    expect(titleFrom("20日,据连线杂志报道,OpenAI的770名员工签署联名信。", "20日", 60)).toBe("OpenAI的770名员工签署联名信");
    expect(titleFrom("Over the weekend, residents had complained, Reuters reported.", "weekend", 120)).toBe("Residents had complained, Reuters reported");
  });
});

describe("names, speakers and reports", () => {
  it("finds Latin-script names without sentence openers, titles or lone acronyms", () => {
    expect(latinNames("On Monday, Mr. Altman told Bloomberg TV that The Information and LLM makers").map((n) => [n.name, n.kind])).toEqual([
      ["Altman", "person"],
      ["Bloomberg TV", "organization"],
      ["The Information", "organization"],
    ]);
    expect(latinNames("Sam Altman回宫谈判失败").map((n) => n.name)).toEqual(["Sam Altman"]);
    expect(dottedNames("达里奥·阿莫代伊和丹妮拉·阿莫代伊创立了公司，解除萨姆·奥尔特曼的职务").map((n) => n.name)).toEqual([
      "达里奥·阿莫代伊",
      "丹妮拉·阿莫代伊",
      "萨姆·奥尔特曼",
    ]);
  });

  it("finds who speaks next to 表示, 称, 回复 — and refuses pronouns and generic words", () => {
    const who = (s: string) => attributionsIn(s).map((a) => a.subject);
    expect(who("微软表示:会为所有OpenAI离职员工安排职位")).toEqual(["微软"]);
    expect(who("周一，微软首席执行官纳德拉接受彭博电视采访时称，微软会合作")).toEqual(["纳德拉"]);
    expect(who("马斯克更是不嫌事大,在该推下面回复:你为何采取如此激烈的行动?")).toEqual(["马斯克"]);
    expect(who("Ilya Sutskever在推特上发表:“我很后悔”")).toEqual(["Ilya Sutskever"]);
    expect(who("简单来说就是,当事人表示很后悔。")).toEqual([]);
    expect(who("据知情人士透露,许多客户在考虑")).toEqual([]);
  });

  it("takes speech, not scare quotes, with its speaker; 'he said' is the last person named", () => {
    const zh = "OpenAI明确表示，其使命是创造“安全且有益”的人工智能。加拿大*银行的分析师在报告中写道:“虽然周末的事件令人担忧，但微软处于更有利的地位。”";
    expect(quotesIn(zh, sentencesOf(zh, "zh"), "zh", null)).toEqual([
      { text: "虽然周末的事件令人担忧，但微软处于更有利的地位。", speaker: "加拿大*银行", group: false },
    ]);
    const en = 'On Monday, Tom Okafor told Bloomberg TV that ferries would run. "We can move 6,000 more people a day," he said.';
    expect(quotesIn(en, sentencesOf(en, "en"), "en", null)).toEqual([{ text: "We can move 6,000 more people a day", speaker: "Tom Okafor", group: false }]);
  });

  it("finds the reports an article cites", () => {
    expect(sourcesIn("20日,据连线杂志报道,OpenAI的770名员工", "zh")).toEqual([{ name: "连线杂志", outlet: true }]);
    expect(sourcesIn("据《纽约时报》报道，Satya Nadella 接受 Bloomberg TV 采访，据知情人士透露", "zh").map((s) => s.name)).toEqual([
      "纽约时报",
      "Bloomberg TV",
      "知情人士",
    ]);
    expect(sourcesIn("according to The Information, Nadella told Bloomberg TV; Reuters reported it", "en").map((s) => s.name)).toEqual([
      "The Information",
      "Bloomberg TV",
      "Reuters",
    ]);
  });

  it("merges a name's parts into it, leaves an ambiguous part out, and knows the story's names", () => {
    const ilya: Entity = {
      id: "ilya-sutskever",
      kind: "person",
      name: { en: "Ilya Sutskever", zh: "伊利亚·苏茨克维" },
      aliases: ["ilya"],
      role: { en: null, zh: null },
      sentence: null,
      kindGuessed: false,
    };
    const book = new EntityBook([ilya]);
    const c = (name: string, kind: Entity["kind"] | null = null) => ({ name, kind, sentence: `${name} said` });
    const added = book.addCandidates([
      c("Sam Altman", "person"),
      c("Altman"),
      c("Dario Amodei", "person"),
      c("Daniela Amodei", "person"),
      c("Amodei"),
      c("Ilya"),
      c("伊利亚·苏茨克维"),
    ]);
    expect(added.map((e) => [e.id, e.aliases])).toEqual([
      ["sam-altman", ["Altman"]],
      ["dario-amodei", []],
      ["daniela-amodei", []],
    ]);
    expect(book.find("伊利亚苏茨克维")?.id).toBe("ilya-sutskever");
    expect(book.mentioned("Altman met Ilya").map((e) => e.id)).toEqual(["sam-altman", "ilya-sutskever"]);
  });
});

describe("events from paragraphs", () => {
  const p = (text: string, section: number, more: Partial<Paragraph> = {}): Paragraph => ({
    text,
    section,
    sentences: [text],
    date: null,
    coarse: null,
    quotes: [],
    sources: [],
    speakers: [],
    question: false,
    ...more,
  });
  const date = (text: string, iso: string) => ({ index: 0, text, at: iso, approximate: null });
  const article: EventGroup = { paragraphs: [], date: date("2023-11-21", "2023-11-21"), carriedFrom: null, section: 0, article: true };

  it("dates a development without a date like the one before it, within its section and not past a year alone", () => {
    const g = groupEvents(
      [
        p("20日，员工签署联名信。", 1, { date: date("20日", "2023-11-20") }),
        p("微软表示：会安排职位", 1, { speakers: ["微软"] }),
        p("有趣的是，名单很长。", 1),
        p("谁会赢？", 1, { question: true }),
        p("马斯克回复：为什么", 2, { speakers: ["马斯克"] }),
        p("早在2019年，公司设立了部门。", 2, { coarse: { index: 2, text: "2019年", precision: "year" } }),
        p("OpenAI表示，使命不变。", 2, { speakers: ["OpenAI"] }),
      ],
      { ...article, paragraphs: [] },
    );
    expect(g.events.map((e) => [e.paragraphs.map((x) => x.text), e.date.at, e.carriedFrom])).toEqual([
      [[], "2023-11-21", null],
      [["20日，员工签署联名信。"], "2023-11-20", null],
      [["微软表示：会安排职位", "有趣的是，名单很长。"], "2023-11-20", "20日"],
    ]);
    expect(g.undated.map((x) => x.text)).toEqual(["马斯克回复：为什么", "早在2019年，公司设立了部门。", "OpenAI表示，使命不变。"]);
    expect(g.skipped).toBe(1);
  });
});

describe("the facts measure", () => {
  const story: StoryInput = {
    slug: "s",
    title: { en: "S", zh: null },
    summary: { en: null, zh: null },
    language: "zh",
    entities: [{ key: "ilya", kind: "person", name: { en: "Ilya Sutskever", zh: null }, role: { en: null, zh: null }, aliases: [] }],
    events: [
      {
        key: "e",
        at: Date.UTC(2023, 10, 20, 12),
        precision: "date",
        title: { en: null, zh: "770名员工签署联名信" },
        summary: { en: null, zh: null },
        importance: 3,
        entityKeys: ["ilya"],
        quotes: [{ byKey: "ilya", text: { en: null, zh: "我对此深感遗憾。" } }],
        sources: [{ name: "连线杂志", url: null }],
      },
    ],
  };
  it("checks each kind of fact against the draft as the importer reads it", () => {
    const f = (fact: Omit<Fact, "fact" | "any" | "by"> & Partial<Fact>): Fact => ({ fact: JSON.stringify(fact), any: [], by: [], ...fact });
    const facts = [
      f({ kind: "event", at: "2023-11-20", any: ["770"] }),
      f({ kind: "event", at: "2023-11-21", any: ["770"] }),
      f({ kind: "quote", any: ["深感遗憾"], by: ["Ilya Sutskever"] }),
      f({ kind: "quote", any: ["深感遗憾"], by: ["Elon Musk"] }),
      f({ kind: "source", any: ["连线"] }),
      f({ kind: "name", any: ["Sutskever"] }),
      f({ kind: "text", any: ["95%"] }),
    ];
    const r = recovery(story, facts);
    expect([r.found, r.total]).toEqual([4, 7]);
    expect(r.missed.map((m) => JSON.parse(m).kind)).toEqual(["event", "quote", "text"]);
  });
});
