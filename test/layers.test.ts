/**
 * The layers of ARCHITECTURE.md, checked over the real import graph: each file may import its
 * own layer and the ones below it, never above; a few further rules name what never imports what.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/spawn.ts";

/** Bottom up; a path belongs to the first layer whose pattern matches it. */
const LAYERS: [name: string, pattern: RegExp][] = [
  ["config and log", /^src\/(config|log)\.ts$/],
  ["plain text", /^src\/text\//],
  ["db", /^db\//],
  ["story files", /^src\/story\/(?!cli\.ts$)/],
  ["i18n", /^src\/i18n\//],
  ["editor forms", /^src\/editor\//],
  ["custom ids", /^src\/custom-ids\.ts$/],
  ["render", /^src\/render\//],
  ["handler context", /^src\/context\.ts$/],
  ["services", /^src\/(feeds|newsroom|recap|audit|draft|outbox|courier)\/(?!cli\.ts$)/],
  ["command kit", /^src\/(resolvers|command-kit)\//],
  ["commands", /^commands\//],
  ["runtime", /^src\/(bot|ops|web)\/(?!deploy-cli\.ts$|backup-cli\.ts$)/],
  ["entry points", /^src\/(index\.ts|cli\.ts|sandbox\/|[a-z]+\/cli\.ts$|bot\/deploy-cli\.ts$|ops\/backup-cli\.ts$)/],
  ["development tools", /^tools\//],
];

function layerOf(path: string): number {
  const i = LAYERS.findIndex(([, re]) => re.test(path));
  if (i < 0) throw new Error(`${path} belongs to no layer: add it to ARCHITECTURE.md and this test`);
  return i;
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === "node_modules" || name === "tmp" ? [] : sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  /** `import type …`: erased at run time. */
  typeOnly: boolean;
}

/** Every relative import of a file, as repository paths. */
function importsOf(from: string): Edge[] {
  const text = readFileSync(join(ROOT, from), "utf8");
  const statics = [...text.matchAll(/^(?:import|export)\s+(type\s)?[^;]*?from\s*"(\.{1,2}\/[^"]+)"/gm)];
  const dynamics = [...text.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"/g)];
  const edge = (spec: string, typeOnly: boolean): Edge => ({ from, to: relative(ROOT, resolve(dirname(join(ROOT, from)), spec)), typeOnly });
  return [...statics.map((m) => edge(m[2]!, Boolean(m[1]))), ...dynamics.map((m) => edge(m[1]!, false))];
}

const FILES = ["db", "src", "commands", "tools"].flatMap(sources);
const EDGES = FILES.flatMap(importsOf);
/** db/ modules of pure text functions (no statements), which renderers may use. */
const PURE_DB = new Set(["db/search-text.ts", "db/text.ts"]);
/** The one allowed upward edge: the sandbox runs the real bot against the fake Discord. */
const sandboxOnFake = (e: Edge) => e.from.startsWith("src/sandbox/") && e.to.startsWith("tools/fake-discord/");

describe("the import graph", () => {
  it("finds the files and their imports", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(EDGES.length).toBeGreaterThan(300);
  });

  it("has every file in a layer", () => {
    const lost = FILES.filter((f) => !LAYERS.some(([, re]) => re.test(f)));
    expect(lost).toEqual([]);
  });

  it("never imports upwards", () => {
    const up = EDGES.filter((e) => layerOf(e.to) > layerOf(e.from) && !sandboxOnFake(e)).map(
      (e) => `${e.from} (${LAYERS[layerOf(e.from)]![0]}) imports ${e.to} (${LAYERS[layerOf(e.to)]![0]})`,
    );
    expect(up).toEqual([]);
  });

  it("keeps renderers pure: from db/ they take types and the pure text helpers, never a query", () => {
    const bad = EDGES.filter((e) => e.from.startsWith("src/render/") && e.to.startsWith("db/") && !e.typeOnly && !PURE_DB.has(e.to));
    expect(bad).toEqual([]);
  });

  it("never has a command import another command", () => {
    expect(EDGES.filter((e) => e.from.startsWith("commands/") && e.to.startsWith("commands/"))).toEqual([]);
  });

  it("keeps development tools out of the product, but for the sandbox that runs the bot against the fake Discord", () => {
    const bad = EDGES.filter((e) => e.to.startsWith("tools/") && !e.from.startsWith("tools/") && !sandboxOnFake(e));
    expect(bad).toEqual([]);
  });

  it("reads process.env only in src/config.ts", () => {
    const readers = FILES.filter((f) => f.match(/^(src|db|commands)\//) && f !== "src/config.ts" && /process\.env\b/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(readers).toEqual([]);
  });

  it("keeps SQL in db/", () => {
    const sql = /\b(prepare|exec)\(\s*[`"']\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)\b/i;
    const outside = FILES.filter((f) => f.match(/^(src|commands)\//) && sql.test(readFileSync(join(ROOT, f), "utf8")));
    expect(outside).toEqual([]);
  });
});
