-- Readers (issue 15): follows and their direct messages, alert channels, and the outbox ledger
-- that keeps every recap part, alert and follow DM to exactly one message across crashes.

CREATE TABLE follows (
  id         INTEGER PRIMARY KEY,
  user_id    TEXT NOT NULL,
  story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  entity_id  INTEGER REFERENCES entities(id) ON DELETE CASCADE, -- NULL: the story's major developments (importance 4-5)
  since_seq  INTEGER NOT NULL,  -- publications after this one count for this follow
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX follows_once ON follows(user_id, story_id, ifnull(entity_id, 0));
CREATE INDEX follows_by_story ON follows(story_id, entity_id);

-- One row per follower: the language DMs are written in (their client's, updated on every
-- command) and whether following is paused because Discord refused a DM (50007).
CREATE TABLE follow_users (
  user_id       TEXT PRIMARY KEY,
  locale        TEXT NOT NULL,
  paused_at     INTEGER,
  paused_reason TEXT,
  notice_due    INTEGER NOT NULL DEFAULT 0  -- 1: tell them why at their next command, once
);

-- What a follower is owed: at most one row per person and event, so never two DMs for one
-- event. Rows wait for the bundling window, then go out together in one outbox entry.
CREATE TABLE follow_queue (
  user_id   TEXT NOT NULL,
  event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  queued_at INTEGER NOT NULL,
  outbox_id INTEGER REFERENCES outbox(id) ON DELETE SET NULL, -- the DM it went out in
  PRIMARY KEY (user_id, event_id)
) WITHOUT ROWID;
CREATE INDEX follow_queue_waiting ON follow_queue(user_id, queued_at) WHERE outbox_id IS NULL;

-- /alerts channel: one alert channel per server and story.
CREATE TABLE alert_channels (
  id             INTEGER PRIMARY KEY,
  guild_id       TEXT NOT NULL,
  story_id       INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  channel_id     TEXT NOT NULL,
  min_importance INTEGER NOT NULL DEFAULT 4 CHECK (min_importance BETWEEN 1 AND 5),
  role_id        TEXT,            -- mentioned by each alert, and the only mention allowed
  since_seq      INTEGER NOT NULL,
  paused_reason  TEXT,            -- a pause code (src/recap/failures.ts) when Discord refused
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  UNIQUE (guild_id, story_id)
);
CREATE INDEX alert_channels_by_story ON alert_channels(story_id);

-- Every event that became published, in commit order: a trigger on events fills it, so a
-- publication by an editor, a feed, a review or an import (in any process) is seen once by
-- the courier, which reads past its cursor. Only stories someone follows or alerts on are
-- logged, so a large import of a story nobody watches pays nothing.
CREATE TABLE publications (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  story_id INTEGER NOT NULL,
  at       INTEGER NOT NULL
);
CREATE INDEX publications_by_event ON publications(event_id);

CREATE TRIGGER events_published_insert AFTER INSERT ON events
WHEN new.status = 'published'
  AND (EXISTS (SELECT 1 FROM follows WHERE story_id = new.story_id)
       OR EXISTS (SELECT 1 FROM alert_channels WHERE story_id = new.story_id))
BEGIN
  INSERT INTO publications (event_id, story_id, at) VALUES (new.id, new.story_id, max(new.added_at, new.updated_at));
END;

CREATE TRIGGER events_published_update AFTER UPDATE OF status ON events
WHEN old.status <> 'published' AND new.status = 'published'
  AND (EXISTS (SELECT 1 FROM follows WHERE story_id = new.story_id)
       OR EXISTS (SELECT 1 FROM alert_channels WHERE story_id = new.story_id))
BEGIN
  INSERT INTO publications (event_id, story_id, at) VALUES (new.id, new.story_id, max(new.added_at, new.updated_at));
END;

-- How far each reader of publications got ('alerts', 'follows'), moved in the same
-- transaction as the rows it queued.
CREATE TABLE courier_cursors (
  name TEXT PRIMARY KEY,
  seq  INTEGER NOT NULL
);
INSERT INTO courier_cursors (name, seq) VALUES ('alerts', 0), ('follows', 0);

-- The ledger of messages being sent. A row is written (pending) before the first attempt;
-- `attempted_at` says a message may exist from then on. After a crash, a pending row that was
-- attempted is looked for among the bot's recent messages (by its marker) before it is sent
-- again, because Discord forgets a nonce after a few minutes.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  key          TEXT NOT NULL UNIQUE, -- what is sent, e.g. alert:<alert id>:<event id>, recap:<schedule>:<slot>:<part>
  kind         TEXT NOT NULL CHECK (kind IN ('recap', 'alert', 'follow')),
  guild_id     TEXT,                 -- NULL for a direct message
  target_id    TEXT NOT NULL,        -- the channel, or the user for a direct message
  marker       TEXT NOT NULL,        -- the nonce, and the reference printed in the message
  state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
  created_at   INTEGER NOT NULL,
  attempted_at INTEGER,
  attempts     INTEGER NOT NULL DEFAULT 0,
  sent_at      INTEGER,
  channel_id   TEXT,                 -- where the message landed (a DM channel, a new forum post)
  message_id   TEXT,
  detail       TEXT                  -- the last failure, as Discord said it
);
CREATE INDEX outbox_pending ON outbox(kind, created_at) WHERE state = 'pending';

-- /recap log shows alerts beside recaps: `kind` says which, `schedule_id` then holds the
-- alert channel's id, and `ref` the outbox marker printed in the message.
ALTER TABLE recap_deliveries ADD COLUMN kind TEXT NOT NULL DEFAULT 'recap' CHECK (kind IN ('recap', 'alert'));
ALTER TABLE recap_deliveries ADD COLUMN ref TEXT;
