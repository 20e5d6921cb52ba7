/**
 * Vocabularies for the synthetic story: a head of real words (English news words in rough
 * frequency order, common Chinese words) and a long, seeded tail of made-up words, so a
 * Zipf draw gives very common words and very rare ones, as real text does.
 */
import { hasHan } from "../../db/text.ts";
import { intIn, mulberry32, pickOf, zipf, type Rng } from "./prng.ts";

const EN_HEAD = `the of and to in a is that for on said with as at by from was it be has have an are
its were will not this but after over new more about who would been had than they their which up into
also out one two year years first last government company president people market talks deal board
chief executive officer state week month report statement could percent billion million first other
deal officials minister court new public news sources told according meeting plan group biggest
investors shares price prices trade policy security law police election vote party leaders national
international global economy economic financial bank central rates growth data technology model
models research safety artificial intelligence chips software startup founder founders employees staff
letter resignation interim return agreement investment partner partners rival rivals industry sector
country countries city region military war peace ministry foreign domestic since before during while
under against between among most many some any such only even still just back down off again
further then once here there when where why how all both each few own same so too very can should
now next early late later major key senior former current top high low large small long short
announced announce says say warned warns denied confirmed reported expected plans planned called calls
made make makes took take takes gave give gives moved moves kept keep keeps left leave leaves
help helps support supports opposed oppose rejected reject approved approve signed sign launched launch
cut cuts raised raise rose fell fall falls jumped slumped gained lost lose wins won win beat
crisis talks negotiations sanctions tariffs exports imports inflation unemployment budget debt tax taxes
council committee agency regulators regulator commission parliament congress senate house white
court judge ruling lawsuit case charges trial appeal investigation probe inquiry review audit`;

const ZH_HEAD = `的 了 在 是 和 与 对 将 也 为 中 等 已 后 并 被 从 到 而 及 就 都 由 但 上 一 这 其 以 向
公司 政府 市场 经济 发展 国家 表示 记者 报道 美国 中国 企业 董事会 总统 部长 会议 问题 工作 投资 合作
增长 技术 人工智能 模型 研究 安全 员工 创始人 首席执行官 声明 消息 协议 谈判 宣布 计划 官员 国际 全球
金融 银行 利率 数据 芯片 软件 初创 股东 股价 价格 贸易 政策 法律 警方 选举 投票 政党 领导人 外交 国内
军事 和平 地区 城市 行业 竞争 对手 辞职 临时 回归 伙伴 支持 反对 批准 签署 推出 削减 提高 上涨 下跌
危机 制裁 关税 出口 进口 通胀 失业 预算 债务 税收 委员会 机构 监管 议会 法院 法官 裁决 诉讼 调查 审查
周一 周二 周三 周四 周五 周末 今年 去年 本周 上周 本月 目前 此前 随后 同时 进一步 重要 主要 最大 最新
人士 知情 据悉 称 指出 认为 强调 透露 确认 否认 警告 回应 要求 希望 可能 需要 继续 开始 结束 完成
董事 事会 理事会 总裁 主席 副总裁 科学家 工程师 研究员 分析师 投资者 消费者 用户 客户 平台 产品 服务`;

const SYLLABLES =
  "ba be bi bo bu ca co cu da de di do du fa fe fi fo ga ge go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zo".split(
    " ",
  );
const CODAS = ["", "", "", "n", "r", "l", "s", "m", "x", "nd", "st"];

/** ~3,700 common Han characters: GB2312 level 1 (rows 16–55), decoded with the platform's GBK codec. */
function gb2312Level1(): string[] {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  const text = new TextDecoder("gbk").decode(new Uint8Array(bytes));
  return [...new Set(Array.from(text).filter(hasHan))];
}

function shuffled<T>(rng: Rng, list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function words(head: string): string[] {
  return [...new Set(head.split(/\s+/).filter(Boolean))];
}

export interface Vocab {
  /** Rank order: most common first. */
  en: string[];
  zh: string[];
  hanChars: string[];
}

/** The vocabularies, the same for a given seed: `enSize` English and `zhSize` Chinese words. */
export function vocabulary(seed: number, enSize = 30_000, zhSize = 20_000): Vocab {
  const rng = mulberry32(seed ^ 0x5eed);
  const en = words(EN_HEAD);
  const seen = new Set(en);
  while (en.length < enSize) {
    let w = "";
    const n = intIn(rng, 2, 4);
    for (let i = 0; i < n; i++) w += pickOf(rng, SYLLABLES);
    w += pickOf(rng, CODAS);
    if (!seen.has(w)) {
      seen.add(w);
      en.push(w);
    }
  }
  const zh = words(ZH_HEAD);
  // Characters by frequency as in real text: those of the real words first, then the rest of
  // GB2312 level 1 in a seeded order, drawn Zipf-like (a thousand cover most of the text).
  const hanChars = [...new Set([...Array.from(zh.join("")), ...shuffled(rng, gb2312Level1())])];
  const charRank = zipf(hanChars.length, 1.0);
  const zseen = new Set(zh);
  while (zh.length < zhSize) {
    const n = rng() < 0.8 ? 2 : rng() < 0.7 ? 1 : 3;
    let w = "";
    for (let i = 0; i < n; i++) w += hanChars[charRank(rng)]!;
    if (!zseen.has(w)) {
      zseen.add(w);
      zh.push(w);
    }
  }
  return { en, zh, hanChars };
}

export const FIRST_NAMES = `james mary john patricia robert jennifer michael linda david elizabeth william barbara richard susan joseph
jessica thomas sarah charles karen daniel nancy matthew lisa anthony betty mark sandra steven ashley paul kimberly andrew emily
joshua donna kevin michelle brian carol george amanda timothy melissa ronald deborah jason stephanie edward rebecca jeffrey sharon
ryan laura jacob cynthia gary dorothy nicholas amy eric kathleen jonathan angela stephen helen larry anna justin brenda scott
pamela brandon emma benjamin nicole samuel samantha gregory katherine alexander christine frank debra patrick rachel raymond
catherine jack carolyn dennis janet jerry ruth tyler maria aaron heather jose diane adam virginia henry julie nathan joyce
ilya sam greg satya elon dario daniela helen tasha adam mira emmett jan lars ingrid yuki hiro wei lin`.split(/\s+/);

export const LAST_NAMES = `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson
anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young
allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez
phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan
cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz
hughes price alvarez castillo sanders patel myers long ross foster jimenez sutskever altman brockman nadella amodei murati
shear toner mccauley dangelo sommers summers hoffman`.split(/\s+/);

/** Characters Chinese transliterations of Western names are written with. */
export const TRANSLIT =
  "阿巴贝比波布达德迪多杜尔法菲弗福格哈赫吉加杰卡凯科克库拉莱兰朗雷里利林卢鲁伦罗洛马迈曼梅蒙米摩姆穆纳内尼诺帕佩皮普奇乔萨塞桑森沙舍斯索苏塔泰坦特提托瓦威维沃乌西希谢休亚扬伊尤约泽兹".split(
    "",
  );

export const ORG_SUFFIX = [
  ["Labs", "实验室"],
  ["Group", "集团"],
  ["Capital", "资本"],
  ["Technologies", "科技"],
  ["Holdings", "控股"],
  ["Institute", "研究院"],
  ["Foundation", "基金会"],
  ["Bank", "银行"],
  ["Ministry", "部"],
  ["Partners", "合伙人"],
] as const;

export const OUTLETS = [
  ["Reuters", "www.reuters.com"],
  ["Associated Press", "apnews.com"],
  ["Bloomberg", "www.bloomberg.com"],
  ["The New York Times", "www.nytimes.com"],
  ["The Wall Street Journal", "www.wsj.com"],
  ["Financial Times", "www.ft.com"],
  ["BBC News", "www.bbc.com"],
  ["The Verge", "www.theverge.com"],
  ["新华社", "www.news.cn"],
  ["财新", "www.caixin.com"],
  ["澎湃新闻", "www.thepaper.cn"],
  ["南华早报", "www.scmp.com"],
  ["The Information", "www.theinformation.com"],
  ["Axios", "www.axios.com"],
  ["CNBC", "www.cnbc.com"],
  ["界面新闻", "www.jiemian.com"],
] as const;
