/** WEB_PORT and PUBLIC_URL: off by default, a bad value refused with a clear line. */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";

describe("story page settings", () => {
  it("are off unless set, and PUBLIC_URL loses its trailing slash", () => {
    const none = loadConfig({});
    expect(none.WEB_PORT).toBeUndefined();
    expect(none.PUBLIC_URL).toBeUndefined();
    const set = loadConfig({ WEB_PORT: "8080", PUBLIC_URL: "https://storyline.example.org/" });
    expect(set.WEB_PORT).toBe(8080);
    expect(set.PUBLIC_URL).toBe("https://storyline.example.org");
  });

  it("refuse a port out of range and an address that is not http(s)", () => {
    expect(() => loadConfig({ WEB_PORT: "70000", PUBLIC_URL: "javascript:alert(1)" })).toThrow(
      /WEB_PORT: must be a port from 1 to 65535\n {2}PUBLIC_URL: must be an http\(s\) URL/,
    );
  });
});
