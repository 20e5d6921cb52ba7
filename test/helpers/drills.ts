/**
 * Shared parts of the fault drills: a seeded random source, checks of a database file after
 * a crash (SQLite's own integrity check plus the invariants our writes keep together), a
 * large generated story, and the bot as a real process against a fake Discord.
 */
import Database from "better-sqlite3";
import { loadCommands } from "../../src/bot/loader.ts";
import { createRest, deployCommands } from "../../src/bot/deploy.ts";
import type { FakeDiscord } from "../../tools/fake-discord/index.ts";
import { TEST_TOKEN } from "./bot.ts";
import { runNode } from "./run-node.ts";
import type { Spawned } from "./spawn.ts";

export { runNode, unprivileged } from "./run-node.ts";

/** mulberry32: floats in [0, 1), repeatable per seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a database file looks like after a crash; every list should be empty and integrity "ok". */
export interface DbHealth {
  integrity: string;
  foreignKeys: unknown[];
  /** Published events missing from the full-text index (or indexed under a stale key). */
  unindexed: string[];
  /** Index entries for events that are gone or not published. */
  strayIndex: number;
  /** Editor events without their "add" audit row, and audit rows of added events that are missing. */
  unaudited: string[];
  lostAudited: string[];
}

/** Opens the file read-only and checks it. */
export function dbHealth(path: string): DbHealth {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const integrity = all<{ integrity_check: string }>("PRAGMA integrity_check")
      .map((r) => r.integrity_check)
      .join("; ");
    const hasStatus = all<{ name: string }>("PRAGMA table_info(events)").some((c) => c.name === "status");
    const published = hasStatus ? "e.status = 'published'" : "1";
    return {
      integrity,
      foreignKeys: all("PRAGMA foreign_key_check"),
      unindexed: all<{ key: string }>(
        `SELECT e.key FROM events e WHERE ${published} AND (e.search_key IS NULL OR NOT EXISTS (SELECT 1 FROM event_fts f WHERE f.rowid = e.search_key))`,
      ).map((r) => r.key),
      // Index rows beyond the published events that have one (events have no index on search_key).
      strayIndex:
        (db.prepare("SELECT count(*) AS n FROM event_fts").get() as { n: number }).n -
        (
          db.prepare(`SELECT count(*) AS n FROM events e WHERE ${published} AND EXISTS (SELECT 1 FROM event_fts f WHERE f.rowid = e.search_key)`).get() as {
            n: number;
          }
        ).n,
      unaudited: all<{ key: string }>(
        "SELECT e.key FROM events e WHERE e.origin = 'editor' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.event_id = e.id AND a.action = 'add')",
      ).map((r) => r.key),
      lostAudited: all<{ event_key: string }>(
        "SELECT a.event_key FROM audit_log a WHERE a.action = 'add' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = a.event_id) AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.event_id = a.event_id AND r.action = 'remove')",
      ).map((r) => r.event_key),
    };
  } finally {
    db.close();
  }
}

/** The health a crash must leave behind. */
export const HEALTHY: DbHealth = { integrity: "ok", foreignKeys: [], unindexed: [], strayIndex: 0, unaudited: [], lostAudited: [] };

/** Runs `sql` read-only against a database file. */
export function query<T>(path: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/**
 * A story file (JSON) with `events` events. Versions differ in every event's text, and
 * version "b" drops the first fifth of the events and adds as many new ones, so a
 * re-import updates, removes and creates at once.
 */
export function bigStory(slug: string, version: "a" | "b", events: number): { text: string; keys: string[] } {
  const entities = Array.from({ length: 100 }, (_, i) => ({
    id: `p${i}`,
    kind: "person",
    name: { en: `Person ${i} ${version}`, zh: `人物${i}` },
    aliases: [`alias${i}`],
  }));
  const first = version === "a" ? 0 : Math.floor(events / 5);
  const keys = Array.from({ length: events }, (_, i) => `e${first + i}`);
  const list = keys.map((id, i) => ({
    id,
    at: `2020-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}`,
    title: { en: `Event ${id} version ${version}`, zh: `事件${id}` },
    summary: { en: `What happened in ${id}, as told in version ${version}. `.repeat(3) },
    entities: [`p${i % 100}`, `p${(i * 7 + 3) % 100}`],
    quotes: [{ by: `p${i % 100}`, text: `Quote ${id} ${version}` }],
    sources: [{ name: "Wire", url: `https://example.org/${id}` }],
  }));
  const text = JSON.stringify({ story: { slug, title: `Big story ${version}`, language: "en" }, entities, events: list });
  return { text, keys };
}

/** Registers the real commands in a fake guild, as deploy-commands would. */
export async function registerCommands(fake: FakeDiscord, guildId = fake.defaultGuild().id): Promise<void> {
  await deployCommands(createRest(TEST_TOKEN, fake.apiBase), fake.applicationId, (await loadCommands()).values(), guildId);
}

/** `npm start` as a real process against the fake Discord; resolves once it logged "ready". */
export async function startBotProcess(fake: FakeDiscord, env: Record<string, string>, cwd: string, as: { uid?: number; gid?: number } = {}): Promise<Spawned> {
  const p = runNode("src/index.ts", [], { DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_BASE: fake.apiBase, LOG_LEVEL: "info", ...env }, cwd, as);
  try {
    await p.waitFor(/"msg":"ready"/, 30_000);
  } catch (err) {
    p.child.kill("SIGKILL");
    throw err;
  }
  return p;
}

/** SIGKILL, and wait until the process is gone. */
export async function kill9(p: Spawned): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await p.exited;
}
