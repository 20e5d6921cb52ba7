/**
 * YAML story text to plain data, within budget. The `yaml` package's own alias guard refuses
 * ordinary reuse (one anchor used 101 times) and its duplicate-key check is quadratic, so
 * both are done here instead: values are counted by the lexer before any tree is built,
 * then every alias is charged for everything it stands for, and duplicate keys are found
 * with one set per mapping. Only the core schema's plain values are allowed, no tags.
 */
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Node } from "yaml";
import { STORY_LIMITS, TOO_MANY_VALUES as TOO_MANY } from "./limits.ts";
import { pathText, shown } from "./text.ts";

export type DataResult = { ok: true; data: unknown } | { ok: false; problems: string[] };

/** Values as the lexer sees them: scalars, aliases and collection openings, stopping past `max`. */
function lexedValues(text: string, max: number): number {
  let n = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (
      type === "scalar" ||
      type === "single-quoted-scalar" ||
      type === "double-quoted-scalar" ||
      type === "alias" ||
      type === "seq-item-ind" ||
      type === "flow-seq-start" ||
      type === "flow-map-start"
    ) {
      if (++n > max) return n;
    }
  }
  return n;
}

/** `line 3, column 5` of an offset. */
const at = (lines: LineCounter, offset: number | undefined) => {
  const p = lines.linePos(offset ?? 0);
  return `line ${p.line}, column ${p.col}`;
};

/**
 * The tree's size with every alias expanded, in one pass (an anchored node's size is kept
 * for its aliases); also every duplicate key, alias without anchor, alias inside its own
 * anchor, and nesting past the depth limit.
 */
function inspect(root: unknown, lines: LineCounter): { size: number; problems: string[] } {
  const problems: string[] = [];
  const anchors = new Map<string, Node>();
  const sizes = new Map<Node, number>();
  const open = new Set<Node>();
  const path: (string | number)[] = [];
  let deep = false;
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) problems.push(`${at(lines, node.range?.[0])}: the alias *${node.source} has no anchor &${node.source} before it`);
      else if (open.has(target)) problems.push(`${at(lines, node.range?.[0])}: the alias *${node.source} is inside its own anchor, so it never ends`);
      return target ? (sizes.get(target) ?? 1) : 1;
    }
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) return 1;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) {
      if (node.anchor) sizes.set(node, 1);
      return 1;
    }
    if (path.length >= STORY_LIMITS.depth) {
      if (!deep) problems.push(`${pathText(path)}: nested more than ${STORY_LIMITS.depth} levels deep`);
      deep = true;
      return 1;
    }
    // Only anchored nodes can be the target of an alias: only they are remembered.
    if (node.anchor) open.add(node);
    let total = 1;
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        path.push(i);
        total += size(item);
        path.pop();
      });
    } else {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const keyNode = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
        const key = isScalar(keyNode) ? String(keyNode.value) : null;
        if (key !== null && keys.has(key)) problems.push(`${pathText(path)}: duplicate key ${shown(key)} (${at(lines, (pair.key as Node).range?.[0])})`);
        if (key !== null) keys.add(key);
        total += size(pair.key);
        path.push(key ?? "?");
        total += size(pair.value);
        path.pop();
      }
    }
    if (node.anchor) {
      open.delete(node);
      sizes.set(node, total);
    }
    return total;
  };
  return { size: size(root), problems };
}

/** `line 3, column 5: Map keys must be unique` from a yaml error or warning. */
function yamlMessage(e: { code: string; message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): string {
  const where = e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : "(file)";
  const first = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  if (e.code === "RESOURCE_EXHAUSTION") return `${where}: nested too deeply (a story file needs ${STORY_LIMITS.depth} levels at most)`;
  if (e.code === "TAG_RESOLVE_FAILED") {
    const tag = first.replace(/^Unresolved tag: /, "").replace(/^tag:yaml\.org,2002:/, "!!");
    return `${where}: the tag ${tag} is not allowed; a story file holds only texts, numbers, true/false, lists and mappings`;
  }
  return `${where}: ${first}`;
}

/** Parses YAML story text to plain data, or says every reason it cannot. */
export function parseYaml(text: string): DataResult {
  if (lexedValues(text, STORY_LIMITS.values) > STORY_LIMITS.values) return { ok: false, problems: [TOO_MANY] };
  const lines = new LineCounter();
  // resolveKnownTags: false keeps !!binary, !!timestamp, !!set… unresolved, and so reported.
  const doc = parseDocument(text, { schema: "core", merge: false, resolveKnownTags: false, uniqueKeys: false, lineCounter: lines });
  // Deep nesting overflows the parser's stack at every level on the way out: say it once.
  const errors = doc.errors.filter((e, i, all) => e.code !== "RESOURCE_EXHAUSTION" || all.findIndex((f) => f.code === e.code) === i);
  const syntax = [...errors, ...doc.warnings].map(yamlMessage);
  if (syntax.length) return { ok: false, problems: syntax };
  const found = inspect(doc.contents, lines);
  if (found.problems.length) return { ok: false, problems: found.problems };
  if (found.size > STORY_LIMITS.values) return { ok: false, problems: [TOO_MANY] };
  return { ok: true, data: doc.toJS({ maxAliasCount: -1 }) };
}
