/** The shapes shared by the fuzzer's generators, checks and report. */
import type { InteractionHandle } from "../fake-discord/index.ts";
import type { ActorPick } from "./actors.ts";
import type { Memory } from "./memory.ts";
import type { Leaf } from "./schema.ts";
import type { FuzzWorld } from "./world.ts";

/** The kinds of interaction, with how often each is drawn. */
export const KINDS = {
  command: 30,
  tamperedCommand: 8,
  autocomplete: 15,
  click: 20,
  tamperedClick: 10,
  select: 4,
  tamperedSelect: 2,
  modal: 8,
  tamperedModal: 4,
} as const;
export type Kind = keyof typeof KINDS;

/** One interaction as sent, for counting and for reports. */
export interface FuzzCase {
  n: number;
  kind: Kind;
  /** "/recap schedule", or the custom_id acted on. */
  target: string;
  actor: ActorPick;
  input: Record<string, unknown>;
}

/** A sent interaction with its handle, or why none was sent. */
export type Sent = { case: FuzzCase; handle: InteractionHandle } | { skipped: string };

/** What a generator needs. */
export interface ActionContext {
  world: FuzzWorld;
  memory: Memory;
  leaves: Leaf[];
}
