/**
 * Names a report gives that are not people or organisations of the story: Latin-script
 * sequences of two to four capitalised words ("Helen Toner", "Thrive Capital"), Chinese
 * renderings of foreign names written with a middle dot ("海伦·托纳"), and Chinese names right
 * before an attribution word ("王晓明表示"). Listed for a development when two of its reports
 * give them (groups.ts); single names are also anchors between reports (features.ts).
 */
import { normalizeName } from "../../db/names.ts";
import type { EntityMatcher } from "./entities.ts";
import { conceptOf } from "./glossary.ts";
import { stem } from "./stem.ts";
import { EN_STOP } from "./stopwords.ts";

const CAPITALISED = /[A-Z][a-zA-Z\u00C0-\u024F'’-]*(?:\s+(?:[A-Z][a-zA-Z\u00C0-\u024F'’-]*|[A-Z]\.))+/gu;
/** Capitalised words that are not names: titles, days, months, sentence openers. */
const NOT_NAMES = new Set(
  `chief executive officer former president chairman chair interim acting ceo cto cfo coo co-founder founder board director
monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november
december breaking exclusive update live analysis opinion ai inc corp ltd llc plc us uk eu x news report`.split(/\s+/),
);
/** Characters Chinese uses to write foreign names (阿尔特曼, 托纳): a dotted name is made of these. */
const TRANSLIT =
  "阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕波伯博布察查达戴丹道德登邓迪蒂丁东杜多厄恩尔法凡菲费芬丰弗伏福夫盖甘高戈格贡古瓜哈海汉豪赫亨胡华怀霍基吉加贾杰金卡凯坎康柯科克肯孔库夸奎拉莱赖兰朗劳勒雷蕾里理利莉丽连林琳卢鲁路伦罗洛吕马玛迈麦曼梅美门蒙米明莫姆穆纳娜奈南内尼妮宁纽努诺欧帕潘佩彭皮珀普奇齐乔切钦琼丘萨塞桑瑟森沙莎尚绍舍申施什史舒斯松苏索塔泰坦汤唐特提汀廷图托瓦万威韦维温沃乌西希悉谢辛休雅亚扬耶伊因英尤约泽扎詹珍兹茨卓佐";
const DOTTED = new RegExp(`[${TRANSLIT}]{1,5}·[${TRANSLIT}]{1,6}`, "gu");
const ZH_SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const HAN_ONLY = /^\p{Script=Han}+$/u;
const ATTRIBUTION = new Set(["表示", "称", "说", "认为", "透露", "指出", "宣布", "强调", "坦言", "回应", "证实", "写道"]);

/** A word that is no part of a name: a stop word, a title, a day. */
function ordinary(word: string): boolean {
  const w = word.toLowerCase();
  return EN_STOP.has(w) || NOT_NAMES.has(w);
}

/** A capitalised first word that is likelier a sentence opener ("Investors Thrive Capital"). */
const opener = (word: string): boolean => conceptOf(stem(word.toLowerCase())) !== undefined;

/** Latin-script names: capitalised runs, ordinary words trimmed, story names taken out. */
function latinNames(text: string, story: EntityMatcher): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CAPITALISED)) {
    let run: string[] = [];
    const flush = (): void => {
      if (run.length >= 2 && run.length <= 4) out.push(run.join(" "));
      run = [];
    };
    for (const raw of m[0].split(/\s+/)) {
      const word = raw.replace(/['’]s$/, "");
      if (ordinary(word) || story.names(word) || (run.length === 0 && opener(word))) flush();
      else run.push(word);
    }
    flush();
  }
  // A run can still be a story name as a whole whose words are not names alone ("Open AI").
  return out.filter((n) => !story.names(n));
}

/** Chinese names before an attribution word (in the text's words), when the first character is a common surname. */
function chineseNames(text: string, words: readonly string[], story: EntityMatcher): string[] {
  const out: string[] = [];
  for (let i = 1; i < words.length; i++) {
    if (!ATTRIBUTION.has(words[i]!)) continue;
    const prev = words[i - 1]!;
    const two = i >= 2 ? words[i - 2]! + prev : "";
    const name = [two, prev].find((w) => w.length >= 2 && w.length <= 3 && HAN_ONLY.test(w) && ZH_SURNAMES.includes(w[0]!));
    if (name && !story.names(name)) out.push(name);
  }
  for (const m of text.matchAll(DOTTED)) if (!story.names(m[0])) out.push(m[0]);
  return out;
}

/** New names in a raw (NFKC) text whose words (tokens.ts) are given, each once, as written. */
export function newNames(text: string, words: readonly string[], story: EntityMatcher): string[] {
  const seen = new Map<string, string>();
  for (const n of [...latinNames(text, story), ...chineseNames(text, words, story)]) {
    const k = normalizeName(n);
    if (k && !seen.has(k)) seen.set(k, n);
  }
  return [...seen.values()];
}
