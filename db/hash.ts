/**
 * The digests the project uses, in one place: fingerprints of rows and files, dedupe keys
 * and nonces. None is for secrets. The outputs are stored (content hashes, feed item keys),
 * so they must never change.
 */
import { createHash, type BinaryLike } from "node:crypto";

/** SHA-1, base64url (27 characters): a short fingerprint of a text or file. */
export function sha1(data: BinaryLike): string {
  return createHash("sha1").update(data).digest("base64url");
}

/** SHA-256, hex (64 characters). */
export function sha256Hex(data: BinaryLike): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A stable fingerprint of a JSON-able value (key order included), to tell changed rows from unchanged. */
export function contentHash(value: unknown): string {
  return sha1(JSON.stringify(value));
}
