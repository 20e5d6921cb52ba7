/**
 * What `/healthz` says: healthy once every gateway shard is ready and the database answers a
 * query; otherwise each reason, in words an operator can act on.
 */
import { Status, type Client } from "discord.js";
import type { Db } from "../../db/index.ts";
import { readLease } from "../../db/leases.ts";
import { SCHEDULER_LEASE, type Leader } from "./leader.ts";

/** The body of `/healthz` (JSON). */
export interface Health {
  status: "ok" | "unavailable";
  /** Empty when healthy. */
  problems: string[];
  shards: { id: number; status: string; pingMs: number | null; guilds: number }[];
  database: "ok" | "unavailable";
  /** Whether this process runs the scheduled work, and who does if another process. */
  scheduler: { leader: boolean; holder: string | null } | null;
}

/** discord.js's shard statuses, named. */
const STATUS_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Status)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => [v, k.toLowerCase()]),
);

/** Checks the gateway and the database now. `client` is null until the bot has started. */
export function checkHealth(db: Db, client: Client | null, leader: Leader | null): Health {
  const problems: string[] = [];
  const shards: Health["shards"] = [];
  if (!client?.isReady()) problems.push("the gateway is not ready yet (starting)");
  else {
    const guilds = new Map<number, number>();
    for (const g of client.guilds.cache.values()) guilds.set(g.shardId, (guilds.get(g.shardId) ?? 0) + 1);
    for (const shard of client.ws.shards.values()) {
      const status = STATUS_NAMES[shard.status] ?? String(shard.status);
      shards.push({ id: shard.id, status, pingMs: shard.ping >= 0 ? shard.ping : null, guilds: guilds.get(shard.id) ?? 0 });
      if (shard.status !== Status.Ready) problems.push(`gateway shard ${shard.id} is ${status}`);
    }
  }
  let database: Health["database"] = "ok";
  let holder: string | null = null;
  try {
    holder = readLease(db, SCHEDULER_LEASE)?.holder ?? null;
  } catch (err) {
    database = "unavailable";
    problems.push(`the database does not answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  return {
    status: problems.length ? "unavailable" : "ok",
    problems,
    shards,
    database,
    scheduler: leader ? { leader: leader.isLeader(), holder } : null,
  };
}
