/**
 * Reading a story file from disk within its size limit: the size is known (fstat) before a
 * byte is read, and no more than the limit is ever read, so a huge file, a device, a FIFO
 * or a file that grows meanwhile costs nothing and is one clear problem.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { formatBytes, STORY_LIMITS } from "./limits.ts";
import { type ParseResult, parseStoryBytes } from "./parse.ts";

function why(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return (err as Error).message;
}

const tooBig = (size: string, max: number) => `the file is ${size}; the limit is ${formatBytes(max)} (split the story into several files)`;

/** The file's bytes, or the one problem that keeps it from being read. */
function readStoryBytes(path: string, maxBytes: number = STORY_LIMITS.fileBytes): { ok: true; bytes: Buffer } | { ok: false; problem: string } {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, problem: `cannot read file: ${why(err)}` };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, problem: "cannot read file: is a directory" };
    if (!stat.isFile()) return { ok: false, problem: "cannot read file: not a regular file" };
    if (stat.size > maxBytes) return { ok: false, problem: tooBig(formatBytes(stat.size), maxBytes) };
    // Read to the end, but never past the limit: a file may grow meanwhile, and a /proc file says its size is 0.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - length, 64 * 1024), maxBytes + 1 - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
      if (length > maxBytes) return { ok: false, problem: tooBig(`over ${formatBytes(maxBytes)}`, maxBytes) };
    }
    return { ok: true, bytes: Buffer.concat(chunks, length) };
  } catch (err) {
    return { ok: false, problem: `cannot read file: ${why(err)}` };
  } finally {
    closeSync(fd);
  }
}

/** Reads, decodes and validates a story file; a missing, unreadable or oversized file is one clear problem. */
export function readStoryFile(path: string, maxBytes: number = STORY_LIMITS.fileBytes): ParseResult {
  const read = readStoryBytes(path, maxBytes);
  return read.ok ? parseStoryBytes(read.bytes, path) : { ok: false, problems: [read.problem] };
}
