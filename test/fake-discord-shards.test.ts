/**
 * The fake Discord shards like Discord: it recommends a shard count, gives each shard only the
 * guilds `(id >> 22) % count` assigns it, delivers interactions on the owning shard, and closes
 * an invalid IDENTIFY with 4010 and an overfull shard with 4011.
 */
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, shardOf, spreadGuildId, type FakeDiscordOptions } from "../tools/fake-discord/index.ts";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(opts: FakeDiscordOptions): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start(opts);
  cleanups.push(() => fake.stop());
  return fake;
}

const spread = (n: number, count: number) => Array.from({ length: n }, (_, i) => ({ id: spreadGuildId(i, count), name: `Server ${i}` }));

/** A raw gateway client: IDENTIFYs with `shard` and collects dispatches until closed or `ms` passed. */
function identify(fake: FakeDiscord, shard: unknown, ms = 500): Promise<{ code: number | null; events: { t: string; d: Record<string, unknown> }[] }> {
  const socket = new WebSocket(fake.apiBase.replace(/^http/, "ws").replace(/\/api$/, ""));
  cleanups.push(() => socket.terminate());
  const events: { t: string; d: Record<string, unknown> }[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ code: null, events }), ms);
    socket.on("message", (raw) => {
      const p = JSON.parse(String(raw)) as { op: number; t: string; d: Record<string, unknown> };
      if (p.op === 10)
        socket.send(JSON.stringify({ op: 2, d: { token: "fake-token", intents: 1, properties: {}, ...(shard === undefined ? {} : { shard }) } }));
      if (p.op === 0) events.push({ t: p.t, d: p.d });
    });
    socket.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, events });
    });
  });
}

describe("the fake Discord's shards", () => {
  it("recommends one shard per 1,000 guilds and the identify concurrency it was given", async () => {
    const fake = await start({ guilds: spread(2300, 3), sharding: { maxConcurrency: 16 } });
    const res = await fetch(`${fake.apiBase}/v10/gateway/bot`, { headers: { authorization: "Bot fake-token" } });
    const body = (await res.json()) as { shards: number; session_start_limit: { max_concurrency: number } };
    expect(body.shards).toBe(3);
    expect(body.session_start_limit.max_concurrency).toBe(16);
  });

  it("gives each shard only the guilds (id >> 22) % count assigns it", async () => {
    const fake = await start({ guilds: spread(9, 3) });
    for (const id of [0, 1, 2]) {
      const { events } = await identify(fake, [id, 3]);
      const ready = events.find((e) => e.t === "READY")!;
      expect(ready.d.shard).toEqual([id, 3]);
      const created = events.filter((e) => e.t === "GUILD_CREATE").map((e) => String(e.d.id));
      expect(created).toHaveLength(3);
      for (const g of created) expect(shardOf(g, 3)).toBe(id);
    }
  });

  it("sends an interaction only to the shard that owns its guild", async () => {
    const fake = await start({ guilds: spread(4, 2) });
    const sockets = [0, 1].map((id) => {
      const socket = new WebSocket(fake.apiBase.replace(/^http/, "ws").replace(/\/api$/, ""));
      cleanups.push(() => socket.terminate());
      const seen: string[] = [];
      socket.on("message", (raw) => {
        const p = JSON.parse(String(raw)) as { op: number; t: string; d: { guild_id?: string } };
        if (p.op === 10) socket.send(JSON.stringify({ op: 2, d: { token: "fake-token", intents: 1, properties: {}, shard: [id, 2] } }));
        if (p.t === "INTERACTION_CREATE") seen.push(p.d.guild_id ?? "");
      });
      return seen;
    });
    while (fake.liveShards.length < 2) await new Promise((r) => setTimeout(r, 10));
    for (const g of fake.guilds) void fake.sendInteraction({ guild_id: g.id, type: 2, data: { name: "x", type: 1 } });
    await new Promise((r) => setTimeout(r, 200));
    expect(sockets[0]!.sort()).toEqual(
      fake.guilds
        .filter((g) => shardOf(g.id, 2) === 0)
        .map((g) => g.id)
        .sort(),
    );
    expect(sockets[1]!.sort()).toEqual(
      fake.guilds
        .filter((g) => shardOf(g.id, 2) === 1)
        .map((g) => g.id)
        .sort(),
    );
  });

  it("closes an IDENTIFY with an impossible shard with 4010", async () => {
    const fake = await start({ guilds: spread(2, 2) });
    for (const shard of [[2, 2], [0, 0], [-1, 2], [0.5, 2], ["0", "2"], [0]]) {
      expect((await identify(fake, shard)).code, JSON.stringify(shard)).toBe(4010);
    }
    expect(fake.identifies).toBe(0);
  });

  it("closes a shard that would hold more guilds than allowed with 4011, and accepts enough shards", async () => {
    const fake = await start({ guilds: spread(6, 3), sharding: { maxGuildsPerShard: 2 } });
    expect((await identify(fake, undefined)).code).toBe(4011);
    expect((await identify(fake, [0, 2])).code).toBe(4011);
    const enough = await identify(fake, [1, 3]);
    expect(enough.code).toBeNull();
    expect(enough.events.filter((e) => e.t === "GUILD_CREATE")).toHaveLength(2);
  });
});
