import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchUpload } from "../src/story/upload.ts";

let server: Server;
let base = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/small") return void res.end("story: {}\n");
    if (req.url === "/endless") {
      // No length stated: 2 MB in 64 KB chunks, more than an upload may hold.
      res.writeHead(200, { "content-type": "application/x-yaml" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const push = () => {
        while (sent < 32 && res.write(chunk)) sent++;
        if (sent >= 32) res.end();
        else res.once("drain", push);
      };
      return push();
    }
    if (req.url === "/slow") return; // never answers
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("fetching an uploaded story file", () => {
  it("gives the bytes of a file within the cap", async () => {
    const r = await fetchUpload(`${base}/small`, { maxBytes: 1024, timeoutMs: 2000 });
    expect(r.ok && r.bytes.toString()).toBe("story: {}\n");
  });

  it("stops reading past the cap, whatever size was stated", async () => {
    expect(await fetchUpload(`${base}/endless`, { maxBytes: 1024 * 1024, timeoutMs: 5000 })).toEqual({ ok: false, problem: "tooBig" });
  });

  it("gives up on a missing file and on a server that never answers", async () => {
    expect(await fetchUpload(`${base}/missing`, { maxBytes: 1024, timeoutMs: 2000 })).toEqual({ ok: false, problem: "unreachable" });
    const started = Date.now();
    expect(await fetchUpload(`${base}/slow`, { maxBytes: 1024, timeoutMs: 300 })).toEqual({ ok: false, problem: "unreachable" });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
