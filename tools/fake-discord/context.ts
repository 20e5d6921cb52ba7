/**
 * The shared state the REST routes and the public class work on.
 *
 * @module
 */
import type { CommandRegistry } from "./commands.ts";
import type { ShardingPolicy } from "./gateway.ts";
import type { ApiUser, GuildStore } from "./guilds.ts";
import type { InteractionStore } from "./interactions.ts";
import type { MessageStore } from "./messages.ts";

/** Stores and identity of one fake Discord instance. */
export interface FakeContext {
  readonly applicationId: string;
  readonly botUser: ApiUser;
  readonly guilds: GuildStore;
  readonly messages: MessageStore;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionStore;
  /** `ws://host:port` of the gateway. */
  gatewayUrl(): string;
  /** Shards recommended and allowed now (`GET /gateway/bot`, IDENTIFY). */
  sharding(): ShardingPolicy;
  /** The application object (`GET /applications/@me`). */
  application(): Record<string, unknown>;
}
