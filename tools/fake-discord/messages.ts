/**
 * Messages the bot created: validation, creation, edits and their Discord API shape.
 *
 * @module
 */
import { nextSnowflake } from "./snowflake.ts";
import { ApiError, formError, isRecord } from "./http.ts";
import type { UploadedFile } from "./http.ts";
import type { ApiUser } from "./guilds.ts";
import type { FakeAttachment, FakeMessage } from "./types.ts";

/** Message flag bits used here. */
export const MessageFlag = { Ephemeral: 64, Loading: 128, IsComponentsV2: 1 << 15 } as const;

/** Extra fields of interaction messages, for `interaction_metadata`. */
export interface InteractionMeta {
  id: string;
  type: number;
  user: unknown;
  name?: string;
  commandType?: number;
  interactedMessageId?: string;
}

/** Stored message with the data needed to render it. */
export interface MessageRecord extends FakeMessage {
  type: number;
  meta?: InteractionMeta;
}

/** How long Discord remembers a nonce sent with `enforce_nonce` ("a few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** Stores every bot message, by id, by channel and in creation order. */
export class MessageStore {
  readonly all: MessageRecord[] = [];
  private readonly byId = new Map<string, MessageRecord>();
  private readonly byChannel = new Map<string, MessageRecord[]>();
  private readonly nonces = new Map<string, { id: string; at: number }>();

  constructor(
    private readonly botUser: ApiUser,
    private readonly applicationId: string,
    private readonly onChange: (kind: "create" | "update" | "delete", message: MessageRecord) => void = () => undefined,
    /** Tests shorten it to prove what happens after Discord forgot a nonce. */
    private readonly nonceWindowMs = NONCE_WINDOW_MS,
  ) {}

  /** Looks up a message by id. */
  get(id: string): MessageRecord | undefined {
    return this.byId.get(id);
  }

  /** Messages in one channel, in order. */
  inChannel(channelId: string): MessageRecord[] {
    return this.byChannel.get(channelId) ?? [];
  }

  /** Returns the earlier message for a reused `nonce` (with `enforce_nonce`) in a channel within the nonce window. */
  findByNonce(channelId: string, nonce: string): MessageRecord | undefined {
    const hit = this.nonces.get(`${channelId}:${nonce}`);
    if (!hit || Date.now() - hit.at > this.nonceWindowMs) return undefined;
    return this.byId.get(hit.id);
  }

  /** Validates and creates a message from a request body. */
  create(args: Parameters<MessageStore["build"]>[0]): MessageRecord {
    return this.store(this.build(args));
  }

  /** Validates a message from a request body without storing it (`id`: a forum post's starter takes its thread's). */
  build(args: {
    id?: string;
    channelId: string;
    guildId: string | null;
    body: Record<string, unknown>;
    files?: UploadedFile[];
    type?: number;
    meta?: InteractionMeta;
    extraFlags?: number;
    allowEmpty?: boolean;
  }): MessageRecord {
    const { body } = args;
    const attachments = (args.files ?? []).map(toAttachment);
    const message: MessageRecord = {
      id: args.id ?? nextSnowflake(),
      channelId: args.channelId,
      guildId: args.guildId,
      content: typeof body.content === "string" ? body.content : "",
      embeds: normaliseEmbeds(body.embeds),
      components: Array.isArray(body.components) ? body.components : [],
      flags: (typeof body.flags === "number" ? body.flags : 0) | (args.extraFlags ?? 0),
      allowedMentions: body.allowed_mentions ?? null,
      attachments,
      ephemeral: false,
      edits: 0,
      deleted: false,
      createdAt: Date.now(),
      editedAt: null,
      raw: body,
      type: args.type ?? 0,
    };
    message.ephemeral = (message.flags & MessageFlag.Ephemeral) !== 0;
    if (args.meta) {
      message.meta = args.meta;
      message.interactionId = args.meta.id;
    }
    if (!args.allowEmpty) assertSendable(message);
    if (typeof body.nonce === "string" || typeof body.nonce === "number") message.nonce = String(body.nonce);
    return message;
  }

  /** Stores a built message (remembering its nonce) and announces it. */
  store(message: MessageRecord): MessageRecord {
    if (message.nonce !== undefined && message.raw.enforce_nonce === true) {
      this.nonces.set(`${message.channelId}:${message.nonce}`, { id: message.id, at: Date.now() });
    }
    this.all.push(message);
    this.byId.set(message.id, message);
    let list = this.byChannel.get(message.channelId);
    if (!list) this.byChannel.set(message.channelId, (list = []));
    list.push(message);
    this.onChange("create", message);
    return message;
  }

  /** Applies an edit body to a message (validating the result is not empty). */
  edit(message: MessageRecord, body: Record<string, unknown>, files: UploadedFile[] = []): MessageRecord {
    if (message.deleted) throw new ApiError(404, 10008, "Unknown Message");
    const next: MessageRecord = { ...message };
    if ("content" in body) next.content = typeof body.content === "string" ? body.content : "";
    if ("embeds" in body) next.embeds = normaliseEmbeds(body.embeds);
    if ("components" in body) next.components = Array.isArray(body.components) ? body.components : [];
    if ("allowed_mentions" in body) next.allowedMentions = body.allowed_mentions ?? null;
    const fixed = MessageFlag.Ephemeral | MessageFlag.Loading;
    if (typeof body.flags === "number") next.flags = (next.flags & fixed) | (body.flags & ~fixed);
    next.flags &= ~MessageFlag.Loading;
    if (Array.isArray(body.attachments)) {
      const keep = new Set(body.attachments.filter(isRecord).map((a) => String(a.id)));
      next.attachments = next.attachments.filter((a) => keep.has(a.id));
    }
    next.attachments = [...next.attachments, ...files.map(toAttachment)];
    assertSendable(next);
    Object.assign(message, next, {
      raw: body,
      edits: message.edits + 1,
      editedAt: Date.now(),
    });
    this.onChange("update", message);
    return message;
  }

  /** Marks a message deleted. */
  remove(message: MessageRecord): void {
    if (message.deleted) throw new ApiError(404, 10008, "Unknown Message");
    message.deleted = true;
    this.onChange("delete", message);
  }

  /**
   * The message as Discord's API serialises it. The nonce is echoed only in the answer to the
   * create (and its gateway event), as on Discord: a message fetched later does not carry it.
   */
  toApi(message: MessageRecord, opts: { withNonce?: boolean } = {}): Record<string, unknown> {
    const api: Record<string, unknown> = {
      id: message.id,
      type: message.type,
      channel_id: message.channelId,
      author: this.botUser,
      content: message.content,
      embeds: message.embeds,
      components: message.components,
      attachments: message.attachments.map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        content_type: a.contentType,
        url: `https://cdn.discordapp.com/attachments/${message.channelId}/${a.id}/${a.filename}`,
        proxy_url: `https://media.discordapp.net/attachments/${message.channelId}/${a.id}/${a.filename}`,
      })),
      flags: message.flags,
      timestamp: new Date(message.createdAt).toISOString(),
      edited_timestamp: message.editedAt === null ? null : new Date(message.editedAt).toISOString(),
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      pinned: false,
    };
    if (message.guildId) api.guild_id = message.guildId;
    if (opts.withNonce && message.nonce !== undefined) api.nonce = message.nonce;
    if (message.meta) {
      api.application_id = this.applicationId;
      api.webhook_id = this.applicationId;
      const meta: Record<string, unknown> = {
        id: message.meta.id,
        type: message.meta.type,
        user: message.meta.user,
        authorizing_integration_owners: {},
      };
      if (message.meta.name !== undefined) meta.name = message.meta.name;
      if (message.meta.commandType !== undefined) meta.command_type = message.meta.commandType;
      if (message.meta.interactedMessageId) meta.interacted_message_id = message.meta.interactedMessageId;
      api.interaction_metadata = meta;
    }
    return api;
  }
}

function toAttachment(file: UploadedFile): FakeAttachment {
  return { id: nextSnowflake(), filename: file.filename, size: file.size, contentType: file.contentType, data: file.data };
}

function normaliseEmbeds(value: unknown): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => (isRecord(e) ? { type: "rich", ...e } : e));
}

/** Throws like Discord for empty or oversized messages. */
function assertSendable(m: MessageRecord): void {
  if ((m.flags & MessageFlag.Loading) !== 0) return;
  if (m.content.length > 2000) throw formError("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
  if (m.embeds.length > 10) throw formError("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
  if (m.content === "" && m.embeds.length === 0 && m.components.length === 0 && m.attachments.length === 0) {
    throw new ApiError(400, 50006, "Cannot send an empty message");
  }
}
