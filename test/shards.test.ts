/**
 * The real bot sharded against the fake Discord (GATEWAY_SHARDS): every shard in one process,
 * each server answered by the shard that owns it, "auto" following Discord's recommendation,
 * and a shard count Discord refuses failing the start at once with words that say what to set.
 */
import { Events } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { loadCommands } from "../src/bot/loader.ts";
import { createRest, deployCommands } from "../src/bot/deploy.ts";
import { FakeDiscord, shardOf, spreadGuildId } from "../tools/fake-discord/index.ts";
import { startTestBot, TEST_TOKEN, textOf, type TestBot } from "./helpers/bot.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Guilds spread evenly over `count` shards; identify concurrency high, so shards start together. */
const sharded = (guilds: number, count: number, sharding: Record<string, number> = {}) => ({
  guilds: Array.from({ length: guilds }, (_, i) => ({ id: spreadGuildId(i, count), name: `Server ${i}`, channels: [{ name: "general" }] })),
  sharding: { maxConcurrency: 16, ...sharding },
});

async function start(guilds: number, shards: "auto" | number, sharding: Record<string, number> = {}): Promise<TestBot> {
  const fake = await FakeDiscord.start(sharded(guilds, typeof shards === "number" ? shards : 3, sharding));
  cleanups.push(() => fake.stop());
  const t = await startTestBot({ reuseFake: fake, config: { GATEWAY_SHARDS: shards }, deploy: false });
  cleanups.push(() => t.stop());
  await deployCommands(createRest(TEST_TOKEN, t.fake.apiBase), t.fake.applicationId, (await loadCommands()).values());
  return t;
}

describe("sharded gateway (GATEWAY_SHARDS)", () => {
  it.each([2, 4])(
    "given %i shards and servers spread over them, then a command in a server of every shard is answered by the shard that owns it",
    async (count) => {
      const t = await start(count * 3, count);
      expect(t.fake.liveShards).toEqual(Array.from({ length: count }, (_, i) => [i, count]));
      expect(t.bot.client.guilds.cache.size).toBe(count * 3);
      const deliveredOn = new Map<string, number>();
      t.bot.client.on(Events.Raw, (packet: { t?: string; d?: { guild_id?: string } }, shardId: number) => {
        if (packet.t === "INTERACTION_CREATE" && packet.d?.guild_id) deliveredOn.set(packet.d.guild_id, shardId);
      });
      const answers = await Promise.all(
        t.fake.guilds.map(async (g) =>
          (await t.fake.command({ name: "latest", options: { count: 1 }, guildId: g.id, channelId: g.channels[0]!.id })).settled(),
        ),
      );
      for (const [i, g] of t.fake.guilds.entries()) {
        expect(textOf(answers[i]!.reply), `answer in ${g.name}`).toMatch(/\S/);
        expect(answers[i]!.ephemeral).toBe(false);
        expect(deliveredOn.get(g.id), `shard of ${g.name}`).toBe(shardOf(g.id, count));
        expect(t.bot.client.guilds.cache.get(g.id)?.shardId).toBe(shardOf(g.id, count));
      }
      expect(new Set(deliveredOn.values()).size).toBe(count);
    },
  );

  it("given auto, then it starts as many shards as Discord recommends", async () => {
    const t = await start(6, "auto", { recommendedShards: 3 });
    expect(t.bot.client.ws.shards.size).toBe(3);
    expect(t.fake.liveShards).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    const answer = await (await t.fake.command({ name: "help", guildId: t.fake.guilds[5]!.id, channelId: t.fake.guilds[5]!.channels[0]!.id })).settled();
    expect(textOf(answer.reply)).toContain("/who");
  });

  it("given fewer shards than its servers need, then the start fails within seconds saying to raise GATEWAY_SHARDS", async () => {
    const started = Date.now();
    const failure = await start(6, 1, { maxGuildsPerShard: 2 }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(failure?.message).toMatch(/requires more shards.*4011.*GATEWAY_SHARDS/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
