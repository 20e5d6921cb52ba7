import { Client, GatewayIntentBits, Options, Partials } from "discord.js";

/** Shard ids 0…count-1 for a fixed count; "auto" asks Discord's `GET /gateway/bot`. */
function shardOptions(shards: "auto" | number): { shards: "auto" } | { shards: number[]; shardCount: number } {
  return shards === "auto" ? { shards: "auto" } : { shards: Array.from({ length: shards }, (_, i) => i), shardCount: shards };
}

/**
 * The discord.js client as Storyline runs it, live or against the fake Discord: Guilds intent
 * only, no mention ever parsed from what it sends, no message cache (it reads no messages).
 * `apiBase` redirects REST (and so the gateway address it asks for); nothing else differs.
 * Every shard runs in this one process (discord.js's internal sharding; the README says why),
 * so the recap scheduler sees every server. The shards are always given explicitly, so
 * discord.js never takes them from SHARDS / SHARD_COUNT in the environment.
 */
export function createClient(apiBase?: string, shards: "auto" | number = "auto"): Client {
  return new Client({
    ...shardOptions(shards),
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
