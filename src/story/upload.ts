/**
 * Fetching a story file someone uploaded to Discord (`/story import file:`): at most
 * `maxBytes`, read as it arrives and cut off past the cap (the size Discord states is
 * checked first, but the bytes are what count), within a time limit.
 */

export type UploadRead = { ok: true; bytes: Buffer } | { ok: false; problem: "tooBig" | "unreachable" };

/** The bytes at `url`, or why not. */
export async function fetchUpload(url: string, opts: { maxBytes: number; timeoutMs: number }): Promise<UploadRead> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: "follow" });
    if (!res.ok || !res.body) return { ok: false, problem: "unreachable" };
    const chunks: Buffer[] = [];
    let length = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > opts.maxBytes) {
        await reader.cancel();
        return { ok: false, problem: "tooBig" };
      }
      chunks.push(Buffer.from(value));
    }
    return { ok: true, bytes: Buffer.concat(chunks, length) };
  } catch {
    return { ok: false, problem: "unreachable" };
  }
}
