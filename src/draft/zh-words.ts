/**
 * Chinese sentences cut into words (jieba), to find who speaks: the words right before an
 * attribution verb (`微软表示`, `纳德拉称`), else the noun words that open the sentence
 * (`马斯克更是……回复：`). Part-of-speech tags are only trusted to tell function words
 * (prepositions, adverbs, pronouns…) from the rest; the name itself is whatever runs between.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

export interface Token {
  word: string;
  tag: string;
}

let jieba: Jieba | null = null;

/** The words of a Chinese text (the dictionary loads once, on first use). */
export function wordsOf(text: string): Token[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.tag(text, true);
}

/** Verbs that attribute speech or information to their subject. */
export const ATTRIBUTION_VERBS = new Set(
  "表示 称 透露 说 指出 写道 回复 强调 宣布 认为 提到 重申 发表 高喊 告诉 回应 坦言 证实 否认 声称 宣称 补充 解释 警告 呼吁 披露 发文 发帖 直言 喊话 评论 喊出 喊道 问道 反问 说道".split(
    " ",
  ),
);

/** Words that stand where a name could but name nobody. */
const GENERIC = new Set(
  "他 她 它 他们 她们 我们 我 你 您 分析人士 观察人士 市场人士 员工们 网友们 人们 对方 双方 该公司 公司 当事人 知情人士 人士 消息人士 官方 外界 媒体 报道 文章 报告 研究 数据 网友 记者 专家 业内人士 有人 大家 此前 此外 同时 目前 随后 最后 结论 简单来说 据悉 另外 另一边 总之 其 这 那 分析师 员工 客户 投资者 用户 董事会 团队 高层 首席执行官 发言人".split(
    " ",
  ),
);

/** A time, not a name: "上周五", "20日", "晚间". */
const WHEN = /^(?:[上下本这]个?)?(?:周|星期|礼拜)|^\d|[日号]$|今天|昨天|前天|明天|晚间|上午|下午|晚上|凌晨|当天|此前|随后/;
const NAME_TAG = /^(?:n|nr|nrt|nrfg|ns|nt|nz|x|eng|j|a|b)$/;
const PUNCT = /^[\s\p{P}\p{S}]+$/u;
/** Role words: what follows is a person's name, what precedes their organisation. */
const ROLE = /(?:联合创始人|创始人|首席执行官|首席技术官|首席科学家|执行官|CEO|CTO|总裁|主席|董事长|发言人|负责人|高管|官员|部长|总统|总理|经理|研究员|教授)/;
/** Group words: "OpenAI员工" is the group itself. */
const GROUP = /(?:员工|客户|投资者|用户|分析师|董事会|团队)$/;

function nameish(t: Token): boolean {
  if (t.word === "*" || t.word === "·") return true;
  return NAME_TAG.test(t.tag) && !PUNCT.test(t.word);
}

/** A space between two Latin words ("Satya Nadella") belongs to the name. */
function innerSpace(tokens: readonly Token[], i: number): boolean {
  return /^\s+$/.test(tokens[i]!.word) && tokens[i - 1]?.tag === "eng" && tokens[i + 1]?.tag === "eng";
}

/** The run of name words ending just before `end` (spaces allowed between Latin words). */
function runBefore(tokens: readonly Token[], end: number): string {
  let i = end - 1;
  while (i >= 0 && /^\s+$/.test(tokens[i]!.word)) i--;
  const parts: string[] = [];
  for (; i >= 0 && (nameish(tokens[i]!) || innerSpace(tokens, i)); i--) parts.unshift(tokens[i]!.word);
  // "在推特上发表": what follows a preposition is a place or an object, not who speaks.
  if (parts.length && /^(?:在|于|从|向|对|给|通过|经|据)$/.test(tokens[i]?.word ?? "")) return "";
  return parts.join("").trim();
}

/** A speaker's name from the words before a verb: roles split off, generic words refused. */
export function cleanSubject(run: string): { name: string; group: boolean } | null {
  const role = ROLE.exec(run);
  if (role) {
    const after = run.slice(role.index + role[0].length).trim();
    const before = run.slice(0, role.index).trim();
    const name = after.length >= 2 ? after : before;
    return name.length >= 2 && !GENERIC.has(name) ? { name, group: false } : null;
  }
  if (GENERIC.has(run) || /人士$/.test(run) || WHEN.test(run) || [...run].length < 2 || [...run].length > 16) return null;
  return { name: run, group: GROUP.test(run) };
}

/** Where each word starts in the text it came from. */
function offsets(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const t of tokens) {
    out.push(at);
    at += t.word.length;
  }
  return out;
}

export interface Attribution {
  /** The speaker as written. */
  subject: string;
  group: boolean;
  verb: string;
  /** Where the verb ends in the sentence. */
  end: number;
}

/**
 * Every attribution in a Chinese sentence: verb, its subject (the words right before it,
 * else the noun words opening the sentence), and where the verb ends.
 */
export function attributionsIn(sentence: string): Attribution[] {
  const tokens = wordsOf(sentence);
  const at = offsets(tokens);
  const out: Attribution[] = [];
  tokens.forEach((t, i) => {
    // jieba sometimes keeps "时" with the verb: "采访时称".
    const verb = ATTRIBUTION_VERBS.has(t.word) ? t.word : /^时(.+)$/.exec(t.word)?.[1];
    if (!verb || !ATTRIBUTION_VERBS.has(verb)) return;
    let run = runBefore(tokens, i);
    if ([...run].length < 2) run = openingSubject(tokens, i);
    const subject = run ? cleanSubject(run) : null;
    if (subject) out.push({ subject: subject.name, group: subject.group, verb, end: at[i]! + t.word.length });
  });
  return out;
}

/**
 * The noun words that open the sentence before word `end`, when no subject stands right
 * before the verb ("马斯克更是……回复"). A clause that is nothing but names ("上周五，") sets
 * the scene: the subject opens the next one.
 */
function openingSubject(tokens: readonly Token[], end: number): string {
  let k = 0;
  while (k < end) {
    while (k < end && (PUNCT.test(tokens[k]!.word) || /^(?:而|但|并|另一边|此外|同时)$/.test(tokens[k]!.word))) k++;
    const from = k;
    while (k < end && (nameish(tokens[k]!) || innerSpace(tokens, k))) k++;
    if (k > from && !PUNCT.test(tokens[k]?.word ?? "")) return runBefore(tokens, k);
    while (k < end && !PUNCT.test(tokens[k]!.word)) k++;
  }
  return "";
}
