/**
 * How much of a known story a draft recovers: a list of facts (a date some event has, a
 * number or phrase some event tells, a name some entity answers to, a quote by its speaker,
 * a report cited as a source), each checked against the draft as the importer reads it.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { namesOf, normalizeName } from "../../db/names.ts";
import type { StoryInput } from "../../db/types.ts";
import { findName } from "../feeds/match.ts";
import { DraftError } from "./errors.ts";

const Fact = z.strictObject({
  fact: z.string(),
  kind: z.enum(["date", "text", "name", "quote", "source", "event"]),
  any: z.array(z.string()).default([]),
  at: z.string().optional(),
  by: z.array(z.string()).default([]),
});
const FactsFile = z.strictObject({ story: z.string(), article: z.string(), facts: z.array(Fact).min(1), elsewhere: z.array(Fact).default([]) });
export type Fact = z.infer<typeof Fact>;
export type FactsFile = z.infer<typeof FactsFile>;

export interface Recovery {
  found: number;
  total: number;
  missed: string[];
}

export function readFacts(path: string): FactsFile {
  let data: unknown;
  try {
    data = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new DraftError(`--facts ${path}: ${(err as Error).message.split("\n")[0]}`);
  }
  const r = FactsFile.safeParse(data);
  if (!r.success) throw new DraftError(`--facts ${path}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return r.data;
}

/** Text compared loosely: NFKC, lower case, no spaces, no punctuation but "%" and "." (copies differ in "，" and ","). */
const loose = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%.]+/gu, "");
const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

function eventTexts(ev: StoryInput["events"][number]): string {
  return [ev.title.en, ev.title.zh, ev.summary.en, ev.summary.zh, ...ev.quotes.flatMap((q) => [q.text.en, q.text.zh])].filter(Boolean).join(" ");
}

function answersTo(entity: StoryInput["entities"][number], wanted: readonly string[]): boolean {
  const names = namesOf(entity);
  return wanted.some((w) => {
    const key = normalizeName(w);
    return names.some((n) => n === key || n.replace(/ /g, "") === key.replace(/ /g, "") || findName(n, key) >= 0);
  });
}

function holds(story: StoryInput, f: Fact): boolean {
  const tells = (text: string) => f.any.some((a) => loose(text).includes(loose(a)));
  switch (f.kind) {
    case "date":
      return story.events.some((ev) => dayOf(ev.at) === f.at);
    case "text":
      return story.events.some((ev) => tells(eventTexts(ev)));
    case "event":
      return story.events.some((ev) => dayOf(ev.at) === f.at && tells(eventTexts(ev)));
    case "name":
      return story.entities.some((e) => answersTo(e, f.any));
    case "source":
      return story.events.some((ev) => ev.sources.some((s) => tells(s.name)));
    case "quote":
      return story.events.some((ev) =>
        ev.quotes.some(
          (q) => tells(`${q.text.en ?? ""} ${q.text.zh ?? ""}`) && (!f.by.length || story.entities.some((e) => e.key === q.byKey && answersTo(e, f.by))),
        ),
      );
  }
}

/** Checks every fact against a draft. */
export function recovery(story: StoryInput, facts: readonly Fact[]): Recovery {
  const missed = facts.filter((f) => !holds(story, f)).map((f) => f.fact);
  return { found: facts.length - missed.length, total: facts.length, missed };
}

/** "recovers 35 of 44 facts (80%)" */
export function describeRecovery(r: Recovery): string {
  return `recovers ${r.found} of ${r.total} facts (${Math.round((100 * r.found) / Math.max(1, r.total))}%)`;
}
