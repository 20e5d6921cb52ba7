-- News feeds (RSS, Atom, RDF, JSON Feed) that suggest events, and the review of what they suggest.

-- An event from a feed waits for review ('pending') unless its feed is trusted; a rejected
-- one is kept, so the same item never comes back. Everything else is 'published'.
ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
  CHECK (status IN ('published', 'pending', 'rejected'));

-- Published events by time, covering the timeline's paging and counts now that they filter
-- on status (a partial index: the planner uses it for `status = 'published'`). It takes over
-- from events_by_time, which no statement would use any more.
CREATE INDEX events_published_by_time ON events(story_id, at, id) WHERE status = 'published';
DROP INDEX events_by_time;
-- The few unpublished events: the review queue, and the anti-join in entity mention counts.
CREATE INDEX events_unpublished ON events(story_id, status, id) WHERE status <> 'published';

-- A watched feed. Removing one only marks it (removed_at), so what it has seen is kept and
-- adding it again does not bring old items back. story_slug, not a foreign key: a story
-- removed and re-imported keeps its feeds (as guild_settings does).
CREATE TABLE feeds (
  id             INTEGER PRIMARY KEY,
  url            TEXT NOT NULL UNIQUE,      -- as normalised by src/feeds/url.ts
  story_slug     TEXT NOT NULL,
  keywords       TEXT NOT NULL DEFAULT '[]', -- JSON array of extra words that make an item match
  trusted        INTEGER NOT NULL DEFAULT 0, -- 1: its events are published without review
  title          TEXT,                       -- from the feed, plain text
  etag           TEXT,                       -- for If-None-Match
  last_modified  TEXT,                       -- for If-Modified-Since
  last_fetch_at  INTEGER,                    -- last attempt, whatever its outcome
  last_ok_at     INTEGER,
  last_error     TEXT,                       -- an error kind (src/feeds/errors.ts), null after a success
  last_error_detail TEXT,                    -- e.g. the HTTP status; for the operator
  failures       INTEGER NOT NULL DEFAULT 0, -- consecutive
  skip_polls     INTEGER NOT NULL DEFAULT 0, -- backoff: polls still to skip
  paused_at      INTEGER,                    -- set after too many failures; /feed add clears it
  added_by       TEXT,
  added_at       INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  removed_at     INTEGER
);

-- Every item a feed has shown, by its dedupe key (guid, else normalised link, else a hash of
-- title and date): an item is examined once, even across restarts.
CREATE TABLE feed_items (
  feed_id  INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key TEXT NOT NULL,
  seen_at  INTEGER NOT NULL,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;

-- Links that already became an event in a story, whichever feed carried them: two feeds with
-- the same article make one event.
CREATE TABLE feed_links (
  story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  link     TEXT NOT NULL,
  event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
  PRIMARY KEY (story_id, link)
) WITHOUT ROWID;
