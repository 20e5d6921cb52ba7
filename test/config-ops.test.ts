import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
    return "";
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
};

describe("the operator's settings", () => {
  it("given nothing set, then shards are automatic, the HTTP endpoints off on 127.0.0.1 and the lease 30 s", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ GATEWAY_SHARDS: "auto", HTTP_HOST: "127.0.0.1", SCHEDULER_LEASE_SECONDS: 30 });
    expect(c.HTTP_PORT).toBeUndefined();
  });

  it("reads a shard count, a port and a lease", () => {
    expect(loadConfig({ GATEWAY_SHARDS: " 4 ", HTTP_PORT: "8080", HTTP_HOST: "0.0.0.0", SCHEDULER_LEASE_SECONDS: "5" })).toMatchObject({
      GATEWAY_SHARDS: 4,
      HTTP_PORT: 8080,
      HTTP_HOST: "0.0.0.0",
      SCHEDULER_LEASE_SECONDS: 5,
    });
    const empty = loadConfig({ GATEWAY_SHARDS: "", HTTP_PORT: "" });
    expect(empty.GATEWAY_SHARDS).toBe("auto");
    expect(empty.HTTP_PORT).toBeUndefined();
  });

  it("given shard counts that are not one, JSON as discord.js's SHARDS takes, or ports out of range, then each is named", () => {
    for (const shards of ["0", "two", "[0,1]", "1025", "-1", "2.5"])
      expect(problems({ GATEWAY_SHARDS: shards }), shards).toContain('GATEWAY_SHARDS: must be "auto" or a shard count from 1 to 1024');
    for (const port of ["0", "65536", "http", "80.5"]) expect(problems({ HTTP_PORT: port }), port).toContain("HTTP_PORT: must be a port from 1 to 65535");
    expect(problems({ SCHEDULER_LEASE_SECONDS: "1" })).toContain("SCHEDULER_LEASE_SECONDS");
  });

  it("ignores SHARDS and SHARD_COUNT, which discord.js would read itself", () => {
    expect(loadConfig({ SHARDS: "[0,1]", SHARD_COUNT: "2" }).GATEWAY_SHARDS).toBe("auto");
  });
});
