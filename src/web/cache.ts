/**
 * Rendered pages remembered by their ETag, which changes whenever the database may have
 * (dataStamp): a busy page is rendered once per change, and a reader who has it gets a 304.
 * Bounded by total size, oldest dropped first.
 */
import { createHash } from "node:crypto";

/** Bytes of rendered pages kept at most. */
const MAX_BYTES = 32 * 1024 * 1024;

export function etagOf(...parts: string[]): string {
  return `"${createHash("sha1").update(parts.join("\u0000")).digest("base64url").slice(0, 22)}"`;
}

export class PageCache {
  private readonly pages = new Map<string, { status: number; body: string }>();
  private bytes = 0;
  constructor(private readonly enabled: boolean) {}

  get(etag: string): { status: number; body: string } | undefined {
    return this.enabled ? this.pages.get(etag) : undefined;
  }

  set(etag: string, value: { status: number; body: string }): void {
    if (!this.enabled || value.body.length > MAX_BYTES / 4) return;
    this.pages.set(etag, value);
    this.bytes += value.body.length;
    while (this.bytes > MAX_BYTES) {
      const [oldest, v] = this.pages.entries().next().value!;
      this.pages.delete(oldest);
      this.bytes -= v.body.length;
    }
  }
}

/** Whether an If-None-Match header names `etag` (or is `*`). */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((t) => t.trim().replace(/^W\//, ""))
    .some((t) => t === etag || t === "*");
}
