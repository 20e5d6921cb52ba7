import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Every variable src/config.ts reads is documented in .env.example, and nothing else is.
describe(".env.example", () => {
  it("names exactly the variables the configuration schema reads", () => {
    const config = readFileSync("src/config.ts", "utf8");
    const schema = config.slice(config.indexOf("z.object({"), config.indexOf("});", config.indexOf("z.object({")));
    const read = [...schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]);
    const documented = [...readFileSync(".env.example", "utf8").matchAll(/^([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(read.length).toBeGreaterThan(5);
    expect([...documented].sort()).toEqual([...read].sort());
  });
});
