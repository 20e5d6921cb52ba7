/**
 * `npm run draft -- <article.txt|article.html|url> [--date YYYY-MM-DD] [--story <slug>]
 * [--out draft.yaml] [--force] [--facts <facts.yaml>]`: drafts a story file from a news
 * article, checks that it imports, writes it and says what it found. Bad input is one clear
 * line on stderr, exit code 1, and nothing written.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { configOrExit, fail } from "../cli.ts";
import { parseStoryText } from "../story/parse.ts";
import { readArticleParts } from "./article.ts";
import { type Draft, draftStory } from "./draft.ts";
import { DraftError } from "./errors.ts";
import { describeRecovery, readFacts, recovery } from "./facts.ts";
import { readArticle } from "./read.ts";
import { loadStory } from "./story.ts";
import { draftYaml } from "./yaml.ts";

const USAGE = "usage: npm run draft -- <article.txt|article.html|url> [--date YYYY-MM-DD] [--story <slug>] [--out draft.yaml] [--force] [--facts <facts.yaml>]";

function summary(draft: Draft, out: string, slug: string): string {
  const ev = draft.events;
  const carried = ev.filter((e) => e.atNote.startsWith("no date")).length;
  const approximate = ev.filter((e) => e.atNote.includes("approximate")).length;
  const quotes = ev.reduce((n, e) => n + e.quotes.length, 0);
  const unnamed = ev.reduce((n, e) => n + e.unattributed.length, 0);
  const cited = [...new Set(ev.flatMap((e) => e.sources.slice(0, -1).map((s) => s.name)))];
  const fromStory = draft.entities.length - draft.newEntities.length;
  const a = draft.article;
  const lines = [
    `Drafted from ${a.url ?? a.origin} (${a.language === "zh" ? "Chinese" : "English"}, dated ${a.date.day} from ${a.date.from}):`,
    `  events: ${ev.length} (${ev.length - carried} dated by their own text, ${carried} dated from the paragraph before; ${approximate} approximate)`,
    `  people and organisations: ${draft.entities.length} (${draft.extends ? `${fromStory} from ${draft.extends}, ` : ""}${draft.newEntities.length} new)`,
    `  quotes: ${quotes + unnamed} (${quotes} with their speaker, ${unnamed} without)`,
    `  reports cited: ${cited.length}${cited.length ? ` (${cited.join(", ")})` : ""}, and the article itself`,
    `  left out as commentary: ${draft.skipped} paragraph${draft.skipped === 1 ? "" : "s"}`,
    `  could not date: ${draft.undated.length} paragraph${draft.undated.length === 1 ? "" : "s"}${draft.undated.length ? ":" : ""}`,
    ...draft.undated.map((p) => `    ${p.length > 100 ? `${p.slice(0, 99)}…` : p}`),
    `Wrote ${out} (it imports as story "${slug}"). Every text in it is for review.`,
  ];
  return `${lines.join("\n")}\n`;
}

/** Writes through a temporary file beside the target, so a failed write leaves nothing half-written. */
function writeAtomically(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: "wx" });
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new DraftError(`cannot write ${path}: ${(err as { code?: string }).code ?? (err as Error).message}`);
  }
}

const OPTIONS = {
  date: { type: "string" },
  story: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  facts: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function readArgs() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (err) {
    fail(`draft: ${(err as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  const [input, ...extra] = args.positionals;
  if (args.values.help || !input) fail(USAGE);
  if (extra.length) fail(`draft: one article at a time (also given: ${extra.join(" ")})\n${USAGE}`);
  const out = args.values.out ?? "draft.yaml";
  try {
    if (existsSync(out) && !args.values.force) throw new DraftError(`${out} already exists: give --out another path, or --force to replace it`);
    if (!existsSync(dirname(out) || ".")) throw new DraftError(`cannot write ${out}: no such folder ${dirname(out)}`);
    const facts = args.values.facts ? readFacts(args.values.facts) : null;
    const story = args.values.story ? loadStory(configOrExit().STORIES_DIR, args.values.story) : null;
    const article = readArticleParts(await readArticle(input), args.values.date ?? null);
    const draft = draftStory(article, story);
    const text = draftYaml(draft, new Date());
    const check = parseStoryText(text, out);
    if (!check.ok) {
      process.stderr.write(`draft: the draft would not import — a bug in the drafter, please report it. Nothing was written.\n`);
      for (const p of check.problems) process.stderr.write(`  ${p}\n`);
      process.exit(2);
    }
    writeAtomically(out, text);
    process.stdout.write(summary(draft, out, check.story.slug));
    if (facts) {
      const r = recovery(check.story, facts.facts);
      const apart = recovery(check.story, facts.elsewhere);
      process.stdout.write(`Facts of ${facts.story}: the draft ${describeRecovery(r)}\n${r.missed.map((m) => `  missed: ${m}\n`).join("")}`);
      if (apart.total) process.stdout.write(`Facts the story takes from elsewhere: the draft ${describeRecovery(apart)}\n`);
    }
  } catch (err) {
    if (err instanceof DraftError) fail(`draft: ${err.message}. Nothing was written.`);
    process.stderr.write(`draft: unexpected error, a bug in the drafter (please report it): ${(err as Error).message}. Nothing was written.\n`);
    process.exit(2);
  }
}

await main();
