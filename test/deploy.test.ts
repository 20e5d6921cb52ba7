/**
 * The deployment files, tested as far as this machine can without Docker: the image's start
 * command is the README's and starts the bot; its health check passes against a healthy bot
 * and fails otherwise; compose.yaml and the systemd unit run that same command, wait longer
 * than the bot's shutdown and keep the database on a volume; and what the image copies and
 * installs (`npm ci --omit=dev`) is all the bot imports.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SHUTDOWN_TIMEOUT_MS } from "../src/bot/shutdown.ts";
import { FakeDiscord } from "../tools/fake-discord/index.ts";
import { TEST_TOKEN } from "./helpers/bot.ts";
import { freePort } from "./helpers/ports.ts";
import { ROOT, track } from "./helpers/spawn.ts";
import { tempDir } from "./helpers/tmp.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const DOCKERFILE = read("Dockerfile");
/** Instructions of the Dockerfile, continuation lines joined. */
const INSTRUCTIONS = DOCKERFILE.replace(/\\\n/g, " ")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const FINAL_STAGE = INSTRUCTIONS.slice(INSTRUCTIONS.findLastIndex((l) => l.startsWith("FROM ")));
/** The exec-form JSON array after an instruction such as `CMD` or `HEALTHCHECK ... CMD`. */
const execForm = (line: string | undefined): string[] => JSON.parse(line?.slice(line.indexOf("[")) ?? "[]") as string[];
const CMD = execForm(FINAL_STAGE.find((l) => l.startsWith("CMD ")));
const HEALTHCHECK = execForm(FINAL_STAGE.find((l) => l.startsWith("HEALTHCHECK ")));
const ENV = Object.fromEntries(
  FINAL_STAGE.filter((l) => l.startsWith("ENV "))
    .flatMap((l) => l.slice(4).trim().split(/\s+/))
    .map((kv) => kv.split("=") as [string, string]),
);
const UNIT = read("deploy/storyline.service");
const unitValue = (key: string) => new RegExp(`^${key}=(.*)$`, "m").exec(UNIT)?.[1]?.trim();
const seconds = (v: string | undefined) => Number(/^(\d+)s?$/.exec(v ?? "")?.[1] ?? Number.NaN);

describe("the Docker image", () => {
  it("is built in stages, installs only production dependencies and runs as an unprivileged user with the database on a volume", () => {
    expect(INSTRUCTIONS.filter((l) => l.startsWith("FROM ")).length).toBeGreaterThanOrEqual(2);
    expect(INSTRUCTIONS).toContainEqual(expect.stringMatching(/^RUN npm ci --omit=dev\b/));
    const user = FINAL_STAGE.filter((l) => l.startsWith("USER "))
      .at(-1)
      ?.slice(5)
      .trim();
    expect(user).toBeDefined();
    expect(["root", "0"]).not.toContain(user);
    const volume = execForm(FINAL_STAGE.find((l) => l.startsWith("VOLUME ")));
    expect(volume).toHaveLength(1);
    expect(dirname(ENV.DATABASE_PATH!)).toBe(volume[0]);
    expect(FINAL_STAGE).toContain(`EXPOSE ${ENV.HTTP_PORT}`);
    expect(ENV.HTTP_HOST).toBe("0.0.0.0");
  });

  it("starts with the README's command, which runs the bot, and its health check passes against it and fails without it", async () => {
    expect(CMD[0]).toBe("node");
    expect(read("README.md")).toContain(`\`${CMD.join(" ")}\``);
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const tmp = tempDir("storyline-image-");
    cleanups.push(tmp.cleanup);
    const port = await freePort();
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: tmp.dir,
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_BASE: fake.apiBase,
      DATABASE_PATH: join(tmp.dir, "data", "storyline.db"),
      HTTP_PORT: String(port),
    };
    // As in the image: the repository is the working directory.
    const bot = track(spawn(process.execPath, CMD.slice(1), { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] }), CMD.join(" "));
    cleanups.push(() => bot.child.kill("SIGKILL"));
    await bot.waitFor(/"msg":"ready"/, 30_000);

    const check = async (httpPort: number) => {
      const p = track(
        spawn(process.execPath, HEALTHCHECK.slice(1), { env: { ...env, HTTP_PORT: String(httpPort) }, stdio: ["ignore", "pipe", "pipe"] }),
        "healthcheck",
      );
      return p.exited;
    };
    expect(HEALTHCHECK[0]).toBe("node");
    expect(await check(port)).toBe(0);
    expect(await check(await freePort())).toBe(1);
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(existsSync(env.DATABASE_PATH)).toBe(true);
  });

  it("copies every file the bot imports, and every package it imports is a production dependency", () => {
    const copied = FINAL_STAGE.filter((l) => l.startsWith("COPY ") && !l.includes("--from"))
      .flatMap((l) => l.slice(5).trim().split(/\s+/).slice(0, -1))
      .map((p) => p.replace(/^\.\//, ""));
    const deps = Object.keys((JSON.parse(read("package.json")) as { dependencies: Record<string, string> }).dependencies);
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = read(file);
      for (const m of text.matchAll(/^(?:import|export)\s+(type\s)?[\w*{}\s,]*?\s*from\s*"([^"]+)"|^import\s+()"([^"]+)"|\bimport\(\s*"([^"]+)"/gm)) {
        if (m[1]) continue; // types are erased
        const spec = (m[2] ?? m[4] ?? m[5])!;
        if (spec.startsWith(".")) visit(relative(ROOT, resolve(ROOT, dirname(file), spec)));
        else if (!spec.startsWith("node:")) packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    };
    for (const entry of [CMD.at(-1)!, "src/ops/backup-cli.ts", ...readdirCommands()]) visit(entry);
    expect(seen.size).toBeGreaterThan(80);
    expect([...packages]).toEqual(expect.arrayContaining(["discord.js", "better-sqlite3", "prom-client", "zod"]));
    expect([...seen].filter((f) => !copied.some((c) => f === c || f.startsWith(`${c}/`)))).toEqual([]);
    expect([...packages].filter((p) => !deps.includes(p))).toEqual([]);
    for (const needed of ["db/migrations", "stories", "commands"]) expect(copied.some((c) => needed.startsWith(c))).toBe(true);
  });
});

function readdirCommands(): string[] {
  return readdirSync(join(ROOT, "commands"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => `commands/${f}`);
}

describe("compose.yaml", () => {
  const compose = parseYaml(read("compose.yaml")) as {
    services: Record<
      string,
      { build: string; env_file: string; environment: Record<string, string>; volumes: string[]; ports: string[]; stop_grace_period: string }
    >;
    volumes: Record<string, unknown>;
  };
  const service = compose.services.storyline!;

  it("builds this image, keeps the database on a named volume and reads the .env made from .env.example", () => {
    expect(service.build).toBe(".");
    expect(existsSync(join(ROOT, `${service.env_file}.example`))).toBe(true);
    const [volume, mountedAt] = service.volumes[0]!.split(":");
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(dirname(service.environment.DATABASE_PATH!)).toBe(mountedAt);
    expect(mountedAt).toBe(dirname(ENV.DATABASE_PATH!));
  });

  it("publishes the health and metrics port on the host's loopback only, and waits longer than the bot's shutdown", () => {
    expect(service.ports).toEqual([`127.0.0.1:${service.environment.HTTP_PORT}:${service.environment.HTTP_PORT}`]);
    expect(seconds(service.stop_grace_period) * 1000).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS);
  });
});

describe("the systemd unit (deploy/storyline.service)", () => {
  it("runs the image's command with an executable that exists, as its own user, and waits longer than the bot's shutdown", () => {
    const [exe, ...args] = unitValue("ExecStart")!.split(/\s+/);
    expect(existsSync(exe!)).toBe(true);
    expect(args).toEqual(CMD.slice(1));
    expect(unitValue("WorkingDirectory")).toMatch(/^\//);
    expect(unitValue("User")).toMatch(/^(?!root$)\w+/);
    expect(unitValue("KillSignal")).toBe("SIGTERM");
    expect(seconds(unitValue("TimeoutStopSec")) * 1000).toBeGreaterThan(SHUTDOWN_TIMEOUT_MS);
    // The database's folder (DATABASE_PATH's default, data/) is the one place it may write.
    expect(unitValue("ReadWritePaths")).toBe(`${unitValue("WorkingDirectory")}/data`);
  });
});
