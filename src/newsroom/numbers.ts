/**
 * Numbers a report gives — "770", "95%", "$377.44", "$86 billion", "860亿美元", "逾百家" —
 * as language-independent keys: "#86000000000" for both ways of writing 86 billion, "#95%"
 * for a percentage. Small bare counts (under 10: "three researchers", "GPT-4") are too
 * common to tell developments apart and are left out; so are digits glued to letters.
 */

const SCALE: Record<string, number> = {
  万亿: 1e12,
  亿: 1e8,
  万: 1e4,
  千: 1e3,
  百: 1e2,
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  million: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
};

const NUMBER =
  /(?<![A-Za-z\d.:])(\$|us\$|usd\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%|percent\b|per cent\b|个百分点|万亿|亿|万|千|trillion\b|tn\b|billion\b|bn\b|million\b|m\b|thousand\b|k\b)?\s*(美元|元|dollars?\b)?(?!\d|:\d)/giu;
/** "逾百家", "上百名", "a hundred": about a hundred, as the English "more than 100" says it. */
const HUNDRED = /(?:逾|超|上|近)百|百余|\ba hundred\b|\bone hundred\b/gi;
const PERCENT_ZH = /百分之(\d+(?:\.\d+)?)/g;

export interface NumberMentions {
  keys: string[];
  /** Each key as first written, for explanations. */
  shown: Map<string, string>;
}

const canonical = (v: number): string => String(Number(v.toPrecision(6)));

/** Number mentions of `text` (NFKC-normalised, dates already blanked out). */
export function extractNumbers(text: string): NumberMentions {
  const shown = new Map<string, string>();
  const add = (k: string, as: string): void => {
    if (!shown.has(k)) shown.set(k, as.trim());
  };
  for (const m of text.matchAll(NUMBER)) {
    const [all, money, int, frac, unit, currency] = m;
    const base = Number(`${int!.replace(/,/g, "")}${frac ? `.${frac}` : ""}`);
    const u = unit?.toLowerCase();
    if (u === "%" || u === "percent" || u === "per cent" || u === "个百分点") {
      add(`#${canonical(base)}%`, all);
      continue;
    }
    const value = base * (u ? (SCALE[u] ?? 1) : 1);
    if (value < 10 && !money && !currency && !frac) continue;
    add(`#${canonical(value)}`, all);
  }
  for (const m of text.matchAll(HUNDRED)) add("#100", m[0]);
  for (const m of text.matchAll(PERCENT_ZH)) add(`#${canonical(Number(m[1]))}%`, m[0]);
  return { keys: [...shown.keys()], shown };
}
