-- Editors: events added, corrected and removed from Discord, and the log of every change.

-- What an editor typed into the event form, kept so a refused form can be reopened as it was
-- (and, for a correction, the values the form first showed, so only what they changed is saved).
-- Only the same user may reopen a draft; drafts older than a day are purged as new ones arrive.
CREATE TABLE editor_drafts (
  id         INTEGER PRIMARY KEY,
  user_id    TEXT NOT NULL,
  story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  event_id   INTEGER,                       -- NULL for a new event; not a foreign key: the event may go meanwhile
  fields     TEXT NOT NULL,                 -- JSON: the form's fields as typed
  base       TEXT,                          -- JSON: the form's fields as first shown (corrections only)
  created_at INTEGER NOT NULL
);
CREATE INDEX editor_drafts_by_created ON editor_drafts(created_at);

-- The last number given to an editor's event per story (keys "ed_<n>"), never reused even
-- after a removal. Keyed by slug so it outlives a story removed and imported again.
CREATE TABLE editor_sequences (
  story_slug TEXT PRIMARY KEY,
  last_n     INTEGER NOT NULL
);

-- Every change an editor made, written in the same transaction as the change. No foreign
-- keys: the log keeps describing events (and stories) after they are gone.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  user_id     TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  story_id    INTEGER NOT NULL,
  story_slug  TEXT NOT NULL,
  event_id    INTEGER NOT NULL,
  event_key   TEXT NOT NULL,
  event_title TEXT NOT NULL,                -- the title at the time
  action      TEXT NOT NULL CHECK (action IN ('add', 'edit', 'remove')),
  changes     TEXT NOT NULL                 -- JSON: { field: { "before": v, "after": v } }
);
CREATE INDEX audit_by_event ON audit_log(event_id, id);
CREATE INDEX audit_by_story ON audit_log(story_slug, at);
CREATE INDEX audit_by_time ON audit_log(at);
