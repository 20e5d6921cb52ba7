/**
 * Public types of the fake Discord server.
 *
 * @module
 */

/** Options for {@link FakeDiscord.start}. */
export interface FakeDiscordOptions {
  /** Guilds present at start. Default: one guild "Sandbox" with one text channel "general". */
  guilds?: FakeGuildInit[];
  /** How long after dispatch an interaction may still be answered (ms). Default 3000, like Discord. */
  callbackDeadlineMs?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default 0 (ephemeral). */
  port?: number;
  /** Heartbeat interval announced in HELLO (ms). Default 41250, like Discord. */
  heartbeatIntervalMs?: number;
  /** How long a nonce sent with `enforce_nonce` is remembered (ms). Default 5 minutes, like Discord's "a few minutes". */
  nonceWindowMs?: number;
  /** How the gateway shards: what `GET /gateway/bot` recommends and allows, and when IDENTIFY is refused. */
  sharding?: FakeShardingOptions;
}

/** Sharding of the fake gateway (every guild goes to shard `(id >> 22) % count`). */
export interface FakeShardingOptions {
  /** Shards `GET /gateway/bot` recommends. Default: one per 1,000 guilds (at least one), roughly as Discord does. */
  recommendedShards?: number;
  /**
   * `session_start_limit.max_concurrency`: shards that may IDENTIFY in the same 5 s. Default 1,
   * as Discord gives any bot under 150,000 guilds; tests use 16 to start many shards at once.
   */
  maxConcurrency?: number;
  /** A shard that would hold more guilds than this is refused with close code 4011. Default 2,500, as on Discord. */
  maxGuildsPerShard?: number;
}

/** Description of a guild to create. */
export interface FakeGuildInit {
  id?: string;
  name?: string;
  /** The owner's user id (who has every permission). Default: a new id. */
  ownerId?: string;
  /** Discord locale, e.g. `en-US` or `zh-CN`. Default `en-US`. */
  preferredLocale?: string;
  /** Channels, text (type 0) unless `type` says otherwise; threads need a `parentId` listed before them. Default: one channel "general". */
  channels?: FakeChannelInit[];
  /** Roles besides @everyone (no permissions of their own), e.g. one for alerts to mention. */
  roles?: { id?: string; name: string; mentionable?: boolean }[];
}

/** Discord's channel types the fake models. */
export const ChannelKind = { Text: 0, Announcement: 5, AnnouncementThread: 10, PublicThread: 11, PrivateThread: 12, Forum: 15 } as const;

/** A forum's tag (`available_tags`). */
export interface FakeForumTag {
  id: string;
  name: string;
  moderated?: boolean;
}

/** A channel to create: a text or announcement channel, a forum, or a thread of one of them. */
export interface FakeChannelInit {
  id?: string;
  name: string;
  /** 0 text (default), 5 announcement, 15 forum, 10/11/12 announcement/public/private thread. */
  type?: number;
  /** The parent channel of a thread (a text, announcement or forum channel of the same guild). */
  parentId?: string;
  /** A forum's tags; give `id`s to refer to them, else new ones are made. */
  availableTags?: { id?: string; name: string; moderated?: boolean }[];
  /** Channel flags, e.g. REQUIRE_TAG (1 << 4) on a forum. */
  flags?: number;
  /** A thread: archived (and locked). */
  archived?: boolean;
  locked?: boolean;
  /** A thread: whether the bot is a member (default true; a private thread the bot was not added to: false). */
  botJoined?: boolean;
}

/** A channel of a fake guild (threads included). */
export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  readonly guildId: string;
  readonly type: number;
  readonly parentId: string | null;
}

/** A fake guild; `channels` lists the channels that still exist. */
export interface FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly preferredLocale: string;
  readonly channels: readonly FakeChannel[];
  /** Id of the @everyone role (equal to the guild id, like Discord). */
  readonly everyoneRoleId: string;
}

/** The user who triggers an interaction. */
export interface FakeUserInit {
  id?: string;
  username?: string;
  globalName?: string;
}

/** A file attached to a message (multipart upload). */
export interface FakeAttachment {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  /** The bytes the bot uploaded. */
  data: Buffer;
}

/** A message the bot created (reply, follow-up or channel post); mutated in place by edits. */
export interface FakeMessage {
  id: string;
  channelId: string;
  guildId: string | null;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  allowedMentions: unknown;
  attachments: FakeAttachment[];
  nonce?: string;
  /** Set for interaction responses and follow-ups. */
  interactionId?: string;
  ephemeral: boolean;
  /** Number of edits after creation. */
  edits: number;
  deleted: boolean;
  createdAt: number;
  editedAt: number | null;
  /** The last request body that created or edited this message. */
  raw: Record<string, unknown>;
}

/** Where a user acts with the app they installed: see {@link FakeActorInput.where}. */
export type FakeWhere = "dm" | "group-dm" | "server-without-bot";

/** A group DM to create (the bot is never in one). */
export interface FakeGroupDmInit {
  id?: string;
  name?: string;
  /** Its members besides whoever acts there. Default: one friend. */
  users?: FakeUserInit[];
}

/** Fields shared by every simulated user action. */
export interface FakeActorInput {
  user?: FakeUserInit;
  /**
   * Act outside a server with the bot, through the user's own install: the DM with the bot
   * (context 1), a group DM (context 2, the first one created, else a new one) or a server
   * the bot has not joined (context 0, the first one added, else a new one). A `channelId` of
   * a group DM or such a server, or a `guildId` of such a server, says which.
   */
  where?: FakeWhere;
  /** Guild to act in; `null` means a DM with the bot. Default: the channel's guild, else the default guild. */
  guildId?: string | null;
  channelId?: string;
  locale?: string;
  guildLocale?: string;
  /** Member permissions (default: the @everyone permissions of the guild). */
  permissions?: bigint;
  /** Shorthand adding ManageGuild and Administrator to the member permissions. */
  admin?: boolean;
}

/** Input of {@link FakeDiscord.command}. */
export interface FakeCommandInput extends FakeActorInput {
  name: string;
  subcommand?: string;
  group?: string;
  options?: Record<string, string | number | boolean>;
  /**
   * Files for attachment options, by the filename given as the option's value: the
   * interaction carries them in `resolved.attachments` with a URL the fake serves.
   */
  files?: Record<string, { data: Buffer | string; contentType?: string }>;
}

/** Input of {@link FakeDiscord.autocomplete}. */
export interface FakeAutocompleteInput extends FakeCommandInput {
  /** Name of the focused option. */
  focused: string;
  /** What the user has typed so far in the focused option. */
  value: string;
}

/** Input of {@link FakeDiscord.click}. */
export interface FakeClickInput extends FakeActorInput {
  message: FakeMessage;
  customId?: string;
  label?: string;
}

/** Input of {@link FakeDiscord.select}. */
export interface FakeSelectInput extends FakeActorInput {
  message: FakeMessage;
  customId: string;
  values: string[];
}

/** Input of {@link FakeDiscord.submitModal}. */
export interface FakeModalSubmitInput extends FakeActorInput {
  customId: string;
  fields: Record<string, string>;
  message?: FakeMessage;
}

/** The final state of an interaction as seen by a user. */
export interface InteractionOutcome {
  callbackType: number;
  /** The original response message (after edits), or for 6/7 the updated component message. */
  reply?: FakeMessage;
  followUps: FakeMessage[];
  choices?: { name: string; value: string | number; name_localizations?: unknown }[];
  modal?: { custom_id: string; title: string; components: unknown[] };
  ephemeral: boolean;
}

/** A dispatched interaction, to await its answer. */
export interface InteractionHandle {
  readonly id: string;
  readonly token: string;
  readonly payload: Record<string, unknown>;
  /** First callback received (type + data), or reject after timeoutMs (default 5000). */
  acknowledged(timeoutMs?: number): Promise<{ type: number; data: unknown }>;
  /**
   * Resolves when the interaction has a concrete answer (callback 4/7/8/9, or 5/6 followed by
   * an edit of the original or a follow-up), then waits until no change happened for quietMs (default 30).
   * Rejects after timeoutMs (default 5000) saying what was missing. A bare `deferUpdate()` with
   * no later edit never settles: await {@link InteractionHandle.acknowledged} for that.
   */
  settled(opts?: { timeoutMs?: number; quietMs?: number }): Promise<InteractionOutcome>;
}

/** One REST request as received. */
export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, URL-decoded, without query. */
  path: string;
  query: string;
  body: unknown;
  status: number;
  at: number;
}

/** One change of an application command set. */
export interface CommandRegistration {
  scope: "global" | string;
  commands: unknown[];
  at: number;
}
