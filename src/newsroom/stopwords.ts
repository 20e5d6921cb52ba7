/**
 * Words that say nothing about which development a report is about: English function
 * words and newsroom filler ("said", "reported"), and their Chinese counterparts. They are
 * left out of the weighted terms; detectLanguage also counts the English ones.
 */

export const EN_STOP = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in
into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so
some such than that the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours s t don't didn't won't isn't it's he's she's they're we're
said says say told according reported reports report reportedly week day days people thing things new one two three four five
year years monday tuesday wednesday thursday friday saturday sunday million billion trillion mr ms mrs per cent percent via amid after while since yet still even though many much may might must including`.split(
    /\s+/,
  ),
);

/** Chinese function words and reporting filler; single punctuation is dropped by the tokenizer. */
export const ZH_STOP = new Set(
  `的 了 在 是 和 与 及 以及 等 也 就 都 而 被 将 对 于 从 向 把 为 以 其 这 那 有 个 之 并 或 但 已 又 还 该 此 着 过 让 给 由 则 即
其中 这个 那个 这些 那些 一个 一些 已经 正在 目前 此前 此后 之后 之前 表示 称 说 指出 认为 据 报道 消息 据悉 获悉 透露 记者 日 月 年
当地 时间 北京 美国 周 周一 周二 周三 周四 周五 周六 周日 星期 今天 昨天 今日 昨日 本周 上周 他 她 它 他们 她们 我们 你们 自己 没有 不 没 很 更 最 再 能 会 要 可 可能 可以
如果 因为 所以 但是 而且 以及 对于 关于 通过 进行 作为 相关 方面 情况 问题 有关 成为 其他 一名 名 位 家 次 项 此事 一事 上 下 中 内 外`.split(/\s+/),
);
