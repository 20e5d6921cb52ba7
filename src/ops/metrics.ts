/**
 * The operator's metrics, in Prometheus's text format through prom-client: interactions by
 * command and outcome with their answer times, recaps and feed items by what became of them
 * (counted in this process since it started), and, read at each scrape, every shard's state
 * and ping, the guilds per shard, whether this process leads the scheduled work and the size
 * of the database files. Plus prom-client's process and Node.js metrics (memory, event loop lag).
 */
import { statSync } from "node:fs";
import { Status, type Client } from "discord.js";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../../db/index.ts";
import type { InteractionObserver, InteractionReport } from "../context.ts";
import type { PollReport } from "../feeds/poller.ts";
import type { RecapResult } from "../recap/scheduler.ts";
import type { Leader } from "./leader.ts";

/** Answer times worth telling apart, up to Discord's 3 s deadline and past it. */
const ANSWER_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

export interface Metrics extends InteractionObserver {
  readonly registry: Registry;
  /** For the recap scheduler's `onResult`. */
  recap(result: RecapResult): void;
  /** For the feed poller's `onPoll`. */
  feedPoll(report: PollReport): void;
  /** Starts reporting the gateway and the scheduler once the bot is up. */
  attach(parts: { client: Client; leader: Leader }): void;
  /** The text a scrape gets, and its content type. */
  render(): Promise<{ body: string; contentType: string }>;
}

/** Sizes of the database file and its write-ahead log (0 for a file that is not there). */
function fileBytes(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** A registry with every metric; `db.name` is the database's file (":memory:" reports 0). */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  let parts: { client: Client; leader: Leader } | null = null;

  const interactions = new Counter({
    name: "storyline_interactions_total",
    help: "Interactions handled, by kind (command, autocomplete, component, modal), command name and outcome (ok, refused, unavailable, error).",
    labelNames: ["kind", "name", "outcome"] as const,
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: "storyline_interaction_duration_seconds",
    help: "Time from receiving an interaction to its handler (and any error reply) finishing.",
    labelNames: ["kind", "name"] as const,
    buckets: ANSWER_BUCKETS,
    registers: [registry],
  });
  const recaps = new Counter({
    name: "storyline_recaps_total",
    help: "Recap runs by result: posted, empty (nothing new), stale (schedule changed meanwhile), failed (retried), paused.",
    labelNames: ["result"] as const,
    registers: [registry],
  });
  const feedItems = new Counter({
    name: "storyline_feed_items_total",
    help: "New feed items by fate: unmatched, duplicate (its link is already an event), pending (awaits /review), published.",
    labelNames: ["fate"] as const,
    registers: [registry],
  });
  const feedFetches = new Counter({
    name: "storyline_feed_fetches_total",
    help: "Feed fetches by outcome: ok, not-modified, failed, skipped (backing off).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  // Known labels start at 0, so a rate over them exists before the first event.
  for (const result of ["posted", "empty", "stale", "failed", "paused"] as const) recaps.inc({ result }, 0);
  for (const fate of ["unmatched", "duplicate", "pending", "published"]) feedItems.inc({ fate }, 0);

  new Gauge({
    name: "storyline_shard_ready",
    help: "1 while a gateway shard is ready, else 0.",
    labelNames: ["shard"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of parts?.client.ws.shards.values() ?? []) this.set({ shard: String(shard.id) }, shard.status === Status.Ready ? 1 : 0);
    },
  });
  new Gauge({
    name: "storyline_shard_ping_seconds",
    help: "Last heartbeat round trip of each gateway shard (absent until the first heartbeat).",
    labelNames: ["shard"] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const shard of parts?.client.ws.shards.values() ?? []) if (shard.ping >= 0) this.set({ shard: String(shard.id) }, shard.ping / 1000);
    },
  });
  new Gauge({
    name: "storyline_guilds",
    help: "Servers the bot is in, by the shard that serves them.",
    labelNames: ["shard"] as const,
    registers: [registry],
    collect() {
      this.reset();
      const counts = new Map<number, number>();
      for (const guild of parts?.client.guilds.cache.values() ?? []) counts.set(guild.shardId, (counts.get(guild.shardId) ?? 0) + 1);
      for (const [shard, n] of counts) this.set({ shard: String(shard) }, n);
    },
  });
  new Gauge({
    name: "storyline_scheduler_leader",
    help: "1 while this process holds the scheduler lease and runs recaps and feed polling, else 0.",
    registers: [registry],
    collect() {
      this.set(parts?.leader.isLeader() ? 1 : 0);
    },
  });
  new Gauge({
    name: "storyline_database_bytes",
    help: "Size of the SQLite database file and of its write-ahead log.",
    labelNames: ["file"] as const,
    registers: [registry],
    collect() {
      const path = db.name;
      const memory = path === ":memory:" || path === "";
      this.set({ file: "main" }, memory ? 0 : fileBytes(path));
      this.set({ file: "wal" }, memory ? 0 : fileBytes(`${path}-wal`));
    },
  });

  return {
    registry,
    interaction(r: InteractionReport) {
      interactions.inc({ kind: r.kind, name: r.name, outcome: r.outcome });
      answerSeconds.observe({ kind: r.kind, name: r.name }, r.ms / 1000);
    },
    recap(result) {
      recaps.inc({ result });
    },
    feedPoll(report) {
      const add = (fate: string, n: number) => n > 0 && feedItems.inc({ fate }, n);
      for (const r of report.results) {
        feedFetches.inc({ outcome: r.outcome });
        add("unmatched", r.newItems - r.matched);
        add("duplicate", r.matched - r.created);
        add("pending", r.created - r.published);
        add("published", r.published);
      }
    },
    attach(p) {
      parts = p;
    },
    async render() {
      return { body: await registry.metrics(), contentType: registry.contentType };
    },
  };
}
