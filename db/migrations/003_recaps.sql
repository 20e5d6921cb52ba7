-- Daily recaps: one schedule per server and story, and everything needed to post each slot
-- exactly once across restarts. Times are unix milliseconds (UTC); Discord ids are TEXT.
--
-- A slot is the UTC instant of a local date at `time` in `timezone` (src/recap/slots.ts).
-- `next_slot` is the first slot not handled yet: a schedule is due once it has passed.
-- `watermark` is the added_at up to which events have been recapped: the next digest covers
-- events with watermark < added_at <= its slot. A post and its new slot and watermark are
-- recorded by one statement after Discord confirms; a retry re-sends the same nonce.

CREATE TABLE recap_schedules (
  id                   INTEGER PRIMARY KEY,
  guild_id             TEXT NOT NULL,
  story_id             INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  channel_id           TEXT NOT NULL,
  time                 TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
  timezone             TEXT NOT NULL,
  created_by           TEXT,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  next_slot            INTEGER NOT NULL,
  last_slot            INTEGER,                 -- the latest slot handled; NULL before the first
  watermark            INTEGER NOT NULL,
  paused_reason        TEXT,                    -- a code (src/recap/failures.ts); NULL = active
  last_run_at          INTEGER,
  last_result          TEXT CHECK (last_result IN ('posted', 'empty', 'failed', 'paused')),
  last_post_at         INTEGER,
  last_post_channel_id TEXT,
  last_message_id      TEXT,
  last_failure         TEXT,                    -- what went wrong last, as Discord or the code said it
  last_failure_at      INTEGER,
  failure_count        INTEGER NOT NULL DEFAULT 0,  -- consecutive failures of the slot being tried
  UNIQUE (guild_id, story_id)
);
-- What each minute's tick asks: the active schedules whose next slot has passed.
CREATE INDEX recap_schedules_due ON recap_schedules(next_slot) WHERE paused_reason IS NULL;
