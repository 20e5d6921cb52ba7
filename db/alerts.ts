/**
 * Alert channels (migration 014, `/alerts`): one per server and story, where each event of at
 * least `minImportance` published after `sinceSeq` is posted, mentioning `roleId` if set.
 */
import type { Db } from "./index.ts";
import { prepared } from "./prepared.ts";

export interface AlertChannel {
  id: number;
  guildId: string;
  storyId: number;
  channelId: string;
  minImportance: number;
  roleId: string | null;
  /** Publications after this one are alerted. */
  sinceSeq: number;
  /** A pause code (src/recap/failures.ts) once Discord refused; null while it runs. */
  pausedReason: string | null;
  createdAt: number;
  updatedAt: number;
}

interface AlertRow {
  id: number;
  guild_id: string;
  story_id: number;
  channel_id: string;
  min_importance: number;
  role_id: string | null;
  since_seq: number;
  paused_reason: string | null;
  created_at: number;
  updated_at: number;
}

const COLS = "id, guild_id, story_id, channel_id, min_importance, role_id, since_seq, paused_reason, created_at, updated_at";

const q = prepared((db: Db) => ({
  // Setting it again resumes a paused channel and counts from the new `since_seq`.
  save: db.prepare<{ guild_id: string; story_id: number; channel_id: string; min_importance: number; role_id: string | null; since_seq: number; now: number }>(
    `INSERT INTO alert_channels (guild_id, story_id, channel_id, min_importance, role_id, since_seq, created_at, updated_at)
     VALUES (:guild_id, :story_id, :channel_id, :min_importance, :role_id, :since_seq, :now, :now)
     ON CONFLICT (guild_id, story_id) DO UPDATE SET channel_id = excluded.channel_id, min_importance = excluded.min_importance,
       role_id = excluded.role_id, since_seq = excluded.since_seq, paused_reason = NULL, updated_at = excluded.updated_at`,
  ),
  byGuildStory: db.prepare<[string, number], AlertRow>(`SELECT ${COLS} FROM alert_channels WHERE guild_id = ? AND story_id = ?`),
  byId: db.prepare<[number], AlertRow>(`SELECT ${COLS} FROM alert_channels WHERE id = ?`),
  ofGuild: db.prepare<[string], AlertRow>(`SELECT ${COLS} FROM alert_channels WHERE guild_id = ? ORDER BY id`),
  ofStory: db.prepare<[number], AlertRow>(`SELECT ${COLS} FROM alert_channels WHERE story_id = ? ORDER BY id`),
  remove: db.prepare<[string], AlertRow>(`DELETE FROM alert_channels WHERE guild_id = ? RETURNING ${COLS}`),
  pause: db.prepare<{ id: number; reason: string; now: number }>(
    "UPDATE alert_channels SET paused_reason = :reason, updated_at = :now WHERE id = :id AND paused_reason IS NULL",
  ),
}));

function toAlert(r: AlertRow): AlertChannel {
  return {
    id: r.id,
    guildId: r.guild_id,
    storyId: r.story_id,
    channelId: r.channel_id,
    minImportance: r.min_importance,
    roleId: r.role_id,
    sinceSeq: r.since_seq,
    pausedReason: r.paused_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Creates or replaces the server's alert channel for a story (resuming it if paused); returns it. */
export function saveAlertChannel(
  db: Db,
  a: { guildId: string; storyId: number; channelId: string; minImportance: number; roleId: string | null; sinceSeq: number; now: number },
): AlertChannel {
  q(db).save.run({
    guild_id: a.guildId,
    story_id: a.storyId,
    channel_id: a.channelId,
    min_importance: a.minImportance,
    role_id: a.roleId,
    since_seq: a.sinceSeq,
    now: a.now,
  });
  const row = q(db).byGuildStory.get(a.guildId, a.storyId);
  if (!row) throw new Error(`alert channel of ${a.guildId} vanished`);
  return toAlert(row);
}

export function getAlertChannel(db: Db, id: number): AlertChannel | null {
  const row = q(db).byId.get(id);
  return row ? toAlert(row) : null;
}

/** A server's alert channels (one per story), oldest first. */
export function alertChannelsOfGuild(db: Db, guildId: string): AlertChannel[] {
  return q(db).ofGuild.all(guildId).map(toAlert);
}

/** Every alert channel of a story, paused ones included. */
export function alertChannelsOfStory(db: Db, storyId: number): AlertChannel[] {
  return q(db).ofStory.all(storyId).map(toAlert);
}

/** Removes every alert channel of a server; returns what was removed. */
export function removeAlertChannels(db: Db, guildId: string): AlertChannel[] {
  return q(db).remove.all(guildId).map(toAlert);
}

/** Pauses an alert channel with a reason (the first reason stays); true if it was running. */
export function pauseAlertChannel(db: Db, p: { id: number; reason: string; now: number }): boolean {
  return q(db).pause.run(p).changes > 0;
}
