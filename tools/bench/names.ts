/** Synthetic people, organisations and places with English and Chinese names and aliases. */
import type { EntityInput, EntityKind } from "../../db/types.ts";
import { intIn, mulberry32, pickOf, type Rng } from "./prng.ts";
import { FIRST_NAMES, LAST_NAMES, ORG_SUFFIX, TRANSLIT, type Vocab } from "./words.ts";

const PINYIN: readonly (readonly [string, string])[] = [
  ["Wang", "王"],
  ["Li", "李"],
  ["Zhang", "张"],
  ["Liu", "刘"],
  ["Chen", "陈"],
  ["Yang", "杨"],
  ["Huang", "黄"],
  ["Zhao", "赵"],
  ["Wu", "吴"],
  ["Zhou", "周"],
  ["Xu", "徐"],
  ["Sun", "孙"],
  ["Ma", "马"],
  ["Zhu", "朱"],
  ["Hu", "胡"],
  ["Guo", "郭"],
  ["He", "何"],
  ["Gao", "高"],
  ["Lin", "林"],
  ["Luo", "罗"],
];
const GIVEN: readonly (readonly [string, string])[] = [
  ["Wei", "伟"],
  ["Fang", "芳"],
  ["Min", "敏"],
  ["Jing", "静"],
  ["Lei", "磊"],
  ["Jun", "军"],
  ["Yang", "洋"],
  ["Yong", "勇"],
  ["Yan", "艳"],
  ["Jie", "杰"],
  ["Tao", "涛"],
  ["Ming", "明"],
  ["Chao", "超"],
  ["Xiu", "秀"],
  ["Hua", "华"],
  ["Hui", "慧"],
  ["Ping", "平"],
  ["Gang", "刚"],
  ["Dan", "丹"],
  ["Lin", "琳"],
  ["Qiang", "强"],
  ["Na", "娜"],
  ["Xin", "欣"],
  ["Yu", "宇"],
  ["Hao", "浩"],
  ["Kai", "凯"],
  ["Rui", "瑞"],
  ["Bo", "博"],
  ["Ning", "宁"],
  ["Xuan", "轩"],
];

interface Pools {
  rare: string[];
  mid: string[];
  han: string[];
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

function translit(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += pickOf(rng, TRANSLIT);
  return s;
}

function person(rng: Rng, pools: Pools): Omit<EntityInput, "key" | "kind" | "role"> {
  if (rng() < 0.3) {
    const [se, sz] = pickOf(rng, PINYIN);
    const given = Array.from({ length: intIn(rng, 1, 2) }, () => pickOf(rng, GIVEN));
    const ge = given
      .map((g) => g[0])
      .join("")
      .toLowerCase();
    const gz = given.map((g) => g[1]).join("");
    return { name: { en: `${se} ${cap(ge)}`, zh: sz + gz }, aliases: [se.toLowerCase(), gz, `${cap(ge)} ${se}`].slice(0, intIn(rng, 1, 3)) };
  }
  const first = pickOf(rng, FIRST_NAMES);
  const last = rng() < 0.5 ? pickOf(rng, LAST_NAMES) : pickOf(rng, pools.rare);
  const fz = translit(rng, intIn(rng, 2, 3));
  const lz = translit(rng, intIn(rng, 2, 4));
  const aliases = [last, first, lz, `${fz}${lz}`].slice(0, intIn(rng, 1, 4));
  return { name: { en: `${cap(first)} ${cap(last)}`, zh: `${fz}·${lz}` }, aliases };
}

function organization(rng: Rng, pools: Pools): Omit<EntityInput, "key" | "kind" | "role"> {
  const base = cap(pickOf(rng, pools.mid));
  const [se, sz] = pickOf(rng, ORG_SUFFIX);
  const zbase = pickOf(rng, pools.han) + pickOf(rng, pools.han);
  const acronym = (base.slice(0, 2) + se.charAt(0)).toUpperCase();
  return { name: { en: `${base} ${se}`, zh: zbase + sz }, aliases: [base.toLowerCase(), acronym, zbase].slice(0, intIn(rng, 1, 3)) };
}

function place(rng: Rng, pools: Pools): Omit<EntityInput, "key" | "kind" | "role"> {
  const base = cap(pickOf(rng, pools.mid));
  const zbase = translit(rng, intIn(rng, 2, 3));
  return { name: { en: base, zh: `${zbase}${rng() < 0.5 ? "市" : "省"}` }, aliases: [zbase] };
}

/** `count` entities (keys `n00001`…), 60% people, 25% organisations, 10% places, 5% other. */
export function syntheticEntities(seed: number, count: number, vocab: Vocab, role: (rng: Rng, lang: "en" | "zh") => string): EntityInput[] {
  const rng = mulberry32(seed ^ 0xe7717);
  const pools: Pools = { rare: vocab.en.slice(-5000), mid: vocab.en.slice(400, 8000), han: vocab.hanChars };
  const seen = new Set<string>();
  const out: EntityInput[] = [];
  for (let i = 0; out.length < count; i++) {
    const r = rng();
    const kind: EntityKind = r < 0.6 ? "person" : r < 0.85 ? "organization" : r < 0.95 ? "place" : "other";
    const made = kind === "person" ? person(rng, pools) : kind === "place" ? place(rng, pools) : organization(rng, pools);
    if (seen.has(made.name.en!) && i < count * 20) continue;
    seen.add(made.name.en!);
    const key = `n${String(out.length + 1).padStart(5, "0")}`;
    out.push({ key, kind, ...made, role: { en: role(rng, "en"), zh: role(rng, "zh") } });
  }
  return out;
}
