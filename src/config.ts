import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import { z } from "zod";

/** The bundled story, followed by every server until it picks another. */
export const BUNDLED_STORY = "openai-board-crisis-2023";

/** More shards than any bot this size needs; a typo such as 40000 is refused, not tried. */
const MAX_SHARDS = 1024;

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17–20 digits)");
const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const Schema = z.object({
  DATABASE_PATH: z.string().min(1).default("data/storyline.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(20, "looks too short to be a bot token").optional()),
  DISCORD_API_BASE: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:8080/api" }).optional(),
  ),
  DISCORD_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DEFAULT_STORY: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a story slug (a-z, 0-9, -)")
    .default(BUNDLED_STORY),
  STORIES_DIR: z.string().min(1).default("stories"),
  EDITOR_USER_IDS: z
    .preprocess(emptyAsUndefined, z.string().optional())
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(snowflake)),
  EDITOR_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  FEED_POLL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  // Not SHARDS / SHARD_COUNT: discord.js reads those from the environment itself, as JSON.
  GATEWAY_SHARDS: z
    .preprocess(emptyAsUndefined, z.string().trim().default("auto"))
    .refine(
      (v) => v === "auto" || (/^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_SHARDS),
      `must be "auto" or a shard count from 1 to ${MAX_SHARDS}`,
    )
    .transform((v): "auto" | number => (v === "auto" ? "auto" : Number(v))),
  HTTP_PORT: z
    .preprocess(emptyAsUndefined, z.string().trim().optional())
    .refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), "must be a port from 1 to 65535")
    .transform((v) => (v === undefined ? undefined : Number(v))),
  // The story pages (src/web): off unless a port is set; on the same HTTP_HOST as the ops endpoints.
  WEB_PORT: z
    .preprocess(emptyAsUndefined, z.string().trim().optional())
    .refine((v) => v === undefined || (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535), "must be a port from 1 to 65535")
    .transform((v) => (v === undefined ? undefined : Number(v))),
  // The address readers reach the pages at, used in links (replies' buttons, feeds, cards).
  PUBLIC_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://storyline.example.org" })
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
  ),
  HTTP_HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default("127.0.0.1")),
  SCHEDULER_LEASE_SECONDS: z.coerce.number().int().min(2).max(600).default(30),
  // The heap an import's worker thread may use (src/story/import-worker.ts); unset: Node's default.
  IMPORT_WORKER_MAX_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(8).max(65536).optional()),
});

/** Everything Storyline reads from its environment, validated. */
export type Config = z.infer<typeof Schema>;

/** Thrown with every configuration problem listed, one per line. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

/** Adds `.env` (if present) under the given variables, without touching the process environment. */
function withDotenv(env: Env, path: string | null): Env {
  if (!path || !existsSync(path)) return env;
  return { ...parseDotenv(readFileSync(path)), ...env };
}

/**
 * Loads the configuration from `env` plus the `.env` file at `dotenvPath` (variables in `env`
 * win). By default: the process environment and `./.env`; with an explicit `env`, no file.
 * Reports all problems at once; the token's value never appears in a message.
 */
export function loadConfig(env?: Env, dotenvPath: string | null = env ? null : ".env"): Config {
  const source = withDotenv(env ?? process.env, dotenvPath);
  const parsed = Schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(config)"}: ${i.message}`);
  throw new ConfigError(`Storyline's configuration has ${lines.length} problem${lines.length > 1 ? "s" : ""}:\n${lines.join("\n")}`);
}
