import { describe, expect, it } from "vitest";
import { BUNDLED_STORY, ConfigError, loadConfig } from "../src/config.ts";
import { tempDir } from "./helpers/tmp.ts";

describe("configuration", () => {
  it("given nothing set, then every default applies", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      DATABASE_PATH: "data/storyline.db",
      LOG_LEVEL: "info",
      DEFAULT_STORY: BUNDLED_STORY,
      STORIES_DIR: "stories",
      EDITOR_USER_IDS: [],
      FEED_POLL_MINUTES: 10,
    });
    expect(c.DISCORD_TOKEN).toBeUndefined();
  });

  it("given several bad values, then all problems are reported at once", () => {
    let message = "";
    try {
      loadConfig({ LOG_LEVEL: "loud", DISCORD_API_BASE: "ftp://x", DISCORD_GUILD_ID: "abc", FEED_POLL_MINUTES: "0" });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/4 problems/);
    for (const key of ["LOG_LEVEL", "DISCORD_API_BASE", "DISCORD_GUILD_ID", "FEED_POLL_MINUTES"]) expect(message).toContain(key);
  });

  it("given a bad token, then the message never shows the token", () => {
    const secret = "short-secret";
    expect(() => loadConfig({ DISCORD_TOKEN: secret })).toThrow(ConfigError);
    try {
      loadConfig({ DISCORD_TOKEN: secret });
    } catch (err) {
      expect((err as Error).message).not.toContain(secret);
    }
  });

  it("parses the editor list and treats empty values as unset", () => {
    const c = loadConfig({ EDITOR_USER_IDS: " 123456789012345678, 223456789012345678 ", DISCORD_GUILD_ID: "" });
    expect(c.EDITOR_USER_IDS).toEqual(["123456789012345678", "223456789012345678"]);
    expect(c.DISCORD_GUILD_ID).toBeUndefined();
  });

  it("reads a .env file, and real environment variables win over it", () => {
    const tmp = tempDir();
    try {
      const path = tmp.file(".env", "LOG_LEVEL=debug\nSTORIES_DIR=elsewhere\n");
      const c = loadConfig({ STORIES_DIR: "from-env" }, path);
      expect(c.LOG_LEVEL).toBe("debug");
      expect(c.STORIES_DIR).toBe("from-env");
    } finally {
      tmp.cleanup();
    }
  });
});
