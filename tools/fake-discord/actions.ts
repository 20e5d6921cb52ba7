/**
 * Simulated user actions: each builds an INTERACTION_CREATE payload, records it and
 * dispatches it over the gateway.
 *
 * @module
 */
import { isRecord } from "./http.ts";
import { nextSnowflake } from "./snowflake.ts";
import { findButton, findSelect, modalComponents } from "./components.ts";
import { commandData } from "./options.ts";
import { basePayload, resolveActor, resolveValue } from "./payloads.ts";
import type { Actor, Resolved, UserBook } from "./payloads.ts";
import type { FakeContext } from "./context.ts";
import { followUpLimit } from "./contexts.ts";
import type { Gateway } from "./gateway.ts";
import type { InteractionRecord } from "./interactions.ts";
import type { ApiUser } from "./guilds.ts";
import type {
  FakeActorInput,
  FakeAutocompleteInput,
  FakeClickInput,
  FakeCommandInput,
  FakeMessage,
  FakeModalSubmitInput,
  FakeSelectInput,
  FakeUserInit,
  InteractionHandle,
} from "./types.ts";

/** Select menu component type → the option type used to resolve its values. */
const SELECT_RESOLVE: Record<number, number> = { 5: 6, 6: 8, 7: 9, 8: 7 };

/** Builds and dispatches interactions. */
export class Actions {
  constructor(
    private readonly ctx: FakeContext,
    private readonly book: UserBook,
    private readonly gateway: Gateway,
  ) {}

  /** The API user for an init, as actions show it. */
  userOf(init: FakeUserInit): ApiUser {
    return this.book.user(init);
  }

  /** A chat-input command (type 2). */
  command(input: FakeCommandInput): InteractionHandle {
    for (const [name, f] of Object.entries(input.files ?? {})) {
      this.ctx.pendingUploads.set(name, { data: Buffer.from(f.data), contentType: f.contentType ?? "application/octet-stream" });
    }
    const actor = resolveActor(this.ctx, this.book, input);
    const payload = basePayload(this.ctx, actor, 2);
    payload.data = commandData(this.ctx, this.book, actor, input);
    this.ctx.pendingUploads.clear();
    return this.dispatch(payload);
  }

  /** An autocomplete request (type 4) for the focused option. */
  autocomplete(input: FakeAutocompleteInput): InteractionHandle {
    const actor = resolveActor(this.ctx, this.book, input);
    const payload = basePayload(this.ctx, actor, 4);
    payload.data = commandData(this.ctx, this.book, actor, input, { name: input.focused, value: input.value });
    return this.dispatch(payload);
  }

  /** A button click (type 3, component_type 2). */
  click(input: FakeClickInput): InteractionHandle {
    const button = findButton(this.live(input.message).components, input);
    const payload = this.componentPayload(input, input.message);
    payload.data = { custom_id: button.custom_id, component_type: 2 };
    return this.dispatch(payload);
  }

  /** Choosing values in a select menu (type 3). */
  select(input: FakeSelectInput): InteractionHandle {
    const select = findSelect(this.live(input.message).components, input.customId, input.values);
    const actor = this.actorFor(input, input.message);
    const payload = this.componentPayload(input, input.message, actor);
    const type = Number(select.type);
    const resolveAs = SELECT_RESOLVE[type];
    const resolved: Resolved = {};
    const values = resolveAs === undefined ? input.values : input.values.map((v) => resolveValue(this.ctx, this.book, actor, resolveAs, v, resolved));
    const data: Record<string, unknown> = { custom_id: input.customId, component_type: type, values };
    if (Object.keys(resolved).length > 0) data.resolved = resolved;
    payload.data = data;
    return this.dispatch(payload);
  }

  /** A modal submission (type 5), mirroring the layout of the modal the bot showed. */
  submitModal(input: FakeModalSubmitInput): InteractionHandle {
    const shown = this.ctx.interactions.modal(input.customId);
    const message = input.message ?? (shown?.from.sourceMessageId ? this.ctx.messages.get(shown.from.sourceMessageId) : undefined);
    const channelId = message?.channelId ?? (input.guildId === undefined ? shown?.from.channelId : undefined);
    const actor = resolveActor(this.ctx, this.book, input, channelId);
    const payload = basePayload(this.ctx, actor, 5);
    const stored = message ? this.ctx.messages.get(this.live(message).id) : undefined;
    if (stored) payload.message = this.ctx.messages.toApi(stored);
    payload.data = { custom_id: input.customId, components: modalComponents(shown, input.fields) };
    return this.dispatch(payload);
  }

  /** Any payload; missing fields get defaults from the default guild, channel and user. */
  sendInteraction(partial: Record<string, unknown>): InteractionHandle {
    const dm = !("member" in partial) && "user" in partial && typeof partial.guild_id !== "string";
    const input: FakeActorInput = { guildId: dm ? null : undefined };
    const { guilds, elsewhere } = this.ctx;
    if (typeof partial.guild_id === "string" && (guilds.guild(partial.guild_id) || elsewhere.guild(partial.guild_id))) input.guildId = partial.guild_id;
    if (typeof partial.channel_id === "string" && (guilds.channel(partial.channel_id) || guilds.dm(partial.channel_id) || elsewhere.has(partial.channel_id))) {
      input.channelId = partial.channel_id;
    }
    const actor = resolveActor(this.ctx, this.book, input);
    const type = typeof partial.type === "number" ? partial.type : 2;
    const base = basePayload(this.ctx, actor, type);
    if (type === 2 || type === 4) base.data = { id: this.ctx.commands.idFor("global", "sandbox"), name: "sandbox", type: 1 };
    if (type === 3) {
      base.data = { custom_id: "sandbox", component_type: 2 };
      base.message = {
        id: nextSnowflake(),
        channel_id: actor.channelId,
        type: 0,
        content: "",
        embeds: [],
        components: [],
        attachments: [],
        flags: 0,
        author: this.ctx.botUser,
        timestamp: new Date().toISOString(),
        edited_timestamp: null,
        tts: false,
        mention_everyone: false,
        mentions: [],
        mention_roles: [],
        pinned: false,
      };
    }
    if (type === 5) base.data = { custom_id: "sandbox", components: [] };
    return this.dispatch({ ...base, ...partial });
  }

  private live(message: FakeMessage): FakeMessage {
    if (message.deleted) throw new Error(`fake-discord: message ${message.id} was deleted`);
    return message;
  }

  private actorFor(input: FakeActorInput, message: FakeMessage): Actor {
    return resolveActor(this.ctx, this.book, input, message.channelId);
  }

  private componentPayload(input: FakeActorInput, message: FakeMessage, actor = this.actorFor(input, message)): Record<string, unknown> {
    const payload = basePayload(this.ctx, actor, 3);
    const stored = this.ctx.messages.get(message.id);
    payload.message = stored ? this.ctx.messages.toApi(stored) : { id: message.id, channel_id: message.channelId, components: message.components };
    return payload;
  }

  private dispatch(payload: Record<string, unknown>): InteractionHandle {
    if (!this.gateway.hasSession) throw new Error("fake-discord: no client is logged in to receive the interaction");
    const guildId = typeof payload.guild_id === "string" ? payload.guild_id : null;
    const member = isRecord(payload.member) ? payload.member : undefined;
    const data = isRecord(payload.data) ? payload.data : {};
    const message = isRecord(payload.message) ? payload.message : undefined;
    const channel = isRecord(payload.channel) ? payload.channel : undefined;
    const now = Date.now();
    const rec: InteractionRecord = {
      id: String(payload.id),
      token: String(payload.token),
      type: Number(payload.type),
      payload,
      guildId,
      channelId: String(payload.channel_id ?? channel?.id ?? ""),
      user: member?.user ?? payload.user,
      sentAt: now,
      originalEdited: false,
      followUpIds: [],
      maxFollowUps: followUpLimit(payload),
      lastActivity: now,
      listeners: new Set(),
    };
    if (rec.type === 2 && typeof data.name === "string") rec.commandName = data.name;
    if (typeof message?.id === "string") rec.sourceMessageId = message.id;
    this.ctx.interactions.add(rec);
    this.gateway.dispatch("INTERACTION_CREATE", payload, guildId);
    return this.ctx.interactions.handle(rec);
  }
}
