import { expect } from "vitest";
import { allComponents, type FakeCommandInput, type FakeMessage, type InteractionOutcome } from "../../tools/fake-discord/index.ts";
import { checkMessage, type Reply } from "../../src/render/index.ts";
import type { TestBot } from "./bot.ts";

/** A recorded message as the Reply the bot meant to send, for checkMessage. */
export function asReply(m: FakeMessage): Reply {
  return {
    ...(m.content ? { content: m.content } : {}),
    embeds: m.embeds as Reply["embeds"],
    components: m.components as Reply["components"],
  };
}

/** Asserts that a message is inside every Discord limit. */
export function expectWithinLimits(m: FakeMessage | undefined): void {
  expect(m).toBeDefined();
  expect(checkMessage(asReply(m!))).toEqual([]);
}

/** The buttons of a message: label, custom_id and whether it is disabled. */
export function buttonsOf(m: FakeMessage | undefined): { label: string; customId: string; disabled: boolean }[] {
  return allComponents(m?.components ?? [])
    .filter((c) => c.type === 2)
    .map((c) => ({ label: String(c.label ?? ""), customId: String(c.custom_id ?? ""), disabled: c.disabled === true }));
}

/** Runs a slash command and waits for its answer. */
export async function run(t: TestBot, input: FakeCommandInput): Promise<InteractionOutcome> {
  return (await t.fake.command(input)).settled();
}

/** Clicks a button (by label or custom_id) on a message and waits for the answer. */
export async function press(
  t: TestBot,
  message: FakeMessage,
  by: { label?: string; customId?: string; locale?: string; admin?: boolean },
): Promise<InteractionOutcome> {
  return (await t.fake.click({ message, ...by })).settled();
}

/** Sends a button click with any custom_id on a message, as a tampered client could. */
export async function tamperedClick(t: TestBot, message: FakeMessage, customId: string, locale = "en-US"): Promise<InteractionOutcome> {
  const handle = await t.fake.sendInteraction({
    type: 3,
    locale,
    data: { custom_id: customId, component_type: 2 },
    message: t.fake.apiMessage(message),
    channel_id: message.channelId,
    guild_id: t.fake.defaultGuild().id,
  });
  return handle.settled();
}

/** The registered id of a guild command, for hand-built payloads. */
export function commandId(t: TestBot, name: string): string {
  const found = (t.fake.commandsFor(t.fake.defaultGuild().id) as { id: string; name: string }[]).find((c) => c.name === name);
  if (!found) throw new Error(`no command ${name}`);
  return found.id;
}

/** Text with at least four Chinese characters in a row. */
export const CHINESE = /[\u4e00-\u9fff]{4}/;
