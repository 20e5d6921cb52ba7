/**
 * `npm run deploy-commands [-- --guild <id>]`: registers every command in one bulk overwrite,
 * in one guild (--guild or DISCORD_GUILD_ID: instant) or globally.
 */
import { configOrExit, fail } from "../cli.ts";
import { parseArgs } from "node:util";
import { createRest, deployCommands, fetchApplicationId } from "./deploy.ts";
import { loadCommands } from "./loader.ts";

async function main(): Promise<void> {
  let guild: string | undefined;
  try {
    guild = parseArgs({ options: { guild: { type: "string" } } }).values.guild;
  } catch (err) {
    fail(`deploy-commands: ${(err as Error).message}\nusage: npm run deploy-commands [-- --guild <server id>]`);
  }
  const config = configOrExit();
  if (!config.DISCORD_TOKEN) fail("deploy-commands needs DISCORD_TOKEN (in .env or the environment).");
  const guildId = guild ?? config.DISCORD_GUILD_ID;
  if (guildId !== undefined && !/^\d{17,20}$/.test(guildId)) fail(`deploy-commands: "${guildId}" is not a server id`);
  const commands = await loadCommands();
  const rest = createRest(config.DISCORD_TOKEN, config.DISCORD_API_BASE);
  try {
    const appId = await fetchApplicationId(rest);
    const n = await deployCommands(rest, appId, commands.values(), guildId);
    process.stdout.write(guildId ? `Registered ${n} commands in server ${guildId}.\n` : `Registered ${n} commands globally.\n`);
  } catch (err) {
    const e = err as { status?: number; message?: string };
    fail(`deploy-commands failed: ${e.status === 401 ? "Discord refused the token (check DISCORD_TOKEN)" : (e.message ?? String(err))}`);
  }
}

void main();
