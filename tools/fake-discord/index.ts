/**
 * A fake Discord (REST + gateway) on 127.0.0.1 that an unmodified discord.js `Client` can log
 * into, for tests, the sandbox and benchmarks.
 *
 * ```ts
 * const fake = await FakeDiscord.start();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
 * await client.login("fake-token");
 * const outcome = await (await fake.command({ name: "ping" })).settled();
 * ```
 *
 * @module
 */
import type { GuildState } from "./guilds.ts";
import { channelPayload, guildCreatePayload } from "./guild-payloads.ts";
import type { FaultInjector } from "./router.ts";
import type { HttpHandle } from "./server.ts";
import type { Gateway } from "./gateway.ts";
import { createFake } from "./wiring.ts";
import { Actions } from "./actions.ts";
import { UserBook } from "./payloads.ts";
import type { FakeContext } from "./context.ts";
import type { GroupDm, GuildWithoutBot } from "./contexts.ts";
import type {
  CommandRegistration,
  FakeAutocompleteInput,
  FakeChannel,
  FakeChannelInit,
  FakeClickInput,
  FakeCommandInput,
  FakeDiscordOptions,
  FakeGuild,
  FakeGroupDmInit,
  FakeGuildInit,
  FakeMessage,
  FakeModalSubmitInput,
  FakeSelectInput,
  InteractionHandle,
  RecordedRequest,
} from "./types.ts";

export type * from "./types.ts";
export { SANDBOX_USER_ID } from "./payloads.ts";
export { allComponents, modalInputs } from "./components.ts";
export { Perm } from "./permissions.ts";
export { ChannelKind } from "./types.ts";
export { REQUIRE_TAG } from "./threads.ts";
export { SANDBOX_IDS } from "./snowflake.ts";
export { shardOf, spreadGuildId } from "./gateway.ts";
export { USER_INSTALL_MAX_FOLLOW_UPS, type GroupDm, type GuildWithoutBot } from "./contexts.ts";

/** A running fake Discord. Create with {@link FakeDiscord.start}; always {@link FakeDiscord.stop}. */
export class FakeDiscord {
  /** REST base to pass as `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly apiBase: string;
  readonly applicationId: string;
  /** The bot's user id (equal to the application id, like modern Discord apps). */
  readonly botUserId: string;
  private constructor(
    private readonly ctx: FakeContext,
    /** Every REST request received (the last 10,000), oldest first. */
    readonly requests: RecordedRequest[],
    private readonly http: HttpHandle,
    private readonly gateway: Gateway,
    private readonly faults: FaultInjector,
    private readonly actions: Actions,
  ) {
    this.apiBase = `http://${http.host}:${http.port}/api`;
    this.applicationId = ctx.applicationId;
    this.botUserId = ctx.botUser.id;
  }

  /** Starts the server (REST and gateway on one port). Destroy clients before {@link FakeDiscord.stop}. */
  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const { ctx, requests, http, gateway, faults } = await createFake(opts);
    return new FakeDiscord(ctx, requests, http, gateway, faults, new Actions(ctx, new UserBook(), gateway));
  }

  /** All guilds, in creation order. */
  get guilds(): readonly FakeGuild[] {
    return this.ctx.guilds.guilds;
  }

  /** The first guild. */
  defaultGuild(): FakeGuild {
    const guild = this.ctx.guilds.guilds[0];
    if (!guild) throw new Error("fake-discord: there are no guilds");
    return guild;
  }

  /** The first channel of a guild (default: the first guild). */
  defaultChannel(guildId?: string): FakeChannel {
    const guild = guildId === undefined ? this.defaultGuild() : this.ctx.guilds.guild(guildId);
    const channel = guild?.channels[0];
    if (!channel) throw new Error(`fake-discord: guild ${guildId ?? "(default)"} has no channel`);
    return channel;
  }

  /** Resolves once a client has identified (READY and all GUILD_CREATEs sent) or resumed. */
  waitForReady(): Promise<void> {
    return this.gateway.waitForReady();
  }

  /** Sends a slash command; options by name (subcommand/group nest them). */
  async command(input: FakeCommandInput): Promise<InteractionHandle> {
    return this.actions.command(input);
  }

  /** Sends an autocomplete request for the focused option. */
  async autocomplete(input: FakeAutocompleteInput): Promise<InteractionHandle> {
    return this.actions.autocomplete(input);
  }

  /** Clicks a button on a recorded message (by custom_id or label). */
  async click(input: FakeClickInput): Promise<InteractionHandle> {
    return this.actions.click(input);
  }

  /** Chooses values in a select menu on a recorded message. */
  async select(input: FakeSelectInput): Promise<InteractionHandle> {
    return this.actions.select(input);
  }

  /** Submits a modal (mirroring the shown modal's layout when the bot showed it). */
  async submitModal(input: FakeModalSubmitInput): Promise<InteractionHandle> {
    return this.actions.submitModal(input);
  }

  /** Sends any INTERACTION_CREATE payload; missing fields get defaults. */
  async sendInteraction(partial: Record<string, unknown>): Promise<InteractionHandle> {
    return this.actions.sendInteraction(partial);
  }

  /** Every change of a command set (bulk overwrite, create, edit, delete) with the resulting set. */
  get registrations(): readonly CommandRegistration[] {
    return this.ctx.commands.registrations;
  }

  /** The currently registered commands of a scope ("global" or a guild id). */
  commandsFor(scope: "global" | string): unknown[] {
    return this.ctx.commands.list(scope);
  }

  /** Messages the bot created in a channel (including ephemeral and deleted ones), in order. */
  channelMessages(channelId: string): FakeMessage[] {
    return this.ctx.messages.inChannel(channelId);
  }

  /**
   * Closes (or, with false, reopens) a user's DMs to the bot: the bot's messages to their DM
   * channel then answer 403 50007 "Cannot send messages to this user", as Discord does.
   */
  setDmsClosed(userId: string, closed = true): void {
    if (closed) this.ctx.guilds.closedDms.add(userId);
    else this.ctx.guilds.closedDms.delete(userId);
  }

  /** The id of the DM channel between the bot and a user, once either side opened it. */
  dmChannelId(userId: string): string | undefined {
    return this.ctx.guilds.dmOf(userId)?.id;
  }

  /** Every message the bot created, in order. */
  allMessages(): FakeMessage[] {
    return this.ctx.messages.all;
  }

  /** The message as the Discord API would serialise it. */
  apiMessage(message: FakeMessage): Record<string, unknown> {
    const stored = this.ctx.messages.get(message.id);
    if (!stored) throw new Error(`fake-discord: unknown message ${message.id}`);
    return this.ctx.messages.toApi(stored);
  }

  /**
   * Makes the next `times` requests matching method ("*" for any) and path (after `/api/v10`,
   * e.g. `/channels/1/messages`) fail with `status`. 429 answers carry `retry_after`
   * (default 0.05 s) and a `Retry-After` header.
   */
  failNext(method: string, path: RegExp, status: number, times = 1, body?: Record<string, unknown>): void {
    this.faults.add(method, path, status, times, body);
  }

  /** Sets the bot member's overwrite in a channel and dispatches CHANNEL_UPDATE. */
  setChannelPermission(channelId: string, deny: bigint, allow = 0n): void {
    const channel = this.ctx.guilds.channel(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const rest = channel.overwrites.filter((o) => !(o.type === 1 && o.id === this.botUserId));
    channel.overwrites = deny === 0n && allow === 0n ? rest : [...rest, { id: this.botUserId, type: 1, allow, deny }];
    this.gateway.dispatch("CHANNEL_UPDATE", channelPayload(channel), channel.guildId);
  }

  /** Deletes a channel and dispatches CHANNEL_DELETE; later requests to it get 404 10003. */
  deleteChannel(channelId: string): void {
    const channel = this.ctx.guilds.channel(channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${channelId}`);
    const payload = channelPayload(channel);
    this.ctx.guilds.remove(channelId);
    this.gateway.dispatch(channel.thread ? "THREAD_DELETE" : "CHANNEL_DELETE", payload, channel.guildId);
  }

  /**
   * Adds a channel at run time — a text, announcement (5) or forum (15) channel, or a thread
   * (10/11/12, owned by the bot) of one of them — and dispatches CHANNEL_CREATE or THREAD_CREATE.
   */
  addChannel(init: FakeChannelInit & { guildId?: string }): FakeChannel {
    const guild = this.ctx.guilds.guild(init.guildId ?? this.defaultGuild().id);
    if (!guild) throw new Error(`fake-discord: unknown guild ${init.guildId}`);
    const channel = this.ctx.guilds.addChannel(guild, init);
    const payload = channelPayload(channel);
    this.gateway.dispatch(channel.thread ? "THREAD_CREATE" : "CHANNEL_CREATE", channel.thread ? { ...payload, newly_created: true } : payload, guild.id);
    return channel;
  }

  /** Archives (and with `locked`, locks) a thread, as Discord does after inactivity; dispatches THREAD_UPDATE. */
  archiveThread(threadId: string, opts: { locked?: boolean } = {}): void {
    const channel = this.ctx.guilds.channel(threadId);
    if (!channel?.thread) throw new Error(`fake-discord: ${threadId} is not a thread`);
    Object.assign(channel.thread, { archived: true, locked: opts.locked ?? false, archiveTimestamp: new Date().toISOString() });
    this.gateway.dispatch("THREAD_UPDATE", channelPayload(channel), channel.guildId);
  }

  /** The threads (forum posts) of a channel, oldest first, with their tags and state. */
  threadsOf(parentId: string): { id: string; name: string; appliedTags: string[]; archived: boolean }[] {
    const parent = this.ctx.guilds.channel(parentId);
    const guild = parent && this.ctx.guilds.guild(parent.guildId);
    return (guild?.channels ?? [])
      .filter((c) => c.parentId === parentId && c.thread)
      .map((c) => ({ id: c.id, name: c.name, appliedTags: [...(c.thread?.appliedTags ?? [])], archived: c.thread?.archived ?? false }));
  }

  /** Adds a guild and dispatches GUILD_CREATE to connected clients. */
  addGuild(init: FakeGuildInit): FakeGuild {
    const guild: GuildState = this.ctx.guilds.add(init);
    this.gateway.dispatch("GUILD_CREATE", guildCreatePayload(guild, this.ctx.botUser), guild.id);
    return guild;
  }

  /**
   * A server the bot has not joined (never announced over the gateway), where a user acts
   * through their own install: `command({ guildId: guild.id, ... })` or `where: "server-without-bot"`.
   */
  addGuildWithoutBot(init: FakeGuildInit = {}): GuildWithoutBot {
    return this.ctx.elsewhere.addGuild(init);
  }

  /** A group DM (the bot is not in it): `command({ channelId: group.id, ... })` or `where: "group-dm"`. */
  addGroupDm(init: FakeGroupDmInit = {}): GroupDm {
    return this.ctx.elsewhere.addGroupDm(init, (u) => this.actions.userOf(u));
  }

  /** Closes every gateway socket abruptly (or with `code`); sessions stay resumable. */
  dropConnections(code?: number): void {
    this.gateway.drop(code);
  }

  /** Open gateway sockets. */
  get connections(): number {
    return this.gateway.connections;
  }

  /** `[id, count]` of every shard with a live gateway session, by shard id. */
  get liveShards(): [number, number][] {
    return this.gateway.liveShards;
  }

  /** IDENTIFYs received. */
  get identifies(): number {
    return this.gateway.identifies;
  }

  /** Successful RESUMEs. */
  get resumes(): number {
    return this.gateway.resumes;
  }

  /** Closes the gateway and the HTTP server; resolves when the port is released. */
  async stop(): Promise<void> {
    this.faults.clear();
    await this.gateway.close();
    await this.http.close();
  }
}
