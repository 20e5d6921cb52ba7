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
import type { Elsewhere } from "./contexts.ts";

/** Stores and identity of one fake Discord instance. */
export interface FakeContext {
  readonly applicationId: string;
  readonly botUser: ApiUser;
  readonly guilds: GuildStore;
  readonly messages: MessageStore;
  readonly commands: CommandRegistry;
  readonly interactions: InteractionStore;
  /** Group DMs and servers without the bot, where users act through their own install. */
  readonly elsewhere: Elsewhere;
  /** Sends a gateway event to the sessions that hold `guildId` (e.g. THREAD_CREATE from a REST route). */
  dispatch(t: string, d: unknown, guildId: string | null): void;
  /** `ws://host:port` of the gateway. */
  gatewayUrl(): string;
  /** Shards recommended and allowed now (`GET /gateway/bot`, IDENTIFY). */
  sharding(): ShardingPolicy;
  /** The application object (`GET /applications/@me`). */
  application(): Record<string, unknown>;
  /** `http://host:port` of the REST server, which also serves uploaded attachments. */
  httpUrl(): string;
  /** Files a test attaches to a command option, by filename, until the command is sent. */
  readonly pendingUploads: Map<string, FakeUpload>;
  /** Attachments sent with an interaction, by attachment id: what `GET /attachments/<id>/<name>` serves. */
  readonly uploads: Map<string, FakeUpload>;
}

/** A file a user attaches to a command option. */
export interface FakeUpload {
  data: Buffer;
  contentType: string;
}
