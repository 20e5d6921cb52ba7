import { Client, GatewayIntentBits, Options, Partials } from "discord.js";

/**
 * The discord.js client as Storyline runs it, live or against the fake Discord: Guilds intent
 * only, no mention ever parsed from what it sends, no message cache (it reads no messages).
 * `apiBase` redirects REST (and so the gateway address it asks for); nothing else differs.
 */
export function createClient(apiBase?: string): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      PresenceManager: 0,
      VoiceStateManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      GuildScheduledEventManager: 0,
    }),
    rest: apiBase ? { api: apiBase } : {},
  });
}
