import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * The process's structured logger (JSON lines on stderr, so stdout stays for a command's
 * own output). Never hand it a token: `redact` is a second line of defence, not the first.
 */
export function createLogger(level: string, destination: DestinationStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ["token", "*.token", "DISCORD_TOKEN", "*.DISCORD_TOKEN", "headers.authorization"], censor: "[redacted]" },
    },
    destination,
  );
}
