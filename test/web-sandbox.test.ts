/** The sandbox always serves the story pages, says where, and its replies link to them. */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_STORY, loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startSandbox, type Sandbox } from "../src/sandbox/session.ts";
import { tempDir } from "./helpers/tmp.ts";

const tmp = tempDir("storyline-web-sandbox-");
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ config: { ...loadConfig({}), DATABASE_PATH: join(tmp.dir, "sandbox.db") }, log: createLogger("silent") });
});
afterAll(async () => {
  await sandbox.stop();
  tmp.cleanup();
});

describe("npm run sandbox", () => {
  it("prints the story page's address, and the page renders there", async () => {
    const url = /Story pages: (http:\/\/127\.0\.0\.1:\d+\/s\/[a-z0-9-]+)/.exec(sandbox.intro)?.[1];
    expect(url).toMatch(new RegExp(`/s/${BUNDLED_STORY}$`));
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("<h1>OpenAI&#39;s board crisis");
    expect(text).toContain('<svg class="timeline"');
  });

  it("links /event to the page on that address, with no PUBLIC_URL set", async () => {
    const { output } = await sandbox.run("/event id:altman-fired");
    const base = /Story pages: (http:\/\/127\.0\.0\.1:\d+)/.exec(sandbox.intro)![1];
    expect(output).toContain(`${base}/s/${BUNDLED_STORY}/e/altman-fired?lang=en`);
  });
});
