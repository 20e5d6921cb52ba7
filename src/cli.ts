/** What every command-line entry point shares: a clean exit on a user-facing problem. */
import { ConfigError, loadConfig, type Config } from "./config.ts";

/** Prints `message` to stderr and exits 1 — for problems a person can fix, never with a stack trace. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** The configuration, or exit 1 listing every problem with it. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}
