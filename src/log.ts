import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * The process's structured logger (JSON lines on stderr, so stdout stays for a command's
 * own output). Every `secrets` value (the bot token) is masked in each line written, even
 * inside an error message or stack; `redact` covers the usual field names too.
 */
export function createLogger(level: string, destination: DestinationStream = process.stderr, secrets: readonly string[] = []): Logger {
  const masked = secrets.filter((s) => s.length >= 8);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["token", "*.token", "DISCORD_TOKEN", "*.DISCORD_TOKEN", "headers.authorization"], censor: "[redacted]" },
      hooks: masked.length
        ? {
            streamWrite: (line) => masked.reduce((text, secret) => text.split(secret).join("[redacted]"), line),
          }
        : {},
    },
    destination,
  );
}
