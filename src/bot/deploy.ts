import { REST, Routes } from "discord.js";
import type { Command } from "../context.ts";

/** The registration body of every command, as Discord takes it. */
export function commandBodies(commands: Iterable<Command>): unknown[] {
  return [...commands].map((c) => c.data.toJSON());
}

/**
 * Registers every command in one bulk overwrite (PUT): in one guild when `guildId` is given
 * (instant, for testing), else globally. Run on demand, never on every start — Discord caps
 * command creates at 200 a day.
 */
export async function deployCommands(rest: REST, applicationId: string, commands: Iterable<Command>, guildId?: string): Promise<number> {
  const body = commandBodies(commands);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return Array.isArray(result) ? result.length : body.length;
}

/** A REST client for the bot's token, optionally pointed at another API base. */
export function createRest(token: string, apiBase?: string): REST {
  return new REST(apiBase ? { api: apiBase } : {}).setToken(token);
}

/** The application id behind a token, asked of Discord. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const app = (await rest.get(Routes.currentApplication())) as { id?: unknown };
  if (typeof app.id !== "string") throw new Error("Discord did not return the application id");
  return app.id;
}
