import type { Config } from "../config.ts";

/** Who is acting, as far as editing rights go. */
export interface EditorCandidate {
  userId: string;
  /** The server the action comes from; null in a DM. */
  guildId: string | null;
  /** Whether they have Manage Server in that server. */
  managesGuild: boolean;
}

/**
 * Whether someone may add, correct and remove events. Stories are shared by every server,
 * so a server's own admins are not editors: only the users in EDITOR_USER_IDS, and members
 * with Manage Server in the one EDITOR_GUILD_ID server (when it is set).
 */
export function isEditor(who: EditorCandidate, config: Pick<Config, "EDITOR_USER_IDS" | "EDITOR_GUILD_ID">): boolean {
  if (config.EDITOR_USER_IDS.includes(who.userId)) return true;
  return !!config.EDITOR_GUILD_ID && who.guildId === config.EDITOR_GUILD_ID && who.managesGuild;
}
