/** A logger for the benchmark's in-process bot: warnings and errors are counted, nothing is printed. */
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../../src/log.ts";

/** A fake token: the fake Discord takes any non-empty one. */
export const BENCH_TOKEN = "YmVuY2htYXJrLXRva2VuLTAw.bench.not-a-real-token-0000";

/** A warn-level logger whose lines are only kept (to report how many there were). */
export function quietLogger(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("warn", sink, [BENCH_TOKEN]), lines };
}
