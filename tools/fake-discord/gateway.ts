/**
 * The gateway WebSocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME with replay,
 * and sharding as Discord does it: each shard gets the guilds with `(id >> 22) % count` equal to
 * its id, an invalid `shard` is closed with 4010 and a shard holding too many guilds with 4011.
 *
 * @module
 */
import type { Server } from "node:http";
import { WebSocketServer, WebSocket } from "ws";
import type { RawData } from "ws";
import { randomToken } from "./snowflake.ts";
import { isRecord } from "./http.ts";

/** What the gateway needs from the rest of the fake. */
export interface GatewayHost {
  /** `user` and `application` of READY. */
  identity(): { user: unknown; application: unknown };
  /** Ids of all guilds, in order. */
  guildIds(): string[];
  /** The GUILD_CREATE body of a guild. */
  guildCreate(guildId: string): unknown;
  /** How many guilds one shard may hold before its IDENTIFY is refused with 4011. */
  maxGuildsPerShard(): number;
}

/** How the fake shards, as `FakeShardingOptions` resolved against the guilds it holds. */
export interface ShardingPolicy {
  recommendedShards: number;
  maxConcurrency: number;
  maxGuildsPerShard: number;
}

/** Discord's per-shard guild limit, and roughly how many guilds it puts on a recommended shard. */
const DISCORD_MAX_GUILDS_PER_SHARD = 2500;
const GUILDS_PER_RECOMMENDED_SHARD = 1000;

/** The sharding a fake with `guildCount` guilds offers, from its options. */
export function shardingPolicy(opts: { recommendedShards?: number; maxConcurrency?: number; maxGuildsPerShard?: number }, guildCount: number): ShardingPolicy {
  const maxGuildsPerShard = opts.maxGuildsPerShard ?? DISCORD_MAX_GUILDS_PER_SHARD;
  const needed = Math.ceil(guildCount / Math.min(maxGuildsPerShard, GUILDS_PER_RECOMMENDED_SHARD));
  return { recommendedShards: opts.recommendedShards ?? Math.max(1, needed), maxConcurrency: opts.maxConcurrency ?? 1, maxGuildsPerShard };
}

/** A snowflake (timestamp part from 2020) for guild number `n` that lands on shard `n % count`. */
export function spreadGuildId(n: number, count: number): string {
  const base = 160_000_000_000n; // ms after the Discord epoch: 2020, before any id nextSnowflake makes now
  const ms = base - (base % BigInt(count)) + BigInt(n);
  return ((ms << 22n) | (1n << 17n)).toString();
}

interface Session {
  id: string;
  seq: number;
  buffer: { s: number; text: string }[];
  socket: WebSocket | null;
  shard: [number, number];
  intents: number;
}

interface SocketState {
  session: Session | null;
  droppedByServer: boolean;
}

const BUFFER_MAX = 20_000;

/** Shard of a guild id for a shard count, as Discord computes it. */
export function shardOf(guildId: string | null, count: number): number {
  if (!guildId || count <= 1) return 0;
  try {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  } catch {
    return 0;
  }
}

/** Gateway server bound to an HTTP server's upgrade requests. */
export class Gateway {
  identifies = 0;
  resumes = 0;
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Map<WebSocket, SocketState>();
  private readyWaiters: (() => void)[] = [];

  constructor(
    server: Server,
    private readonly host: GatewayHost,
    private readonly url: () => string,
    private readonly heartbeatIntervalMs: number,
  ) {
    this.wss = new WebSocketServer({ server });
    this.wss.on("connection", (socket) => this.onConnection(socket));
  }

  /** Number of open gateway sockets. */
  get connections(): number {
    return this.sockets.size;
  }

  /** Whether some identified session currently has a live socket. */
  get hasLiveSession(): boolean {
    for (const s of this.sessions.values()) if (s.socket) return true;
    return false;
  }

  /** `[id, count]` of every session with a live socket, by shard id. */
  get liveShards(): [number, number][] {
    return [...this.sessions.values()]
      .filter((s) => s.socket)
      .map((s) => s.shard)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  /** Whether any session (live or resumable) exists. */
  get hasSession(): boolean {
    return this.sessions.size > 0;
  }

  /** Resolves when a session is live (immediately if one is). */
  waitForReady(): Promise<void> {
    if (this.hasLiveSession) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Dispatches an event to every session whose shard holds `guildId` (null: shard 0);
   * when `intent` is given, only to sessions that identified with it.
   */
  dispatch(t: string, d: unknown, guildId: string | null, intent?: number): void {
    for (const session of this.sessions.values()) {
      if (shardOf(guildId, session.shard[1]) !== session.shard[0]) continue;
      if (intent !== undefined && (session.intents & intent) === 0) continue;
      this.emit(session, t, d);
    }
  }

  /** Closes every socket abruptly (sessions stay resumable); with a code, sends a close frame instead. */
  drop(code?: number): void {
    for (const [socket, state] of this.sockets) {
      state.droppedByServer = true;
      if (code === undefined) socket.terminate();
      else socket.close(code);
    }
  }

  /** Closes everything. */
  close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sockets.clear();
    this.sessions.clear();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private emit(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const text = JSON.stringify({ op: 0, t, s: session.seq, d });
    session.buffer.push({ s: session.seq, text });
    if (session.buffer.length > BUFFER_MAX + 1000) session.buffer.splice(0, 1000);
    if (session.socket?.readyState === WebSocket.OPEN) session.socket.send(text);
  }

  private onConnection(socket: WebSocket): void {
    const state: SocketState = { session: null, droppedByServer: false };
    this.sockets.set(socket, state);
    socket.send(JSON.stringify({ op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } }));
    socket.on("message", (data) => this.onMessage(socket, state, data));
    socket.on("error", () => undefined);
    socket.on("close", (code) => {
      this.sockets.delete(socket);
      const session = state.session;
      if (!session || session.socket !== socket) return;
      session.socket = null;
      // A client closing normally (1000/1001) ends its session, like on Discord.
      if (!state.droppedByServer && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    });
  }

  private onMessage(socket: WebSocket, state: SocketState, data: RawData): void {
    let payload: unknown;
    try {
      payload = JSON.parse(rawText(data));
    } catch {
      socket.close(4002, "Error while decoding payload.");
      return;
    }
    if (!isRecord(payload)) return void socket.close(4002, "Error while decoding payload.");
    const d = payload.d;
    switch (payload.op) {
      case 1:
        socket.send(JSON.stringify({ op: 11, s: null, t: null, d: null }));
        return;
      case 2:
        this.identify(socket, state, d);
        return;
      case 6:
        this.resume(socket, state, d);
        return;
      case 3:
      case 4:
      case 8:
        if (!state.session) socket.close(4003, "Not authenticated.");
        return;
      default:
        socket.close(4001, "Unknown opcode.");
    }
  }

  private identify(socket: WebSocket, state: SocketState, d: unknown): void {
    if (state.session) return void socket.close(4005, "Already authenticated.");
    if (!isRecord(d) || typeof d.token !== "string" || d.token === "") return void socket.close(4004, "Authentication failed.");
    const shard = parseShard(d.shard);
    if (!shard) {
      socket.close(4010, "Invalid shard.");
      return;
    }
    const ids = this.host.guildIds().filter((id) => shardOf(id, shard[1]) === shard[0]);
    if (ids.length > this.host.maxGuildsPerShard()) {
      socket.close(4011, "Sharding required.");
      return;
    }
    const session: Session = {
      id: randomToken(16),
      seq: 0,
      buffer: [],
      socket,
      shard,
      intents: typeof d.intents === "number" ? d.intents : 0,
    };
    // A fresh IDENTIFY for a shard replaces that shard's disconnected (resumable) sessions.
    for (const old of this.sessions.values()) {
      if (!old.socket && old.shard[0] === shard[0] && old.shard[1] === shard[1]) this.sessions.delete(old.id);
    }
    this.sessions.set(session.id, session);
    state.session = session;
    this.identifies += 1;
    const { user, application } = this.host.identity();
    this.emit(session, "READY", {
      v: 10,
      user,
      application,
      guilds: ids.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.url(),
      session_type: "normal",
      shard,
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ["fake"],
      user_settings: {},
      _trace: ["fake-discord"],
    });
    for (const id of ids) this.emit(session, "GUILD_CREATE", this.host.guildCreate(id));
    this.flushReadyWaiters();
  }

  private resume(socket: WebSocket, state: SocketState, d: unknown): void {
    const session = isRecord(d) && typeof d.session_id === "string" ? this.sessions.get(d.session_id) : undefined;
    const seq = isRecord(d) && typeof d.seq === "number" ? d.seq : -1;
    const oldest = session?.buffer[0]?.s ?? (session ? session.seq + 1 : 0);
    if (!session || seq < 0 || seq > session.seq || seq + 1 < oldest) {
      socket.send(JSON.stringify({ op: 9, s: null, t: null, d: false }));
      return;
    }
    if (session.socket && session.socket !== socket) {
      const old = this.sockets.get(session.socket);
      if (old) old.droppedByServer = true;
      session.socket.terminate();
    }
    session.socket = socket;
    state.session = session;
    this.resumes += 1;
    for (const entry of session.buffer) if (entry.s > seq) socket.send(entry.text);
    this.emit(session, "RESUMED", { _trace: ["fake-discord"] });
    this.flushReadyWaiters();
  }

  private flushReadyWaiters(): void {
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** `[id, count]` from IDENTIFY (absent: `[0, 1]`), or null when Discord would close with 4010. */
function parseShard(raw: unknown): [number, number] | null {
  if (raw === undefined || raw === null) return [0, 1];
  if (!Array.isArray(raw) || raw.length !== 2) return null;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  const [i, n] = [id as number, count as number];
  return n >= 1 && i >= 0 && i < n ? [i, n] : null;
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return data.toString("utf8");
}
