/**
 * A small bilingual glossary of newsroom words: each concept names the English words (stemmed
 * as terms are) and Chinese words that report it. A term that is in the glossary also counts as
 * its concept ("~dismiss"), so "fired" and "解雇" share a term and an English and a Chinese
 * report of the same development have words in common, not only names and numbers. It is
 * general business and politics vocabulary, written once, not tuned to any one story.
 */
import { stem } from "./stem.ts";

const CONCEPTS: Record<string, [en: string, zh: string]> = {
  dismiss: [
    "fire fired firing oust ousted ouster sack sacked remove removed removal dismiss dismissed",
    "解雇 罢免 开除 撤职 免职 革职 赶下台 驱逐 逐出 炒鱿鱼",
  ],
  resign: ["resign resigned resignation quit quits depart departure leave leaving exit", "辞职 离职 辞任 辞去 卸任 出走 离开 请辞"],
  return: ["return returns returned comeback reinstate reinstated rehire", "回归 重返 复职 回到 官复原职 重掌 回来"],
  hire: ["hire hired join joins joined recruit poach", "加入 招揽 聘请 加盟 入职 挖角 招募"],
  interim: ["interim acting temporary", "临时 代理 暂代"],
  board: ["board director directors", "董事会 董事 董事们"],
  chair: ["chair chairman chairwoman president", "主席 董事长 总裁"],
  investor: ["investor investors backer backers shareholder shareholders", "投资者 投资人 投资方 股东 金主"],
  valuation: ["valuation valued valuing", "估值 市值"],
  sale: ["tender sale sell selling buyback", "出售 要约 转让 回购 收购"],
  employee: ["employee employees staff staffer workers workforce", "员工 雇员 职员 全员"],
  letter: ["letter petition", "联名信 公开信 信函 请愿"],
  sign: ["sign signed signatory signatories signature", "签署 签名 联署 署名"],
  threaten: ["threaten threatened threat ultimatum", "威胁 扬言 最后通牒"],
  merge: ["merge merger combine combination", "合并 并购 整合"],
  talks: ["talk talks negotiation negotiations negotiate discussion", "谈判 商谈 磋商 洽谈 协商 谈话"],
  collapse: ["collapse collapsed fail failed stall stalled", "破裂 失败 告吹 搁浅 流产"],
  deal: ["deal agreement agreed accord", "协议 达成 共识"],
  stock: ["stock stocks share shares", "股价 股票 股份 股"],
  record: ["record high", "纪录 新高 历史新高"],
  rise: ["rise rose gain gained climb climbed jump jumped rally rallied surge", "上涨 攀升 走高 大涨 飙升 涨"],
  fall: ["fall fell drop dropped slide slid slip slipped decline declined tumble", "下跌 下滑 走低 大跌 跌"],
  investigate: ["investigation investigate investigator inquiry probe", "调查 调查员 审查"],
  safety: ["safety safe risk risks danger dangerous", "安全 风险 危险 隐患"],
  research: ["research researcher researchers scientist scientists", "研究 研究员 研究人员 科学家"],
  customer: ["customer customers client clients", "客户 用户"],
  chip: ["chip chips semiconductor", "芯片 半导体"],
  funding: ["funding fund raise raising capital", "融资 募资 资金 筹资"],
  model: ["model models", "模型 大模型"],
  breakthrough: ["breakthrough", "突破"],
  warn: ["warn warned warning alarm", "警告 警示 预警"],
  regret: ["regret regrets apology apologize sorry", "后悔 遗憾 道歉 懊悔"],
  interview: ["interview interviewed podcast", "采访 专访 访谈 播客"],
  conference: ["conference keynote summit", "大会 发布会 峰会 开发者大会"],
  launch: ["launch launched unveil unveiled release released", "发布 推出 上线 亮相"],
  pause: ["pause paused halt halted suspend suspended", "暂停 停止 叫停"],
  subscription: ["subscription subscriptions signup signups subscriber", "订阅 注册"],
  headquarters: ["headquarters office offices", "总部 办公室 总部大楼"],
  guest: ["guest badge visitor", "访客 工牌 访客证"],
  observer: ["observer observers", "观察员"],
  seat: ["seat seats", "席位 席"],
  lawsuit: ["lawsuit sue sued court", "起诉 诉讼 法院"],
  profit: ["profit profits earnings revenue quarterly quarter", "利润 盈利 营收 季度 财报"],
  governance: ["governance structure nonprofit", "治理 结构 非营利"],
  mission: ["mission", "使命"],
  announce: ["announce announced announcement statement", "宣布 声明 公告"],
  memo: ["memo email", "备忘录 内部信 邮件"],
  candid: ["candid honest transparent", "坦诚 坦率 诚实"],
  confidence: ["confidence trust", "信心 信任"],
  founder: ["founder cofounder", "创始人 联合创始人"],
  team: ["team teams lab unit division", "团队 部门 实验室"],
  job: ["job jobs position positions role", "职位 岗位 工作"],
  executive: ["executive executives senior leadership", "高管 高层 管理层"],
  agi: ["agi superintelligence", "通用人工智能 超级智能"],
  math: ["math mathematics", "数学"],
  device: ["device hardware gadget", "设备 硬件"],
  cloud: ["cloud", "云 云服务"],
  rival: ["rival rivals competitor competitors", "竞争对手 对手 竞品"],
  analyst: ["analyst analysts", "分析师"],
  post: ["post posted tweet tweeted", "推文 发文 发帖 帖子"],
  reason: ["reason reasons why", "原因 理由 为何"],
  weekend: ["weekend", "周末"],
  tension: ["tension tensions rift clash feud", "矛盾 分歧 冲突 内斗"],
};

/** Term → concept, built once. */
const BY_TERM = new Map<string, string>();
for (const [concept, [en, zh]] of Object.entries(CONCEPTS)) {
  for (const w of en.split(" ")) BY_TERM.set(stem(w), `~${concept}`);
  for (const w of zh.split(" ")) BY_TERM.set(w, `~${concept}`);
}

/** The concept a term reports, if the glossary has it. */
export function conceptOf(term: string): string | undefined {
  return BY_TERM.get(term);
}

/** Whether a term is a glossary concept (shared by both languages). */
export function isConcept(term: string): boolean {
  return term.startsWith("~");
}
