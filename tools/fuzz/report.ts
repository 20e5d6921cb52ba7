/**
 * The fuzz report as text: counts by kind, skips, log levels, failures by invariant, and
 * each distinct failure once with the first input that caused it (invisible characters
 * escaped, long strings shortened) and how to run it again.
 */
import type { FuzzCase } from "./case.ts";
import type { Failure, FuzzReport } from "./driver.ts";

/** Text with invisible, control, bidi and broken characters shown as \u{…}, long text shortened. */
export function visible(text: string, max = 120): string {
  const shown = text.length > max ? `${text.slice(0, max)}…(${text.length} chars)` : text;
  return shown.replace(/[^\p{L}\p{N}\p{P}\p{S} ]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

function show(value: unknown): string {
  if (typeof value === "string") return `"${visible(value)}"`;
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(", ")} }`;
  return String(value);
}

/** One case in one line. */
export function describeCase(c: FuzzCase, guildName: (id: string | null) => string): string {
  const a = c.actor;
  const who = `${visible(a.user.username)}${a.user.editor ? " (editor)" : ""}${a.admin ? " admin" : ""}, ${a.locale}, ${guildName(a.guildId)}`;
  return `#${c.n} ${c.kind} ${visible(c.target, 200)} as ${who}; input ${show(c.input)}`;
}

/** The same failure at other ids or numbers is the same failure. */
function signature(f: Failure): string {
  return `${f.invariant}|${f.case?.kind ?? ""}|${f.case?.target.split(":")[0] ?? ""}|${f.detail
    .replace(/fake\.[\w-]+…/g, "…")
    .replace(/[0-9a-f]{8}\)/g, "…)")
    .replace(/\d+/g, "#")}`;
}

/** The whole report as text. */
export function formatReport(r: FuzzReport, guildName: (id: string | null) => string = (id) => (id === null ? "DM" : "guild")): string {
  const lines: string[] = [];
  lines.push(`fuzz: ${r.interactions} interactions in ${(r.elapsedMs / 1000).toFixed(1)} s, seed ${r.seed}; ${r.requests} REST requests checked`);
  const list = (tally: Record<string, number>) =>
    Object.entries(tally)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
  lines.push(`  by kind: ${list(r.byKind)}`);
  lines.push(`  commands: ${list(r.byCommand)}`);
  lines.push(`  answers: ${list(r.answers)}`);
  const skips = Object.entries(r.skipped).sort((a, b) => b[1] - a[1]);
  if (skips.length)
    lines.push(
      `  skipped ${skips.reduce((n, [, c]) => n + c, 0)} (fake refused the input):`,
      ...skips.slice(0, 8).map(([why, n]) => `    ${n}× ${visible(why)}`),
    );
  lines.push(
    `  bot log lines: ${Object.entries(r.logLines)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
  );
  if (!r.failures.length) {
    lines.push("  no failures");
    return lines.join("\n");
  }
  const byInvariant = new Map<string, number>();
  for (const f of r.failures) byInvariant.set(f.invariant, (byInvariant.get(f.invariant) ?? 0) + 1);
  lines.push(`  FAILURES ${r.failures.length}: ${[...byInvariant].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  const groups = new Map<string, Failure[]>();
  for (const f of r.failures) groups.set(signature(f), [...(groups.get(signature(f)) ?? []), f]);
  lines.push(`  ${groups.size} distinct:`);
  for (const list of groups.values()) {
    const f = list[0]!;
    lines.push(`  - [${f.invariant}] ${visible(f.detail, 600)} (${list.length}×)`);
    const first = list.find((x) => x.case)?.case;
    if (first) lines.push(`      first: ${describeCase(first, guildName)}`);
  }
  lines.push(`  to run it again: npm run fuzz -- --seed ${r.seed} --runs ${r.interactions} (add --concurrency 1 for the same order)`);
  return lines.join("\n");
}
