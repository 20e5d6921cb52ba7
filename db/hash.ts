import { createHash } from "node:crypto";

/** A stable fingerprint of a JSON-able value (key order included), to tell changed rows from unchanged. */
export function contentHash(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("base64url");
}
