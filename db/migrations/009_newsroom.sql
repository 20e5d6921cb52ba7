-- The newsroom: where every item a feed delivers went (src/newsroom decides), sources with
-- their language and date, and how well an event is attested.

-- One row per item a feed delivered, after matching and deduplication. Its id is the
-- engine's item id, so a development started by item 12 is group "g:12" for ever.
-- fate NULL: stored but not yet classified (the bot stopped in between): classified at start.
CREATE TABLE news_items (
  id           INTEGER PRIMARY KEY,
  story_id     INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  item_key     TEXT NOT NULL,
  url          TEXT,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL DEFAULT '',
  published_at INTEGER NOT NULL,
  language     TEXT NOT NULL CHECK (language IN ('en', 'zh')),
  outlet       TEXT NOT NULL,
  entity_ids   TEXT NOT NULL DEFAULT '[]',  -- JSON: the story's people it names
  fate         TEXT CHECK (fate IN ('attached', 'suggested', 'published', 'rejected', 'unmatched', 'duplicate')),
  group_id     TEXT,                        -- "g:<id>" of its development; "event:<key>" once attached
  event_key    TEXT,                        -- attached to / published as / probably a report of
  event_id     INTEGER REFERENCES events(id) ON DELETE SET NULL, -- the event it is a source of (pending while suggested)
  score        REAL,
  reason       TEXT NOT NULL DEFAULT '',
  seen_at      INTEGER NOT NULL,
  UNIQUE (feed_id, item_key)
);
CREATE INDEX news_items_by_story ON news_items(story_id, published_at DESC, id DESC);
CREATE INDEX news_items_by_event ON news_items(event_id) WHERE event_id IS NOT NULL;

-- Sources carry the report's language and date (null for sources from story files).
ALTER TABLE sources ADD COLUMN language TEXT;
ALTER TABLE sources ADD COLUMN published_at INTEGER;

-- Set by an editor (/editor status) or a story file; null: "reported" or "corroborated",
-- worked out from the number of distinct outlets.
ALTER TABLE events ADD COLUMN verification TEXT CHECK (verification IN ('confirmed', 'disputed', 'corrected'));
ALTER TABLE events ADD COLUMN verification_note TEXT;
