/**
 * The invariants checked on every REST request the bot made: Discord accepted it, each
 * interaction was answered once, every message body is inside Discord's limits, and no
 * message text can ping anyone (`allowed_mentions.parse` empty).
 */
import { checkChoices, checkMessage, type Choice, type Reply } from "../../src/render/index.ts";
import type { FakeDiscord, RecordedRequest } from "../fake-discord/index.ts";

/** What can fail. */
export type Invariant =
  | "unanswered in 3 s"
  | "never completed"
  | "answered twice"
  | "refused by Discord"
  | "over the limits"
  | "can mention"
  | "shows a secret"
  | "error log"
  | "process"
  | "not alive at the end"
  | "harness";

/** One broken invariant; `key` ties it to an interaction (its id) when known. */
export interface Problem {
  invariant: Invariant;
  detail: string;
  interactionId?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
const WEBHOOK = /^\/webhooks\/\d+\/([^/]+)/;

/** A request path with tokens shortened, for reports. */
export function shortPath(path: string): string {
  return path.replace(/\/(fake\.[\w-]{8})[\w-]*/g, "/$1…");
}

/** Problems of a message body (create or edit). */
function messageProblems(body: Record<string, unknown>, isEdit: boolean): string[] {
  if (!("content" in body) && !("embeds" in body) && !("components" in body)) return [];
  const reply = {
    ...(typeof body.content === "string" ? { content: body.content } : {}),
    ...(Array.isArray(body.embeds) ? { embeds: body.embeds } : {}),
    ...(Array.isArray(body.components) ? { components: body.components } : {}),
  } as Reply;
  const problems = checkMessage(reply).filter((p) => !(isEdit && p === "message: nothing to send"));
  return problems;
}

/** Whether a body's text could ping: it has content and `allowed_mentions` does not forbid every kind. */
function canMention(body: Record<string, unknown>): string | null {
  if (typeof body.content !== "string" || body.content === "") return null;
  const am = body.allowed_mentions;
  if (!isRecord(am)) return "content sent without allowed_mentions";
  if (!Array.isArray(am.parse) || am.parse.length > 0) return `allowed_mentions.parse is ${JSON.stringify(am.parse)}`;
  for (const key of ["users", "roles"] as const) if (Array.isArray(am[key]) && am[key].length > 0) return `allowed_mentions.${key} is not empty`;
  return null;
}

/** Checks requests as they arrive; remembers callbacks per interaction to catch double answers. */
export class RequestAudit {
  private last: RecordedRequest | undefined;
  private readonly callbacks = new Map<string, number>();
  /** Interaction id by token, for webhook requests (follow-ups, edits). */
  readonly idByToken = new Map<string, string>();
  /** Requests checked so far. */
  checked = 0;

  /** `secrets` (the token) must appear in no request the bot sends. */
  constructor(
    private readonly fake: FakeDiscord,
    private readonly secrets: readonly string[] = [],
  ) {}

  /** Checks every request since the last call. */
  drain(): Problem[] {
    const all = this.fake.requests;
    let i = all.length;
    while (i > 0 && all[i - 1] !== this.last) i--;
    const fresh = all.slice(i);
    if (fresh.length) this.last = fresh[fresh.length - 1];
    this.checked += fresh.length;
    return fresh.flatMap((r) => this.check(r));
  }

  private check(r: RecordedRequest): Problem[] {
    const problems: Problem[] = [];
    const callback = CALLBACK.exec(r.path);
    const interactionId = callback?.[1] ?? this.idByToken.get(WEBHOOK.exec(r.path)?.[1] ?? "");
    const at = (invariant: Invariant, detail: string) => problems.push({ invariant, detail, ...(interactionId ? { interactionId } : {}) });
    if (r.status >= 400) at("refused by Discord", `${r.method} ${shortPath(r.path)} → ${r.status}`);
    if (callback && r.status < 400) {
      const n = (this.callbacks.get(callback[1]!) ?? 0) + 1;
      this.callbacks.set(callback[1]!, n);
      if (n > 1) at("answered twice", `callback #${n}`);
    }
    const text = r.body === undefined ? "" : JSON.stringify(r.body);
    for (const secret of this.secrets) if (text.includes(secret)) at("shows a secret", `${r.method} ${shortPath(r.path)}`);
    if (!isRecord(r.body) || r.method === "GET" || r.method === "DELETE") return problems;
    const body = callback ? (isRecord(r.body.data) ? r.body.data : {}) : r.body;
    const type = callback ? Number(r.body.type) : 0;
    if (callback && type === 8) {
      const choices = (Array.isArray(body.choices) ? body.choices : []) as Choice[];
      for (const p of checkChoices(choices)) at("over the limits", `choices: ${p}`);
      return problems;
    }
    if (callback && type !== 4 && type !== 7) return problems;
    if (!callback && !/\/messages/.test(r.path)) return problems;
    for (const p of messageProblems(body, r.method === "PATCH" || type === 7)) at("over the limits", `${r.method} ${shortPath(r.path)}: ${p}`);
    const ping = canMention(body);
    if (ping) at("can mention", `${r.method} ${shortPath(r.path)}: ${ping}`);
    return problems;
  }
}
