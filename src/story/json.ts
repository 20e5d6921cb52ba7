/**
 * JSON story text to plain data. `JSON.parse` keeps the last of two equal keys without a
 * word, where YAML refuses them, so a scan over the (by then known valid) text reports
 * each duplicate the same way the YAML reader does.
 */
import { pathText, shown } from "./text.ts";
import type { DataResult } from "./yaml.ts";

/** `line 2, column 5` of a character offset. */
function position(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/** Every key that appears twice in one object, by the object's path. */
function duplicateKeys(text: string): string[] {
  const problems: string[] = [];
  // One frame per open object or array: its keys so far (objects) and where in it we are.
  const frames: { keys: Set<string> | null; at: string | number }[] = [];
  let expectKey = false;
  // Line breaks occur only between tokens in valid JSON, so lines are counted here.
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = frames.at(-1);
      if (top?.keys && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) {
          const path = pathText(frames.slice(0, -1).map((f) => f.at));
          problems.push(`${path}: duplicate key ${shown(key)} (line ${line}, column ${i - lineStart + 1})`);
        }
        top.keys.add(key);
        top.at = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      frames.push({ keys: new Set(), at: "?" });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      frames.push({ keys: null, at: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      frames.pop();
    } else if (c === 0x2c /* , */) {
      const top = frames.at(-1);
      if (top?.keys) expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return problems;
}

/** Whether a prefix of valid-looking JSON already holds an error (rather than only ending too soon). */
function brokenWithin(text: string, length: number): boolean {
  try {
    JSON.parse(text.slice(0, length));
    return false;
  } catch (err) {
    const message = (err as Error).message;
    if (message.includes("end of JSON input")) return false;
    const at = /at position (\d+)/.exec(message);
    return !at || Number(at[1]) < length;
  }
}

/**
 * Where `JSON.parse` failed: the position it names, or — for "Unexpected token", which
 * names none — the shortest prefix that is already broken, found by halving.
 */
function errorOffset(text: string, message: string): number | null {
  const at = /at position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (message.includes("end of JSON input")) return text.length;
  let [lo, hi] = [0, text.length];
  if (!brokenWithin(text, hi)) return null;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (brokenWithin(text, mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** Parses JSON story text, or says where it is broken and which keys repeat. */
export function parseJson(text: string): DataResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const offset = errorOffset(text, message);
    const why = message
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/^Unexpected token '(.+?)',.*$/s, (_, token: string) => `Unexpected token ${shown(token)}`);
    return { ok: false, problems: [`${offset === null ? "(file)" : position(text, offset)}: not valid JSON (${why})`] };
  }
  const problems = duplicateKeys(text);
  return problems.length ? { ok: false, problems } : { ok: true, data };
}
