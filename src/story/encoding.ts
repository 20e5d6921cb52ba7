/**
 * A story file's bytes to text: UTF-8 only (with or without a byte order mark). Any other
 * encoding is refused with one sentence saying what the file is and what to do, never
 * decoded into replacement characters.
 */

export type Decoded = { ok: true; text: string } | { ok: false; problem: string };

const SAVE_AS = "save it as UTF-8";

/** UTF-16 and UTF-32 byte order marks (UTF-32 LE first: it starts like UTF-16 LE). */
const BOMS: [bytes: number[], encoding: string][] = [
  [[0xff, 0xfe, 0x00, 0x00], "UTF-32"],
  [[0x00, 0x00, 0xfe, 0xff], "UTF-32"],
  [[0xff, 0xfe], "UTF-16"],
  [[0xfe, 0xff], "UTF-16"],
];

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

/**
 * UTF-16 or UTF-32 without a byte order mark: text in those is full of zero bytes (every
 * other byte, or three in four, for Latin text), which UTF-8 text never has.
 */
function wideEncoding(buf: Uint8Array): string | null {
  const sample = buf.subarray(0, 4096);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  if (sample.length < 2 || zeros < sample.length / 4) return null;
  return zeros >= (sample.length * 5) / 8 ? "UTF-32" : "UTF-16";
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return i;
}

/** `line 12, column 5` of a byte offset (columns counted in bytes). */
function position(buf: Uint8Array, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes a story file's bytes, dropping a UTF-8 byte order mark. */
export function decodeStoryBytes(buf: Uint8Array): Decoded {
  for (const [bytes, encoding] of BOMS) {
    if (startsWith(buf, bytes)) return { ok: false, problem: `the file is ${encoding}; ${SAVE_AS}` };
  }
  const wide = wideEncoding(buf);
  if (wide) return { ok: false, problem: `the file looks like ${wide} (it is full of zero bytes); ${SAVE_AS}` };
  try {
    // TextDecoder drops a leading UTF-8 byte order mark itself (ignoreBOM: false).
    return { ok: true, text: utf8.decode(buf) };
  } catch {
    const at = firstInvalidByte(buf);
    const byte = buf[at]?.toString(16).toUpperCase().padStart(2, "0") ?? "end";
    return { ok: false, problem: `the file is not valid UTF-8 (byte 0x${byte} at ${position(buf, at)}); ${SAVE_AS}` };
  }
}
