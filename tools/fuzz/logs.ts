/**
 * The bot's log as the fuzzer reads it: a stream pino writes JSON lines to. Lines at error
 * level (and "autocomplete failed", the autocomplete's generic-error path) are kept as
 * findings with the interaction they belong to; every other line is only counted.
 */
import { Writable } from "node:stream";

/** One log line that counts as a failure. */
export interface LogFinding {
  level: number;
  msg: string;
  interactionId?: string;
  /** The error's type and message, when the line carries one. */
  err?: string;
  line: string;
}

/** Messages below error level that still mean a handler failed. */
const FAILING_WARNINGS = new Set(["autocomplete failed"]);

/** A pino destination that reads each JSON line as it is written (see the module comment). */
export class LogWatch extends Writable {
  readonly findings: LogFinding[] = [];
  /** Lines per level name (for the report). */
  readonly counts: Record<string, number> = {};
  /** The start of a line whose newline has not arrived yet. */
  private pending = "";
  /** `secrets` must never reach the log, masked or not: a line holding one is a finding. */
  constructor(private readonly secrets: readonly string[] = []) {
    super();
  }

  override _write(chunk: unknown, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    this.pending += String(chunk);
    let nl = this.pending.indexOf("\n");
    while (nl >= 0) {
      this.read1(this.pending.slice(0, nl));
      this.pending = this.pending.slice(nl + 1);
      nl = this.pending.indexOf("\n");
    }
    done();
  }

  private read1(line: string): void {
    if (!line.trim()) return;
    if (this.secrets.some((s) => line.includes(s))) this.findings.push({ level: 60, msg: "a secret in the log", line: "(not shown)" });
    let entry: { level?: number; msg?: string; interactionId?: string; err?: { type?: string; message?: string } };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      this.findings.push({ level: 60, msg: "unparsable log line", line: line.slice(0, 500) });
      return;
    }
    const level = entry.level ?? 30;
    const name = level >= 50 ? "error" : level >= 40 ? "warn" : level >= 30 ? "info" : "debug";
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    const msg = entry.msg ?? "";
    if (level < 50 && !FAILING_WARNINGS.has(msg)) return;
    const finding: LogFinding = { level, msg, line: line.slice(0, 2000) };
    if (entry.interactionId) finding.interactionId = entry.interactionId;
    if (entry.err) finding.err = `${entry.err.type ?? "Error"}: ${entry.err.message ?? ""}`.slice(0, 500);
    this.findings.push(finding);
  }
}
