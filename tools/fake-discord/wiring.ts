/**
 * Creates and connects the parts of one fake Discord: stores, REST server, gateway.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { GuildStore } from "./guilds.ts";
import type { ApiUser } from "./guilds.ts";
import { guildCreatePayload } from "./guild-payloads.ts";
import { MessageStore } from "./messages.ts";
import type { MessageRecord } from "./messages.ts";
import { CommandRegistry } from "./commands.ts";
import { Elsewhere } from "./contexts.ts";
import { InteractionStore } from "./interactions.ts";
import { FaultInjector } from "./router.ts";
import { buildRouter } from "./rest.ts";
import { startHttp } from "./server.ts";
import type { HttpHandle } from "./server.ts";
import { Gateway, shardingPolicy } from "./gateway.ts";
import type { FakeContext } from "./context.ts";
import type { FakeDiscordOptions, RecordedRequest } from "./types.ts";

const REQUEST_LOG_MAX = 10_000;
const INTENT_GUILD_MESSAGES = 1 << 9;
const INTENT_DIRECT_MESSAGES = 1 << 12;

/** The connected parts of a running fake. */
export interface FakeParts {
  ctx: FakeContext;
  requests: RecordedRequest[];
  http: HttpHandle;
  gateway: Gateway;
  faults: FaultInjector;
}

/** Builds the stores, starts the HTTP server and attaches the gateway to it. */
export async function createFake(opts: FakeDiscordOptions): Promise<FakeParts> {
  const applicationId = nextSnowflake();
  const botUser: ApiUser = { id: applicationId, username: "Storyline", discriminator: "0", global_name: null, avatar: null, bot: true };
  let gateway: Gateway | undefined;
  let url = "";
  const guilds = new GuildStore(botUser);
  const messages: MessageStore = new MessageStore(
    botUser,
    applicationId,
    (kind, m) => {
      // No gateway events where the bot is not present (a group DM, a server it has not joined).
      if (gateway && !ctx.elsewhere.has(m.channelId)) publish(gateway, messages, kind, m);
    },
    opts.nonceWindowMs,
  );
  const ctx: FakeContext = {
    applicationId,
    botUser,
    guilds,
    messages,
    commands: new CommandRegistry(applicationId),
    interactions: new InteractionStore(messages, opts.callbackDeadlineMs ?? 3000),
    elsewhere: new Elsewhere(),
    dispatch: (t, d, guildId) => gateway?.dispatch(t, d, guildId),
    gatewayUrl: () => url,
    httpUrl: () => url.replace(/^ws:/, "http:"),
    pendingUploads: new Map(),
    uploads: new Map(),
    sharding: () => shardingPolicy(opts.sharding ?? {}, guilds.guilds.length),
    application: () => ({
      id: applicationId,
      name: botUser.username,
      icon: null,
      description: "",
      bot_public: true,
      bot_require_code_grant: false,
      flags: 0,
      bot: botUser,
    }),
  };
  for (const init of opts.guilds ?? [{}]) guilds.add(init);

  const faults = new FaultInjector();
  const requests: RecordedRequest[] = [];
  const http = await startHttp({
    host: opts.host ?? "127.0.0.1",
    port: opts.port ?? 0,
    router: buildRouter(ctx),
    upload: (id) => ctx.uploads.get(id),
    faults,
    record: (r) => {
      requests.push(r);
      if (requests.length > REQUEST_LOG_MAX) requests.splice(0, requests.length - REQUEST_LOG_MAX);
    },
  });
  url = `ws://${http.host}:${http.port}`;
  gateway = new Gateway(
    http.server,
    {
      identity: () => ({ user: botUser, application: { id: applicationId, flags: 0 } }),
      guildIds: () => guilds.guilds.map((g) => g.id),
      guildCreate: (id) => {
        const guild = guilds.guild(id);
        return guild ? guildCreatePayload(guild, botUser) : { id, unavailable: true };
      },
      maxGuildsPerShard: () => ctx.sharding().maxGuildsPerShard,
    },
    () => url,
    opts.heartbeatIntervalMs ?? 41_250,
  );
  return { ctx, requests, http, gateway, faults };
}

/** Sends MESSAGE_CREATE/UPDATE/DELETE for non-ephemeral messages to clients with the message intents. */
function publish(gateway: Gateway, messages: MessageStore, kind: "create" | "update" | "delete", m: MessageRecord): void {
  if (m.ephemeral) return;
  const intent = m.guildId ? INTENT_GUILD_MESSAGES : INTENT_DIRECT_MESSAGES;
  if (kind === "delete") {
    const body: Record<string, unknown> = { id: m.id, channel_id: m.channelId };
    if (m.guildId) body.guild_id = m.guildId;
    gateway.dispatch("MESSAGE_DELETE", body, m.guildId, intent);
    return;
  }
  gateway.dispatch(kind === "create" ? "MESSAGE_CREATE" : "MESSAGE_UPDATE", messages.toApi(m, { withNonce: kind === "create" }), m.guildId, intent);
}
