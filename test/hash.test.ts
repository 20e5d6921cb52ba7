import { describe, expect, it } from "vitest";
import { contentHash, sha1, sha256Hex } from "../db/hash.ts";
import { itemKey } from "../src/feeds/keys.ts";
import type { ParsedItem } from "../src/feeds/parse.ts";
import { recapMarker } from "../src/recap/nonce.ts";

const item = (over: Partial<ParsedItem>): ParsedItem => ({ guid: null, link: null, title: "", summary: "", rawDate: null, at: null, ...over });

describe("the one hash module", () => {
  it("gives the standard SHA-1 and SHA-256 digests of texts and bytes", () => {
    expect(sha1("abc")).toBe("qZk-NkcGgWq6PiVxeFDCbJzQ2J0");
    expect(sha1(Buffer.from("abc"))).toBe(sha1("abc"));
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("keeps every stored digest as it was before the helpers were shared", () => {
    // Values computed with the code before it moved here: stored hashes and keys must not change.
    expect(contentHash([1, "a", { b: null }])).toBe("fy29cNqwUrqg5X_8dvBYFCF100o");
    expect(itemKey(item({ guid: "x".repeat(400) }), "https://a.example/")).toBe("g#rY64QyCHEUxzTbaeDeULGyuacK0");
    expect(itemKey(item({ title: "T", rawDate: "2023" }), "https://a.example/")).toBe("h:ocDQCHV9-W9hhA-bcZ6h5Zi0_9I");
    expect(recapMarker(7, 1_717_232_400_000, 0)).toBe("7vjifqwt6j53");
  });
});
