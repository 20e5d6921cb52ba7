/**
 * What the fuzzer has seen so far and can act on next: recent messages with components
 * (to click and select), modals the bot showed (to submit), custom_id prefixes (to forge
 * ids), and `resolved` entries of real payloads (to hand-build tampered ones).
 */
import { allComponents, type FakeMessage, type InteractionOutcome } from "../fake-discord/index.ts";
import type { ActorPick } from "./actors.ts";

const KEEP_MESSAGES = 80;
const KEEP_MODALS = 30;

export interface Seen<T> {
  item: T;
  actor: ActorPick;
}

/** A modal as the bot showed it. */
export interface ShownModal {
  customId: string;
  components: unknown[];
}

export class Memory {
  readonly messages: Seen<FakeMessage>[] = [];
  readonly modals: Seen<ShownModal>[] = [];
  readonly prefixes = new Set<string>();
  /** `resolved` entries by "users:<id>" / "channels:<id>" etc. */
  readonly resolved = new Map<string, unknown>();
  /** A (non-admin) guild member object from a real payload, to clone for hand-built ones. */
  member: Record<string, unknown> | null = null;

  /** Learns from an interaction's payload and its outcome. */
  learn(payload: Record<string, unknown>, outcome: InteractionOutcome | null, actor: ActorPick): void {
    const data = payload.data as { resolved?: Record<string, Record<string, unknown>> } | undefined;
    for (const [kind, entries] of Object.entries(data?.resolved ?? {})) {
      for (const [id, value] of Object.entries(entries)) this.resolved.set(`${kind}:${id}`, value);
    }
    if (!this.member && !actor.admin && payload.member && typeof payload.member === "object") this.member = payload.member as Record<string, unknown>;
    if (!outcome) return;
    for (const m of [outcome.reply, ...outcome.followUps]) {
      if (!m || m.deleted || m.components.length === 0) continue;
      for (const c of allComponents(m.components)) if (typeof c.custom_id === "string") this.prefixes.add(c.custom_id.split(":")[0] ?? "");
      if (!this.messages.some((s) => s.item.id === m.id)) push(this.messages, { item: m, actor }, KEEP_MESSAGES);
    }
    if (outcome.modal) {
      this.prefixes.add(outcome.modal.custom_id.split(":")[0] ?? "");
      // Discord (and the fake) know only the last modal shown under an id; its limits may differ.
      const stale = this.modals.findIndex((s) => s.item.customId === outcome.modal!.custom_id);
      if (stale >= 0) this.modals.splice(stale, 1);
      push(this.modals, { item: { customId: outcome.modal.custom_id, components: outcome.modal.components }, actor }, KEEP_MODALS);
    }
  }

  /** Recent messages that still exist and have a component matching `test`. */
  live(test: (c: Record<string, unknown>) => boolean): Seen<FakeMessage>[] {
    return this.messages.filter((s) => !s.item.deleted && allComponents(s.item.components).some(test));
  }
}

function push<T>(list: T[], item: T, keep: number): void {
  list.push(item);
  if (list.length > keep) list.splice(0, list.length - keep);
}

/** A button a user can click: has a custom_id and is not disabled. */
export const clickable = (c: Record<string, unknown>): boolean => c.type === 2 && typeof c.custom_id === "string" && c.disabled !== true;

/** A select menu a user can open. */
export const selectable = (c: Record<string, unknown>): boolean =>
  [3, 5, 6, 7, 8].includes(Number(c.type)) && typeof c.custom_id === "string" && c.disabled !== true;
