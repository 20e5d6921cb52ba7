/**
 * The reports an article cites — `据《纽约时报》报道`, `接受 Bloomberg TV 采访`,
 * `according to The Information`, `told Bloomberg TV`, `Reuters reported` — and the unnamed
 * ones (`知情人士`, "people familiar with the matter"), each as the name the text gives.
 */
import type { Language } from "./language.ts";
import { latinNames } from "./names.ts";

export interface CitedSource {
  name: string;
  /** A named outlet (an organisation for the draft's entities), not an unnamed person. */
  outlet: boolean;
}

const UNNAMED_ZH = /知情人士|消息人士|接近[^，,。]{1,10}的人士|内部人士/;
const UNNAMED_EN =
  /\b(?:people|persons|sources?) (?:familiar with|close to|briefed on) (?:the|their|his|her) (?:matter|situation|talks|plans|discussions|thinking)\b/i;

/** Cleans an outlet name as the text writes it: no book-title marks, no trailing "的". */
function outletName(raw: string): string | null {
  const name = raw
    .replace(/^(?:据|根据)\s*/, "")
    .replace(/^[《〈]|[》〉]$/g, "")
    .replace(/的$/, "")
    .trim();
  if (!name || UNNAMED_ZH.test(name) || /^(?:媒体|外媒|报道|消息|官方|多家媒体|相关人士|悉)$/.test(name)) return null;
  return [...name].length <= 30 ? name : null;
}

function chinese(text: string): CitedSource[] {
  const out: CitedSource[] = [];
  const outlet = String.raw`(《[^》]{1,30}》|[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*|[\p{Script=Han}]{2,12}?)`;
  const patterns = [
    new RegExp(String.raw`(?:据|根据)\s*${outlet}\s*(?:的)?(?:报道|消息|援引|披露|透露|称|指出)`, "gu"),
    new RegExp(String.raw`接受\s*${outlet}\s*(?:的)?(?:采访|专访|访问)`, "gu"),
    new RegExp(String.raw`${outlet}\s*(?:报道称|援引|还?报道)`, "gu"),
    /(《[^》]{1,30}》)/gu,
  ];
  for (const [i, re] of patterns.entries()) {
    for (const m of text.matchAll(re)) {
      // A book-title mark alone cites a report only when reporting is near it.
      if (i === 3 && !/报道|援引|采访|称|透露/.test(text.slice(m.index, m.index + m[0].length + 12))) continue;
      const name = outletName(m[1]!);
      if (name) out.push({ name, outlet: true });
    }
  }
  const unnamed = UNNAMED_ZH.exec(text);
  if (unnamed) out.push({ name: unnamed[0], outlet: false });
  return out;
}

function english(text: string): CitedSource[] {
  const out: CitedSource[] = [];
  const patterns = [
    /\baccording to (?:a (?:report|story|note) (?:by|from|in) )?/gi,
    /\b(?:told|in an interview with|speaking to|speaking with|reported by|first reported by|(?:a )?report (?:by|from|in)|wrote in)\s+/gi,
  ];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const hit = latinNames(text.slice(m.index + m[0].length, m.index + m[0].length + 60))[0];
      if (hit && hit.index === 0) out.push({ name: hit.name, outlet: true });
    }
  }
  for (const m of text.matchAll(/((?:The\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)\s+(?:first\s+)?(?:reported|reports)\b/g)) {
    const hit = latinNames(m[1]!).pop();
    if (hit && hit.kind !== "person") out.push({ name: hit.name, outlet: true });
  }
  const unnamed = UNNAMED_EN.exec(text);
  if (unnamed) out.push({ name: unnamed[0].toLowerCase(), outlet: false });
  return out;
}

/** The reports a paragraph cites, each once, in the order found. */
export function sourcesIn(text: string, language: Language): CitedSource[] {
  const found = language === "zh" ? chinese(text) : english(text);
  const seen = new Set<string>();
  return found.filter((s) => {
    const key = s.name.toLowerCase().replace(/[《》\s]/g, "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
