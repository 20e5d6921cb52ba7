-- /catchup: when each user last caught up on each story. Read with /catchup (without since:),
-- the mark moves to the time of reading; what the story gained after it is what is new.
CREATE TABLE catchup_marks (
  user_id  TEXT NOT NULL,
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  read_at  INTEGER NOT NULL,
  PRIMARY KEY (user_id, story_id)
);

-- What /catchup reads of the audit log: a story's changes in a window of time.
CREATE INDEX audit_by_story_time ON audit_log(story_id, at);

-- /recap log: every scheduled recap delivery attempt of a server — posted (with the message),
-- failed (to be retried, with the attempt) or paused (with the reason) — written by the recap
-- scheduler after each attempt. A server keeps its newest 100.
CREATE TABLE recap_deliveries (
  id          INTEGER PRIMARY KEY,
  guild_id    TEXT NOT NULL,
  schedule_id INTEGER NOT NULL,
  story_id    INTEGER NOT NULL,
  channel_id  TEXT NOT NULL,
  at          INTEGER NOT NULL,
  result      TEXT NOT NULL CHECK (result IN ('posted', 'failed', 'paused')),
  message_id  TEXT,
  reason      TEXT,      -- a pause code (src/recap/failures.ts) when paused
  detail      TEXT,      -- what went wrong, as Discord or the code said it
  attempt     INTEGER,   -- which attempt at the slot a failure was
  rate_limited INTEGER NOT NULL DEFAULT 0  -- rate limits discord.js waited out and retried
);
CREATE INDEX recap_deliveries_by_guild ON recap_deliveries(guild_id, id);

CREATE TRIGGER recap_deliveries_trim AFTER INSERT ON recap_deliveries
BEGIN
  DELETE FROM recap_deliveries WHERE guild_id = new.guild_id AND id <= new.id - 100
    AND id NOT IN (SELECT id FROM recap_deliveries WHERE guild_id = new.guild_id ORDER BY id DESC LIMIT 100);
END;
