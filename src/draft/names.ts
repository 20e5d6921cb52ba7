/**
 * Proper names written in a sentence: Latin-script names (runs of capitalised words, with
 * the words that only start a sentence or give a title taken off), and Chinese
 * transliterations written with a middle dot (`伊利亚·苏茨克维`). Chinese names without a dot
 * are found next to attribution verbs instead (zh-words.ts).
 */
import type { Entity } from "./entities.ts";

export interface NameHit {
  name: string;
  index: number;
  kind: Entity["kind"] | null;
  /** It opens the sentence, where any English word is capitalised. */
  initial: boolean;
}

/** Capitalised words that are not names, or not on their own. */
const NOT_NAMES = new Set(
  (
    "A An And As At But By For From If In Into It Its Of On Or So The Then There These This Those To Up With Yet After Before During While When Where Which Who Why How What " +
    "He She They We I You His Her Their Our My Your Him Them Us Me Mr Mrs Ms Dr Sir Madam Prof Late Early Last Next According Still Yes No Not Now Here Some Many Most " +
    "Several Other Others Both Each Every All Any One Two Three Meanwhile However Also Even Just Only Such Though Although Because Since Until Over Under Earlier Later " +
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September October November December Mon Tue Wed Thu Fri Sat Sun " +
    "Chief Executive President Vice Director Officer Chairman Chair Chairwoman Founder Cofounder Co-founder Senator Minister Secretary Analyst Analysts Spokesperson " +
    "Mayor Governor Judge Councillor Councilor Inspector Professor Head Deputy"
  ).split(" "),
);
/** Abbreviations that are names only as part of a longer one ("Bloomberg TV"). */
const ACRONYMS = new Set("CEO CTO CFO COO AI AGI LLM SLM GPU IPO US UK EU UN TV PC IT API USD AM PM ET PT GMT UTC".split(" "));
/** Words that make a Latin name an organisation's. */
const ORG_WORDS =
  /\b(?:Inc|Corp|Corporation|Company|Co|Ltd|LLC|Group|Bank|Times|News|Post|Journal|TV|Television|Radio|Cloud|Labs?|University|College|Institute|Agency|Association|Foundation|Fund|Capital|Partners|Ventures|Securities|Ministry|Department|Council|Commission|Committee|Party|Information|Media|Press|Magazine|Review|Daily|Network|Systems|Technologies|Tech|Motors|Airlines|Exchange|Board|Court|Reuters|Bloomberg|Authority|Department|Police|Service|Office)\b/;
/** Words that make a Latin name a place's. */
const PLACE_WORDS =
  /\b(?:City|County|State|Province|Island|River|Bridge|Park|Airport|Station|Street|Avenue|Road|Square|District|Valley|Bay|Lake|Mountain|Harbou?r)$/;

/** Latin-script names in a sentence, each with where it starts. */
export function latinNames(sentence: string): NameHit[] {
  const out: NameHit[] = [];
  const re = /[A-Z][\p{Script=Latin}\p{N}'’&.-]*(?:(?:\s+|\s+(?:of|de|van|von|der|al|bin|&)\s+)[A-Z][\p{Script=Latin}\p{N}'’&.-]*)*/gu;
  for (const m of sentence.matchAll(re)) {
    if (/[\p{Script=Latin}\p{N}]/u.test(sentence[m.index - 1] ?? "")) continue; // inside a word ("iPhone", "eBay")
    let words = m[0]
      .replace(/['’]s$/, "")
      .replace(/[.'’-]+$/, "")
      .split(/\s+/);
    let start = m.index;
    let titled = false;
    while (words.length && NOT_NAMES.has(words[0]!.replace(/\.$/, "")) && !(words[0] === "The" && words.length > 1)) {
      titled ||= /^(?:Mr|Mrs|Ms|Dr|Sir|Madam|Prof)\.?$/.test(words[0]!);
      start += words.shift()!.length + 1;
    }
    while (words.length && NOT_NAMES.has(words[words.length - 1]!.replace(/\.$/, ""))) words.pop();
    if (!words.length) continue;
    // "Microsoft Monday": a word that is no name ends the name.
    const stop = words.findIndex((w, i) => i > 0 && NOT_NAMES.has(w.replace(/\.$/, "")));
    if (stop > 0) words = words.slice(0, stop);
    const name = words.join(" ");
    if (words.length === 1 && (/^[A-Z]{1,3}$/.test(name) || ACRONYMS.has(name))) continue; // initials and short acronyms
    if (name.length < 2) continue;
    const org = ORG_WORDS.test(name) || /^The\s/.test(name) || /^[A-Z][a-z]*[A-Z]/.test(name);
    const kind = org ? "organization" : PLACE_WORDS.test(name) ? "place" : words.length >= 2 || titled ? "person" : null;
    out.push({ name, index: start, kind, initial: !/[\p{L}\p{N}]/u.test(sentence.slice(0, start)) });
  }
  return out;
}

/** Characters Chinese uses to write foreign names by sound (after Xinhua's transliteration tables). */
const SOUND =
  "阿埃艾爱安昂奥澳巴拔白拜班邦保鲍贝本比彼毕别宾波伯勃博布查察达代戴丹当道德登迪蒂丁东杜顿多厄恩尔法凡范菲费芬丰冯佛弗福夫盖甘冈高戈哥格根古圭哈海汉豪赫黑亨洪胡华惠霍基吉加贾杰金卡凯坎康考柯科可克肯库夸奎拉莱兰朗劳勒雷蕾里理丽利莉列林琳玲卢鲁陆露伦罗洛吕马玛迈麦曼梅美门蒙孟米密敏明莫默姆穆纳娜奈南内妮尼涅宁纽努诺欧帕潘庞佩彭皮普齐奇恰乔切钦琴丘琼萨塞桑森沙莎尚绍舍申什史舒斯松苏索塔泰坦汤唐特提田廷托图瓦万旺威韦维温沃乌伍西希谢辛休许雅亚扬耶叶伊因英尤于约詹珍朱茨翠黛迭娅缇莲蔓萝黎翰隆丝芭芙";
const DOTTED = new RegExp(`[${SOUND}]{1,6}(?:[·•・][${SOUND}]{1,6})+`, "gu");

/** Chinese renderings of foreign names, with a middle dot: `伊利亚·苏茨克维` (not the words around it). */
export function dottedNames(sentence: string): NameHit[] {
  return [...sentence.matchAll(DOTTED)].map((m) => ({ name: m[0], index: m.index, kind: "person" as const, initial: false }));
}

/** Chinese organisation endings, for a name found next to an attribution verb. */
const ZH_ORG =
  /(?:公司|集团|银行|大学|学院|研究院|研究所|基金|委员会|政府|法院|部|局|署|厅|杂志|日报|时报|晚报|电视台|通讯社|报|网|社|协会|联盟|交易所|科技|资本|证券|董事会)$/;
const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文";

/** A guess at what a Chinese name names; null when there is nothing to go by. */
export function chineseKind(name: string, group: boolean): Entity["kind"] | null {
  if (group) return "other";
  if (/[A-Za-z]/.test(name) && !/\p{Script=Han}/u.test(name)) return null;
  if (ZH_ORG.test(name)) return "organization";
  if (/[·•・]/.test(name) || ([...name].length <= 3 && SURNAMES.includes(name[0]!))) return "person";
  return null;
}
