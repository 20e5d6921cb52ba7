/** The rows the benchmark reports, the table it prints and the file it writes. */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

/** One measured figure next to its baseline. */
export interface Row {
  measure: string;
  value: number | null;
  unit: string;
  baseline: number | null;
  /** How the two compare, as the target states it (e.g. value / baseline). */
  ratio: number | null;
  target: string;
  /** null: no target, or not measured. */
  ok: boolean | null;
  /** Anything else worth keeping (sample counts, hit counts, p99 of the baseline...). */
  detail?: Record<string, unknown>;
}

const fmt = (n: number | null, unit = ""): string => {
  if (n === null || !Number.isFinite(n)) return "—";
  const a = Math.abs(n);
  const s = a >= 1000 ? Math.round(n).toLocaleString("en-US") : a >= 100 ? n.toFixed(0) : a >= 10 ? n.toFixed(1) : a >= 1 ? n.toFixed(2) : n.toFixed(3);
  return unit ? `${s} ${unit}` : s;
};

/** The table: measure | value | baseline | ratio | target | ok?, in Markdown (it reads as text too). */
export function table(rows: readonly Row[]): string {
  const lines = rows.map((r) => [
    r.measure,
    fmt(r.value, r.unit),
    fmt(r.baseline, r.unit),
    r.ratio === null ? "—" : `${fmt(r.ratio)}×`,
    r.target,
    r.ok === null ? "" : r.ok ? "ok" : "MISS",
  ]);
  const head = ["measure", "value", "baseline", "ratio", "target", "ok?"];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [row(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}

/** The machine the figures come from. */
export function machine(): Record<string, unknown> {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? "unknown",
    totalMemoryMB: Math.round(totalmem() / 2 ** 20),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

/**
 * How much of the database the OS is keeping in its file cache right now (Linux; null
 * elsewhere): what decides whether a cold row costs a memory copy or a disk read.
 */
export function fileCacheMB(): number | null {
  try {
    const kb = /^Cached:\s+(\d+) kB/m.exec(readFileSync("/proc/meminfo", "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** Writes the results file (pretty JSON). */
export function writeResults(path: string, body: Record<string, unknown>): void {
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
}
