/**
 * Interaction state: callbacks (with Discord's 3 s deadline and single-ack rule) and the
 * awaitable handles tests use.
 *
 * @module
 */
import { ApiError, isRecord, requireRecord } from "./http.ts";
import type { UploadedFile } from "./http.ts";
import { allowedCallbacks, toChoice, validateChoices, validateModal } from "./callback-rules.ts";
import { formErrorAt } from "./commands.ts";
import type { MessageRecord, MessageStore, InteractionMeta } from "./messages.ts";
import { MessageFlag } from "./messages.ts";
import type { RouteReply } from "./router.ts";
import type { InteractionHandle, InteractionOutcome } from "./types.ts";

const MAX_TRACKED = 50_000;

/** Server-side state of one dispatched interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  guildId: string | null;
  channelId: string;
  user: unknown;
  commandName?: string;
  /** The message a component/modal interaction came from. */
  sourceMessageId?: string;
  sentAt: number;
  callback?: { type: number; data: unknown; at: number };
  originalId?: string;
  originalEdited: boolean;
  followUpIds: string[];
  /** How many follow-ups Discord allows (5 where only the user's install authorized it); none: no cap. */
  maxFollowUps?: number;
  lastActivity: number;
  listeners: Set<() => void>;
}

/** A modal the bot showed, kept so that submitModal can mirror its layout. */
export interface ShownModal {
  modal: Record<string, unknown>;
  from: InteractionRecord;
}

/** Holds interactions by id and by token and implements the callback endpoint. */
export class InteractionStore {
  private readonly byId = new Map<string, InteractionRecord>();
  /** Token → interaction, for the webhook endpoints. */
  readonly byToken = new Map<string, InteractionRecord>();
  private readonly modals = new Map<string, ShownModal>();

  constructor(
    private readonly messages: MessageStore,
    private readonly deadlineMs: number,
  ) {}

  /** Starts tracking a dispatched interaction (forgetting the oldest beyond 50,000). */
  add(rec: InteractionRecord): void {
    this.byId.set(rec.id, rec);
    this.byToken.set(rec.token, rec);
    if (this.byId.size > MAX_TRACKED) {
      const oldest = this.byId.values().next().value;
      if (oldest) {
        this.byId.delete(oldest.id);
        this.byToken.delete(oldest.token);
      }
    }
  }

  /** The last modal shown with this custom id. */
  modal(customId: string): ShownModal | undefined {
    return this.modals.get(customId);
  }

  /** Records activity and wakes waiters. */
  touch(rec: InteractionRecord): void {
    rec.lastActivity = Date.now();
    for (const listener of [...rec.listeners]) listener();
  }

  /** Handles `POST /interactions/:id/:token/callback`. */
  callback(id: string, token: string, body: unknown, files: UploadedFile[], withResponse: boolean): RouteReply {
    const rec = this.byId.get(id);
    if (!rec || rec.token !== token) throw new ApiError(404, 10062, "Unknown interaction");
    if (rec.callback) throw new ApiError(400, 40060, "Interaction has already been acknowledged.");
    if (Date.now() - rec.sentAt > this.deadlineMs) throw new ApiError(404, 10062, "Unknown interaction");
    const b = requireRecord(body);
    const type = b.type;
    const data = isRecord(b.data) ? b.data : {};
    if (typeof type !== "number" || !allowedCallbacks(rec).includes(type)) {
      throw formErrorAt(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is invalid for this interaction");
    }
    const meta: InteractionMeta = { id: rec.id, type: rec.type, user: rec.user };
    if (rec.commandName !== undefined) Object.assign(meta, { name: rec.commandName, commandType: 1 });
    if (rec.sourceMessageId) meta.interactedMessageId = rec.sourceMessageId;
    const place = { channelId: rec.channelId, guildId: rec.guildId, meta, type: rec.type === 2 ? 20 : 0 };
    let message: MessageRecord | undefined;
    if (type === 4) {
      message = this.messages.create({ ...place, body: data, files });
    } else if (type === 5) {
      const flags = (typeof data.flags === "number" ? data.flags : 0) & MessageFlag.Ephemeral;
      message = this.messages.create({ ...place, body: { flags }, extraFlags: MessageFlag.Loading });
    } else if (type === 6 || type === 7) {
      message = this.messages.get(rec.sourceMessageId ?? "");
      if (!message) throw new ApiError(404, 10008, "Unknown Message");
      if (type === 7) this.messages.edit(message, data, files);
    } else if (type === 8) {
      validateChoices(data.choices);
    } else if (type === 9) {
      validateModal(data);
      if (typeof data.custom_id === "string") this.modals.set(data.custom_id, { modal: data, from: rec });
    }
    if (message) rec.originalId = message.id;
    rec.callback = { type, data: b.data ?? null, at: Date.now() };
    this.touch(rec);
    if (!withResponse) return { status: 204 };
    const response: Record<string, unknown> = {
      interaction: {
        id: rec.id,
        type: rec.type,
        activity_instance_id: null,
        response_message_id: message?.id ?? null,
        response_message_loading: type === 5,
        response_message_ephemeral: message?.ephemeral ?? false,
      },
      resource: message ? { type, message: this.messages.toApi(message) } : { type },
    };
    return { status: 200, body: response };
  }

  /** A handle to await the interaction's answer. */
  handle(rec: InteractionRecord): InteractionHandle {
    return {
      id: rec.id,
      token: rec.token,
      payload: rec.payload,
      acknowledged: async (timeoutMs = 5000) => {
        await waitFor(
          rec,
          () => rec.callback !== undefined,
          timeoutMs,
          () => "was not acknowledged",
        );
        const cb = rec.callback;
        return { type: cb?.type ?? 0, data: cb?.data ?? null };
      },
      settled: async (opts = {}) => {
        await waitFor(
          rec,
          () => this.isConcrete(rec),
          opts.timeoutMs ?? 5000,
          () => describe(rec),
        );
        const quietMs = opts.quietMs ?? 30;
        for (;;) {
          const idle = Date.now() - rec.lastActivity;
          if (idle >= quietMs) break;
          await new Promise((resolve) => setTimeout(resolve, quietMs - idle));
        }
        return this.outcome(rec);
      },
    };
  }

  private isConcrete(rec: InteractionRecord): boolean {
    const type = rec.callback?.type;
    if (type === undefined) return false;
    if (type === 5 || type === 6) return rec.originalEdited || rec.followUpIds.length > 0;
    return true;
  }

  private outcome(rec: InteractionRecord): InteractionOutcome {
    const cb = rec.callback;
    const data = isRecord(cb?.data) ? cb.data : {};
    const reply = rec.originalId ? this.messages.get(rec.originalId) : undefined;
    const outcome: InteractionOutcome = {
      callbackType: cb?.type ?? 0,
      followUps: rec.followUpIds.flatMap((id) => this.messages.get(id) ?? []),
      ephemeral: reply?.ephemeral ?? ((typeof data.flags === "number" ? data.flags : 0) & MessageFlag.Ephemeral) !== 0,
    };
    if (reply) outcome.reply = reply;
    if (cb?.type === 8 && Array.isArray(data.choices)) outcome.choices = data.choices.filter(isRecord).map(toChoice);
    if (cb?.type === 9) {
      outcome.modal = {
        custom_id: String(data.custom_id),
        title: String(data.title),
        components: Array.isArray(data.components) ? data.components : [],
      };
    }
    return outcome;
  }
}

function describe(rec: InteractionRecord): string {
  const cb = rec.callback;
  if (!cb) return "received no callback";
  return `got callback type ${cb.type} but the original response was never edited and no follow-up was sent`;
}

/** Resolves once `done()` holds (checked on every touch), rejects after timeoutMs. */
function waitFor(rec: InteractionRecord, done: () => boolean, timeoutMs: number, why: () => string): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      rec.listeners.delete(listener);
      if (error) reject(error);
      else resolve();
    };
    const listener = (): void => {
      if (done()) finish();
    };
    const timer = setTimeout(() => finish(new Error(`interaction ${rec.id} ${why()} within ${timeoutMs} ms`)), timeoutMs);
    rec.listeners.add(listener);
  });
}
