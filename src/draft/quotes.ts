/**
 * What people said: text in quotation marks (`“…”`, `「…」`, `"…"`) that reads as speech —
 * scare quotes around a word or two are not — and, in Chinese, what follows an attribution
 * verb and a colon (`微软表示：会为……`). The speaker is the one the sentence names next to
 * the verb; "he said" is the last person named before it.
 */
import type { Language } from "./language.ts";
import { latinNames } from "./names.ts";
import { attributionsIn } from "./zh-words.ts";

export interface FoundQuote {
  text: string;
  /** The speaker as written, when the text names one. */
  speaker: string | null;
  /** The speaker is a group ("OpenAI员工"). */
  group: boolean;
}

const MARKED = /“([^“”]{2,})”|「([^「」]{2,})」|"([^"]{2,})"/g;
const EN_VERB = "said|says|told|wrote|writes|added|asked|noted|posted|tweeted|explained|warned|argued";

/** Whether quoted text reads as speech rather than a term set off in quotes. */
function isSpeech(text: string, before: string, after: string, language: Language): boolean {
  if (language === "en") return text.split(/\s+/).length >= 4 || new RegExp(`^[,.]?\\s*\\S*\\s*(?:${EN_VERB})\\b`).test(after);
  if (/[:：]\s*$/.test(before) || /(?:表示|称|说|写道|回复|发表|高喊|强调|指出|透露)[，,]?\s*$/.test(before)) return true;
  return [...text].length >= 12 && /[。，,！？!?；;]/.test(text);
}

/** The person a Latin-script span names, preferring a full name to an organisation. */
function nameIn(span: string): string | null {
  const names = latinNames(span);
  return (names.find((n) => n.kind === "person") ?? names[0])?.name ?? null;
}

function englishSpeaker(before: string, after: string, lastPerson: string | null): string | null {
  const pronoun = /^\s*(?:he|she)\b/i;
  const tail = new RegExp(`^[,.!?”"]*\\s*(?:(${EN_VERB})\\s+(.{1,80})|(.{1,60}?)\\s+(?:${EN_VERB})\\b)`, "i").exec(after);
  if (tail) {
    const span = tail[2] ?? tail[3] ?? "";
    if (pronoun.test(span)) return lastPerson;
    const name = nameIn(tail[2] ? span.split(/[,.;]/)[0]! : span);
    if (name) return name;
  }
  const lead = new RegExp(`(?:^|[.;]\\s)([^.;]{1,80}?)\\s+(?:${EN_VERB})(?:\\s[^:"“]{0,80})?[:,]?\\s*$`, "i").exec(before);
  if (lead) return pronoun.test(lead[1]!) ? lastPerson : nameIn(lead[1]!);
  return null;
}

/** Where each sentence starts in its paragraph. */
function sentenceStarts(paragraph: string, sentences: readonly string[]): number[] {
  let from = 0;
  return sentences.map((s) => {
    const at = paragraph.indexOf(s, from);
    from = at >= 0 ? at + s.length : from;
    return Math.max(0, at);
  });
}

/** Quotes in a paragraph of Chinese text. */
function chineseQuotes(paragraph: string, sentences: readonly string[]): FoundQuote[] {
  const starts = sentenceStarts(paragraph, sentences);
  const said = sentences.flatMap((s, i) => attributionsIn(s).map((a) => ({ ...a, end: a.end + starts[i]! })));
  const out: FoundQuote[] = [];
  const covered: [number, number][] = [];
  for (const m of paragraph.matchAll(MARKED)) {
    const text = (m[1] ?? m[2] ?? m[3])!.trim();
    const before = paragraph.slice(Math.max(0, m.index - 8), m.index);
    if (!isSpeech(text, before, paragraph.slice(m.index + m[0].length), "zh")) continue;
    const end = m.index + m[0].length;
    const who = said.filter((a) => a.end <= m.index).pop() ?? said.find((a) => a.end > end && a.end - end < 16) ?? null;
    out.push({ text, speaker: who?.subject ?? null, group: who?.group ?? false });
    covered.push([m.index, end]);
  }
  // 表示：会为所有……  — speech after a colon, without quotation marks.
  for (const a of said) {
    const rest = paragraph.slice(a.end);
    const colon = /^\s*[:：]\s*/.exec(rest);
    if (!colon || /^[“「"]/.test(rest.slice(colon[0].length))) continue;
    if (covered.some(([s, e]) => a.end >= s && a.end <= e)) continue;
    const text = rest.slice(colon[0].length).replace(/[。]$/, "").trim();
    if ([...text].length >= 4) out.push({ text, speaker: a.subject, group: a.group });
  }
  return out;
}

/** Quotes in a paragraph; `lastPerson` is who "he" or "she" would be at its start. */
export function quotesIn(paragraph: string, sentences: readonly string[], language: Language, lastPerson: string | null): FoundQuote[] {
  return (language === "zh" ? chineseQuotes(paragraph, sentences) : englishQuotes(paragraph, lastPerson)).filter((q) => /[\p{L}\p{N}]/u.test(q.text));
}

function englishQuotes(paragraph: string, lastPerson: string | null): FoundQuote[] {
  const out: FoundQuote[] = [];
  let recent = lastPerson;
  let from = 0;
  for (const m of paragraph.matchAll(MARKED)) {
    const text = (m[1] ?? m[2] ?? m[3])!.trim();
    const before = paragraph.slice(0, m.index);
    const after = paragraph.slice(m.index + m[0].length);
    const people = latinNames(paragraph.slice(from, m.index)).filter((n) => n.kind === "person");
    if (people.length) recent = people[people.length - 1]!.name;
    from = m.index + m[0].length;
    if (!isSpeech(text, before, after, "en")) continue;
    out.push({ text: text.replace(/,$/, ""), speaker: englishSpeaker(before, after, recent), group: false });
  }
  return out;
}
